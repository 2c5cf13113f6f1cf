import { DomainError } from '../domain/errors/domain-error';

export const sessionsOutOfOrder = (message: string) =>
  new DomainError('bad_request', 'VALIDATION_FAILED', message, [{ field: 'sessions', message: 'sessions must be in order and must not overlap' }]);

/** `clash` names the shifts and the days on which they meet. */
export const shiftsOverlap = (clash: string) => new DomainError('unprocessable', 'SHIFTS_OVERLAP', clash, [{ field: 'sessions', message: clash }]);
