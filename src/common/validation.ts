import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { holdsNul, INHERITED_NAMES, notAcceptedField } from './body-limits';
import { ErrorDetail, validationFailed } from '../domain/errors/domain-error';

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator words "property x should not exist" for refused unknown fields.
      message: message.startsWith('property ') ? 'is not an accepted field' : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * A DTO body must be a JSON object: an array or a bare value is refused as a whole (field `body`),
 * rather than as unknown fields named "0", "1", …
 */
class ObjectBodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = metadata.type === 'body' && typeof metadata.metatype === 'function' && metadata.metatype !== Object;
    if (isDto && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw validationFailed([{ field: 'body', message: 'must be a JSON object' }]);
    }
    // Query strings too: `?constructor=1` would be skipped by class-transformer, unseen by the whitelist.
    const isDtoObject = typeof metadata.metatype === 'function' && metadata.metatype !== Object && typeof value === 'object' && value !== null;
    if (isDtoObject && (metadata.type === 'body' || metadata.type === 'query')) {
      const inherited = Object.keys(value).filter((key) => INHERITED_NAMES.has(key));
      if (inherited.length > 0) throw validationFailed(inherited.map(notAcceptedField));
      // JSON bodies were looked through already (body-limits.ts); query values are flat strings or lists of them.
      const withNul = Object.entries(value).find(([, field]) => [field].flat().some((text) => typeof text === 'string' && text.includes('\0')));
      if (withNul) throw holdsNul(withNul[0]);
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused, types are transformed, every failure has the one error shape. */
export function createValidationPipe(): ValidationPipe {
  return new ObjectBodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
