import { DomainError, notFound } from '../domain/errors/domain-error';
import type { CorrectionKind } from '../domain/attendance/corrections';

export const correctionNotFound = () => notFound('The make-up punch request', 'CORRECTION_NOT_FOUND');

export const dayNotScheduled = (date: string) =>
  new DomainError('unprocessable', 'CORRECTION_DAY_NOT_SCHEDULED', `You have no shift on ${date}: only a scheduled day can be corrected`, [{ field: 'date', message: 'is not a scheduled day' }], { date });

export const correctionInFuture = () =>
  new DomainError('unprocessable', 'CORRECTION_IN_FUTURE', 'A make-up punch cannot be for a time still to come', [{ field: 'at', message: 'is in the future' }]);

export const outsideWindow = (open: string, close: string) =>
  new DomainError('unprocessable', 'CORRECTION_OUTSIDE_WINDOW', `The time must fall in the shift's punch window (${open} – ${close})`, [{ field: 'at', message: 'is outside the punch window' }], { open, close });

export const correctionTooOld = (earliest: string, daysBack: number) =>
  new DomainError('unprocessable', 'CORRECTION_TOO_OLD', `Only days from ${earliest} on may still be corrected (${daysBack} days back, today included)`, [{ field: 'date', message: `must not be before ${earliest}` }], { earliest, daysBack });

export const correctionLimitReached = (limit: number, month: string) =>
  new DomainError('unprocessable', 'CORRECTION_LIMIT_REACHED', `The limit of ${limit} make-up punch requests for ${month} is reached`, [{ field: 'date', message: 'no requests left this month' }], { limit, month });

export const correctionExists = () =>
  new DomainError('conflict', 'CORRECTION_EXISTS', 'There is already a pending or approved request for this punch', [{ field: 'direction', message: 'has a live request already' }]);

export const kindNotAllowed = (kind: CorrectionKind) =>
  new DomainError('unprocessable', 'CORRECTION_KIND_NOT_ALLOWED', `The policy does not allow correcting a ${kind.replace('_', ' ')}`, [{ field: 'at', message: 'this kind of correction is not allowed' }], { kind });

export const correctionNotNeeded = () =>
  new DomainError('unprocessable', 'CORRECTION_NOT_NEEDED', 'That punch is neither missing, late nor early on the day, or the time would not be read as that punch', [{ field: 'direction', message: 'nothing to correct' }]);

export const sessionUnknown = (sessions: number) =>
  new DomainError('bad_request', 'VALIDATION_FAILED', `The shift of that day has ${sessions} session(s)`, [{ field: 'session', message: `must be below ${sessions}` }]);

export const invalidCorrectionAt = (problem: string) =>
  new DomainError('bad_request', 'VALIDATION_FAILED', 'at is not a valid date-time', [{ field: 'at', message: `at is not a valid date-time: ${problem}` }]);
