import { DomainError } from '../domain/errors/domain-error';

export const invalidCredentials = () =>
  new DomainError('unauthorized', 'INVALID_CREDENTIALS', 'The username or password is wrong');

export const unauthenticated = (code: 'UNAUTHENTICATED' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_REVOKED' | 'DEVICE_KEY_INVALID', message: string) =>
  new DomainError('unauthorized', code, message);

export const roleRequired = (roles: string[]) =>
  new DomainError('forbidden', 'ROLE_REQUIRED', `This action needs the role ${roles.join(' or ')}`);

export const tooManyLoginAttempts = (retryAfterSeconds: number) =>
  new DomainError('too_many_requests', 'TOO_MANY_LOGIN_ATTEMPTS', 'Too many failed sign-ins; wait before trying again', [
    { field: 'retryAfterSeconds', message: String(retryAfterSeconds) },
  ]);

export const deviceNotAllowed = () =>
  new DomainError('forbidden', 'DEVICE_NOT_ALLOWED', 'A device key can only add punches (POST /punches/batch, POST /punches/import)');
