import { ParseUUIDPipe } from '@nestjs/common';
import { validationFailed } from './errors/domain-error';

/** Path ids are UUIDs; anything else is a 400 naming the parameter. */
export const uuidParam = (name = 'id') =>
  new ParseUUIDPipe({ exceptionFactory: () => validationFailed([{ field: name, message: `${name} must be a UUID` }]) });
