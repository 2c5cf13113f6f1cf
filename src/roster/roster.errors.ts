import { DomainError } from '../domain/errors/domain-error';

export const notAvailable = (date: string) =>
  new DomainError('unprocessable', 'DUTY_STAFF_NOT_AVAILABLE', `That person cannot be on duty on ${date}: not an active employee that day, or on approved leave`, [
    { field: 'staffId', message: 'not available that day' },
  ], { date });

export const rosterDayEmpty = (date: string) => new DomainError('not_found', 'ROSTER_DAY_EMPTY', `Nobody is on duty on ${date}`, [], { date });

export const unknownStaffIds = (ids: string[]) =>
  new DomainError('unprocessable', 'STAFF_NOT_FOUND', 'Some staff ids are unknown', ids.map((id) => ({ field: 'staffIds', message: id })));
