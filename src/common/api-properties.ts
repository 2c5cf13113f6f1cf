import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

/*
 * The documentation of the fields of answers (request fields, which are also validated: fields.ts).
 * The options are added after the format, in the order written (the order of the document's keys).
 */

// A nullable field's TypeScript type (string | null) tells the document nothing: say it is text.
const withNull = (doc: ApiPropertyOptions): ApiPropertyOptions => (doc.nullable ? ({ ...doc, type: String } as ApiPropertyOptions) : doc);

/** A record id. */
export const ApiUuid = (doc: ApiPropertyOptions = {}) => ApiProperty(withNull({ format: 'uuid', ...doc }));

/** A calendar date, YYYY-MM-DD. */
export const ApiDate = (doc: ApiPropertyOptions = {}) => ApiProperty(withNull({ format: 'date', ...doc }));

/** An instant, RFC 3339. */
export const ApiDateTime = (doc: ApiPropertyOptions = {}) => ApiProperty(withNull({ format: 'date-time', ...doc }));

/** The document's options of a whole number from `minimum` to `maximum` (fields.ts validates the same). */
export const intDoc = (minimum: number, maximum: number, { nullable, ...doc }: ApiPropertyOptions = {}): ApiPropertyOptions => ({
  // `nullable` first: where the document has always listed it.
  nullable,
  minimum,
  maximum,
  type: 'integer',
  format: 'int32',
  ...doc,
});

/** A whole number from `minimum` to `maximum`. */
export const ApiInt = (minimum: number, maximum: number, doc: ApiPropertyOptions = {}) => ApiProperty(intDoc(minimum, maximum, doc));

/** An amount of money in fen (分), never negative: exact in a JSON number up to 2^53 − 1. */
export const ApiFen = (doc: ApiPropertyOptions = {}) => ApiProperty({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, type: 'integer', format: 'int64', ...doc });
