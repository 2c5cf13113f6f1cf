import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError, validationFailed } from '../domain/errors/domain-error';
import { isBusinessDate } from './validators';

/** Path ids are UUIDs; anything else is a 400 naming the parameter. */
export const uuidParam = (name = 'id') =>
  new ParseUUIDPipe({ exceptionFactory: () => validationFailed([{ field: name, message: `${name} must be a UUID` }]) });

/** The record id of a route's `:id`, a UUID (documented by the route decorators of routes.ts). */
export const IdParam = () => Param('id', uuidParam());

/** Path dates are real calendar dates `YYYY-MM-DD`. */
export const dateParam = (name = 'date') => ({
  transform(value: unknown): string {
    if (isBusinessDate(value)) return value;
    throw validationFailed([{ field: name, message: `${name} must be a real date written YYYY-MM-DD` }]);
  },
});

/** Why a body that should hold nothing is refused (null: it holds nothing). */
export function nonEmptyBody(value: unknown): DomainError | null {
  if (value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return validationFailed([{ field: 'body', message: 'must be an empty object' }]);
  return validationFailed(Object.keys(value).map((field) => ({ field, message: 'is not an accepted field' })));
}

/** For actions that take no input: any field sent is refused, so nothing a client sends is silently ignored. */
export const EmptyBodyPipe = {
  transform(value: unknown): Record<string, never> {
    const refusal = nonEmptyBody(value);
    if (refusal) throw refusal;
    return {};
  },
};
