import { DomainError } from '../domain/errors/domain-error';

/** Issue 16: a request (or an adjustment) that would take a balance below zero when its rule forbids it. */
export const balanceInsufficient = (type: string, available: number, requested: number) =>
  new DomainError(
    'unprocessable',
    'LEAVE_BALANCE_INSUFFICIENT',
    `Not enough leave left: ${available} day(s) of ${type} available, ${requested} needed`,
    [{ field: 'endDate', message: `${available} day(s) available` }],
    { type, available, requested },
  );

export const balanceNotTracked = (type: string) =>
  new DomainError('unprocessable', 'LEAVE_BALANCE_NOT_TRACKED', `This leave type keeps no balance (${type})`, [{ field: 'leaveType', message: 'keeps no balance' }], { type });
