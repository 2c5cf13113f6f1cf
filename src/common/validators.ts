import { ValidateIf, registerDecorator, ValidationOptions } from 'class-validator';
import { DateTime, IANAZone } from 'luxon';

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a real date written YYYY-MM-DD`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid,
      },
    });
}

/**
 * The field may be left out, but when present it may not be null (class-validator's
 * IsOptional lets null through, which would blank a required column).
 */
export const OptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);

/** An IANA time zone name that luxon knows (Asia/Shanghai, Europe/Berlin…). */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be an IANA time zone such as Asia/Shanghai`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length <= 64 && /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value) && IANAZone.isValidZone(value),
      },
    });
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
