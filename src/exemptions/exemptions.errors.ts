import { DomainError, notFound } from '../domain/errors/domain-error';

export const exemptionNotFound = () => notFound('The exemption', 'EXEMPTION_NOT_FOUND');

export const invalidWindow = () =>
  new DomainError('bad_request', 'VALIDATION_FAILED', 'Give both from and to (from before to), or neither for the whole day', [{ field: 'to', message: 'must be after from' }]);
