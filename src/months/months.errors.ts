import { DomainError, notFound } from '../domain/errors/domain-error';

export const monthClosedAlready = (month: string) => new DomainError('conflict', 'MONTH_CLOSED', `${month} is closed already`, [], { months: month });

export const monthNotOver = (month: string, today: string) =>
  new DomainError('unprocessable', 'MONTH_NOT_OVER', `${month} is not over yet (today is ${today})`, [{ field: 'month', message: 'must be over' }], { month, today });

export const monthHasPendingDays = (month: string, count: number) =>
  new DomainError('unprocessable', 'MONTH_HAS_PENDING_DAYS', `${count} day(s) of ${month} are still pending`, [{ field: 'month', message: `${count} pending day(s)` }], { month, count });

export const monthNotClosed = (month: string) => new DomainError('conflict', 'MONTH_NOT_CLOSED', `${month} is not closed`, [], { month });

export const monthNeverClosed = (month: string) => notFound(`A closed report of ${month}`, 'MONTH_NEVER_CLOSED', { month });
