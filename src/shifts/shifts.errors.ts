import { DomainError } from '../domain/errors/domain-error';
import type { ShiftVersion } from '../domain/shifts';

export const sessionsOutOfOrder = (message: string) =>
  new DomainError('bad_request', 'VALIDATION_FAILED', message, [{ field: 'sessions', message: 'sessions must be in order and must not overlap' }]);

/** `first` would run into the next day's `second`: the sentence names both shifts, their versions and the two times. */
export function shiftsOverlap(first: ShiftVersion, second: ShiftVersion): DomainError {
  const clash = {
    field: 'sessions',
    message: `the ${first.code} shift (from ${first.effectiveFrom}) ends at ${first.sessions[first.sessions.length - 1].end}, after the next day's ${second.code} shift (from ${second.effectiveFrom}) starts at ${second.sessions[0].start}`,
  };
  return new DomainError('unprocessable', 'SHIFTS_OVERLAP', clash.message, [clash]);
}
