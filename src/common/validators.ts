import { ValidateIf, registerDecorator, ValidationOptions } from 'class-validator';
import { DateTime, IANAZone } from 'luxon';

/**
 * A real calendar date `YYYY-MM-DD` between 1970 and 2099 (2026-02-30 is refused): attendance has
 * no business outside those years, and date arithmetic on year 9999 would run into year 10000.
 */
export function isBusinessDate(value: unknown): value is string {
  return typeof value === 'string' && /^(19[7-9]\d|20\d{2})-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a real date written YYYY-MM-DD`, ...options },
      validator: {
        validate: (value: unknown) => isBusinessDate(value),
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

export const MONTH_PATTERN = /^(19[7-9]\d|20\d{2})-(0[1-9]|1[0-2])$/;

/** The code of a catalogue entry (a leave type, a position), as its paths and bodies name it. */
export const CATALOGUE_CODE = /^[a-z][a-z0-9_]{1,39}$/;
export const CATALOGUE_CODE_RULE = 'code must be 2-40 lower-case letters, digits or _, starting with a letter';
