import { DomainError } from '../domain/errors/domain-error';
import type { Language } from '../domain/i18n/language';

/** A leave type as an error names it: by its name in the reader's language, not its code. */
export interface NamedLeaveType {
  code: string;
  names: Readonly<Record<Language, string>>;
}

/**
 * Issue 16: a request (or an adjustment) that would take a balance below zero when its rule forbids it.
 * The type's name, the days available and the days asked are parameters, so the sentence is whole in
 * either language and a client needs to parse nothing.
 */
export const balanceInsufficient = (type: NamedLeaveType, available: number, requested: number) =>
  new DomainError(
    'unprocessable',
    'LEAVE_BALANCE_INSUFFICIENT',
    `Not enough leave left: ${available} day(s) of ${type.names.en} available, ${requested} needed`,
    [{ field: 'endDate', message: `${available} day(s) available` }],
    { type: type.names, available, requested },
  );

export const balanceNotTracked = (type: string) =>
  new DomainError('unprocessable', 'LEAVE_BALANCE_NOT_TRACKED', `This leave type keeps no balance (${type})`, [{ field: 'leaveType', message: 'keeps no balance' }], { type });

/**
 * Issue 22: a 调休 request (or the office taking hours away) beyond the time off in lieu valid on
 * its dates. The same code and shape as the day balances, in hours.
 */
export const lieuInsufficient = (type: NamedLeaveType, availableHours: number, requestedHours: number, field = 'endDate') =>
  new DomainError(
    'unprocessable',
    'LEAVE_BALANCE_INSUFFICIENT',
    `Not enough leave left: ${availableHours} hour(s) of ${type.names.en} available on these dates, ${requestedHours} needed`,
    [{ field, message: `${availableHours} hour(s) available` }],
    { type: type.names, availableHours, requestedHours },
  );

/** Issue 22: the lieu kind belongs to the 调休 type alone, and that type keeps no other kind. */
export const lieuRuleMisplaced = (type: string) =>
  new DomainError('unprocessable', 'LEAVE_RULE_KIND_NOT_ALLOWED', `Only the lieu type keeps a lieu rule, and it keeps no other (${type})`, [{ field: 'kind', message: 'lieu belongs to the lieu type alone' }], { type });
