import { DomainError, notFound } from '../domain/errors/domain-error';
import type { CapBreach } from '../domain/overtime/requests';
import type { OvertimeKind } from '../domain/overtime/policy';

export const overtimeNotFound = () => notFound('The overtime request', 'OVERTIME_NOT_FOUND');

export const overtimeTooLate = (earliest: string, daysAfter: number) =>
  new DomainError('unprocessable', 'OVERTIME_TOO_LATE', `Overtime may be filed afterwards only for days from ${earliest} on (${daysAfter} days back)`, [{ field: 'date', message: `must not be before ${earliest}` }], { earliest, daysAfter });

export const overtimeOverlapsShift = (date: string) =>
  new DomainError('unprocessable', 'OVERTIME_OVERLAPS_SHIFT', `The window overlaps your shift on ${date}: overtime is work outside the shift's sessions`, [{ field: 'start', message: 'overlaps a session of the shift' }], { date });

export const overtimeOverlaps = () =>
  new DomainError('conflict', 'OVERTIME_OVERLAPS', 'You already have a pending or approved overtime request covering part of this time', [{ field: 'start', message: 'overlaps a live overtime request' }]);

export const lieuNotAllowed = (kind: OvertimeKind) =>
  new DomainError('unprocessable', 'OVERTIME_LIEU_NOT_ALLOWED', `Time off in lieu is only for rest-day work; ${kind === 'holiday' ? 'holiday work is paid at 300%' : 'working-day extended hours are paid at 150%'} (劳动法第44条)`, [{ field: 'compensation', message: 'lieu is only for a rest day' }], { kind });

/** 劳动法 第41条: which cap, its limit and what is left, in minutes. */
export const overtimeCapExceeded = (breach: CapBreach) =>
  new DomainError(
    'unprocessable',
    'OVERTIME_CAP_EXCEEDED',
    `The ${breach.cap} overtime cap of ${breach.limitMinutes} min is exceeded: ${breach.leftMinutes} min left (劳动法第41条)`,
    [{ field: 'end', message: `${breach.cap} cap exceeded, ${breach.leftMinutes} min left` }],
    { cap: breach.cap, limitMinutes: breach.limitMinutes, leftMinutes: breach.leftMinutes },
  );

export const overrideNeedsAdmin = () =>
  new DomainError('forbidden', 'ROLE_REQUIRED', 'Only an administrator may go beyond the overtime caps (capOverrideReason) or file overtime for someone else');

export const invalidOvertimeTime = (field: string) =>
  new DomainError('bad_request', 'VALIDATION_FAILED', `${field} is not a time of that day`, [{ field, message: 'is not a valid time' }]);

export const overtimeNotEmployed = (date: string) =>
  new DomainError('unprocessable', 'OVERTIME_NOT_EMPLOYED', `Not employed on ${date}: no overtime can be filed for that day`, [{ field: 'date', message: 'is not a day of employment' }], { date });
