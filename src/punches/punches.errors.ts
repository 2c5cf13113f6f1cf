import { DomainError, notFound } from '../domain/errors/domain-error';
import type { RejectedLine } from './punch-lines';

export const punchNotFound = () => notFound('The punch', 'PUNCH_NOT_FOUND');

export const alreadyVoided = () => new DomainError('conflict', 'PUNCH_ALREADY_VOIDED', 'The punch was voided already');

export const punchExists = () =>
  new DomainError('conflict', 'PUNCH_EXISTS', 'This person already has a punch at that second', [{ field: 'at', message: 'a punch exists at this second' }]);

export const invalidAt = (problem: string) =>
  new DomainError('bad_request', 'VALIDATION_FAILED', 'at is not a valid date-time', [{ field: 'at', message: `at is not a valid date-time: ${problem}` }]);

export const rangeOutOfBounds = () =>
  new DomainError('bad_request', 'VALIDATION_FAILED', 'from must not be after to, and the range at most a year', [{ field: 'to', message: 'out of range' }]);

/** The client went away before its body ended (or the body timed out: the 408 is out already). */
export const uploadCutOff = () => new DomainError('bad_request', 'UPLOAD_INCOMPLETE', 'The upload ended before its body was complete', [{ field: 'body', message: 'incomplete' }]);


/** A single-punch request (clock-in, manual punch) refused for the reason its one line was. */
export function singleLineRefused(line: RejectedLine, field: string): DomainError {
  if (line.reason === 'MONTH_CLOSED') return new DomainError('conflict', 'MONTH_CLOSED', line.message, [{ field, message: line.message }]);
  if (line.reason === 'TIME_UNPARSEABLE') return new DomainError('bad_request', 'VALIDATION_FAILED', line.message, [{ field, message: line.message }]);
  return new DomainError('unprocessable', line.reason, line.message, [{ field, message: line.message }]);
}

export const importTooLarge = (limit: number) =>
  new DomainError('payload_too_large', 'PAYLOAD_TOO_LARGE', `The file is larger than ${limit} bytes`, [{ field: 'body', message: `at most ${limit} bytes` }], { limit });

export const importFormatUnknown = () =>
  new DomainError('bad_request', 'IMPORT_FORMAT_UNKNOWN', 'Expected a CSV with the header "employeeNo,at" or a ZKTeco tab-separated attendance log', [
    { field: 'body', message: 'unrecognised first line' },
  ]);

export const importNotText = () =>
  new DomainError('unsupported_media_type', 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv, text/plain, text/tab-separated-values or application/octet-stream', [
    { field: 'content-type', message: 'must be a text type' },
  ]);
