import { DomainError, notFound } from '../domain/errors/domain-error';

export const recordNotFound = () => notFound('The disciplinary record', 'DISCIPLINARY_RECORD_NOT_FOUND');

export const warningWithAmount = () =>
  new DomainError('bad_request', 'VALIDATION_FAILED', 'A warning has no amount', [{ field: 'amountFen', message: 'must be absent for a warning' }]);

export const unknownStaff = () => new DomainError('unprocessable', 'STAFF_NOT_FOUND', 'No such staff member', [{ field: 'staffId', message: 'unknown' }]);

export const noHandbookInForce = (date: string) => new DomainError('unprocessable', 'NO_HANDBOOK_IN_FORCE', `No handbook version was in force on ${date}`, [], { date });

export const articleNotInForce = (version: number, occurredOn: string) =>
  new DomainError('unprocessable', 'ARTICLE_NOT_IN_FORCE', `Cite articles of handbook version ${version}, the one in force on ${occurredOn}`, [
    { field: 'articleIds', message: `not all are articles of version ${version}` },
  ], { version, occurredOn });
