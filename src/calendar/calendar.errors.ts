import { DomainError } from '../domain/errors/domain-error';

export const overrideNotFound = (date: string) => new DomainError('not_found', 'CALENDAR_OVERRIDE_NOT_FOUND', `There is no override on ${date}`, [], { date });
