import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidationArguments } from 'class-validator';
import { intDoc } from './api-properties';
import { MultiLineText, SingleLineText } from './text';
import { IsCalendarDate, IsTimeZone, MONTH_PATTERN, OptionalNotNull } from './validators';

/*
 * The fields of request bodies and queries: one decorator documents a field and validates it from
 * the same limits, so that the OpenAPI document says what is enforced. The documentation options
 * are passed through as written (their order is the order of the document's keys).
 */

export interface FieldOptions {
  /**
   * The field may be left out. 'or-null': it may also be null (IsOptional); 'not-null': null is
   * refused, as it would blank a required column (OptionalNotNull).
   */
  optional?: 'or-null' | 'not-null';
}

type Doc = ApiPropertyOptions & FieldOptions;

/** Decorators applied as if written one above the other in this order (the lowest runs first), so that failures are listed in that order. */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...decorators.reverse());
}

/** The field's documentation, and whether it may be left out. */
function documented({ optional, ...doc }: Doc): PropertyDecorator[] {
  if (!optional) return [ApiProperty(doc)];
  return [ApiPropertyOptional(doc), optional === 'or-null' ? IsOptional() : OptionalNotNull()];
}

export type TextDoc = Doc & { maxLength: number; minLength?: number };

const lengthOf = (doc: TextDoc) => (doc.minLength === undefined ? MaxLength(doc.maxLength) : Length(doc.minLength, doc.maxLength));

/** One line of text a person types (a name, a title, a code): the documented length is enforced. */
export function TextField(doc: TextDoc): PropertyDecorator {
  return stacked(...documented(doc), IsString(), lengthOf(doc), SingleLineText());
}

/** Text that may break lines (a reason, a comment, an article): the documented length is enforced. */
export function MultiLineTextField(doc: TextDoc): PropertyDecorator {
  return stacked(...documented(doc), IsString(), lengthOf(doc), MultiLineText());
}

/** One line of text of a documented pattern (an employee number, a username, a serial number); `message` says the pattern in words. */
export function PatternField(doc: Doc & { pattern: RegExp }, message: string): PropertyDecorator {
  return stacked(...documented(doc), IsString(), Matches(doc.pattern, { message }), SingleLineText());
}

/** A month written YYYY-MM. */
export function MonthField(doc: ApiPropertyOptions = {}): PropertyDecorator {
  return stacked(
    ApiProperty({ example: '2026-11', pattern: MONTH_PATTERN.source, maxLength: 7, ...doc }),
    Matches(MONTH_PATTERN, { message: ({ property }: ValidationArguments) => `${property} must be YYYY-MM` }),
  );
}

/** A record id. */
export function UuidField(doc: Doc = {}): PropertyDecorator {
  return stacked(...documented({ format: 'uuid', ...doc }), IsUUID());
}

/** A real calendar date written YYYY-MM-DD. */
export function DateField(doc: Doc = {}): PropertyDecorator {
  return stacked(...documented({ format: 'date', ...doc }), IsCalendarDate());
}

/** An IANA time zone name (Asia/Shanghai); IsTimeZone refuses names over 64 characters, so the document says 64. */
export function TimeZoneField(doc: Doc & { maxLength: 64 }): PropertyDecorator {
  return stacked(...documented(doc), IsTimeZone());
}

/** One of `values`. */
export function EnumField(values: readonly unknown[], doc: Doc = {}): PropertyDecorator {
  return stacked(...documented({ enum: [...values], ...doc }), IsIn([...values]));
}

/** A list of distinct record ids, from `doc.minItems` to `doc.maxItems` of them. */
export function UuidListField(doc: ApiPropertyOptions & { minItems: number; maxItems: number }): PropertyDecorator {
  return stacked(ApiProperty(doc), IsArray(), ArrayMinSize(doc.minItems), ArrayMaxSize(doc.maxItems), ArrayUnique(), IsUUID(undefined, { each: true }));
}

/** A list of distinct values from `values`, at most `doc.maxItems` of them. */
export function DistinctListField(values: readonly unknown[], doc: Doc & { maxItems: number }): PropertyDecorator {
  return stacked(...documented(doc), IsArray(), ArrayMaxSize(doc.maxItems), ArrayUnique(), IsIn([...values], { each: true }));
}

type FromTextDoc = Doc & {
  /** A query string (or a body that may send it as text): the text is read first ('true', '12'). */
  fromText?: boolean;
};

const booleanFromText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** true or false. */
export function BooleanField({ fromText, ...doc }: FromTextDoc = {}): PropertyDecorator {
  return stacked(...documented(doc), ...(fromText ? [Transform(booleanFromText)] : []), IsBoolean());
}

/** A whole number from `minimum` to `maximum`. */
export function IntField(minimum: number, maximum: number, { fromText, optional, ...doc }: FromTextDoc = {}): PropertyDecorator {
  return stacked(
    ...documented({ ...intDoc(minimum, maximum, doc), optional }),
    ...(fromText ? [Type(() => Number)] : []),
    IsInt(),
    Min(minimum),
    Max(maximum),
  );
}
