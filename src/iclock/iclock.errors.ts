import { DomainError } from '../domain/errors/domain-error';

export const serialMissing = () =>
  new DomainError('bad_request', 'DEVICE_SERIAL_MISSING', 'The request names no device: add ?SN=<serial number>', [{ field: 'SN', message: 'is required' }]);

export const serialInvalid = () =>
  new DomainError('bad_request', 'VALIDATION_FAILED', 'SN must be 1-64 letters, digits, ., - or _', [{ field: 'SN', message: 'must be 1-64 letters, digits, ., - or _' }]);

/** Refused, and the serial recorded for GET /devices/unknown, so that an admin can register it. */
export const deviceNotRegistered = (serial: string) =>
  new DomainError('forbidden', 'DEVICE_NOT_REGISTERED', `Device ${serial} is not registered with this service; an administrator registers it under /devices`, [], { serial });

export const deviceInactive = (serial: string) => new DomainError('forbidden', 'DEVICE_INACTIVE', `Device ${serial} has been deactivated by an administrator`, [], { serial });

export const bodyNotText = () =>
  new DomainError('bad_request', 'BODY_NOT_TEXT', 'Upload the table as plain text lines (Content-Type: text/plain)', [{ field: 'body', message: 'must be text' }]);

export const unsupportedRoute = (path: string) =>
  new DomainError('not_found', 'ICLOCK_ROUTE_UNKNOWN', `${path.slice(0, 100)} is not part of the push protocol this service speaks`);

/** An accepted clock skew needs its period: the seconds, and the first and last date they apply to. */
export const retrySkewIncomplete = (input: { clockSkewSeconds?: number; from?: string; to?: string }) =>
  new DomainError(
    'bad_request',
    'VALIDATION_FAILED',
    'clockSkewSeconds, from and to are given together',
    (['clockSkewSeconds', 'from', 'to'] as const).filter((field) => input[field] === undefined).map((field) => ({ field, message: 'is required' })),
  );

export const retrySkewPeriodReversed = (from: string) => new DomainError('bad_request', 'VALIDATION_FAILED', 'The period ends before it starts', [{ field: 'to', message: `must not be before ${from}` }]);
