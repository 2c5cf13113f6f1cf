import { DomainError, notFound } from '../domain/errors/domain-error';

export const positionNotFound = () => notFound('The position', 'POSITION_NOT_FOUND');

export const positionCodeTaken = () => new DomainError('conflict', 'POSITION_CODE_TAKEN', 'This position code is already in use', [{ field: 'code', message: 'is taken' }]);
