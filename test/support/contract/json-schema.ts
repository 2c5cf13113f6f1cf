/**
 * Turns the OpenAPI 3.0 schemas of the document into JSON Schema that ajv understands, keeping
 * OpenAPI's meaning exactly (so that the check sees what a generated client would believe):
 *
 * - `nullable: true` adds `null` to the type, but not to an `enum`: in OpenAPI 3.0.3 an enum that
 *   allows null must list it, so a nullable enum without `null` in its list refuses null here too.
 * - An object that lists its properties and says nothing else has no other properties: a client
 *   generated from the document would not know of them, so an undocumented field is a mismatch.
 * - `$ref`s into `#/components/schemas` point at the one shared `components` schema.
 */

export type Schema = Record<string, unknown>;

export const COMPONENTS_ID = 'openapi-components';

const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;

export function toJsonSchema(source: Schema): Schema {
  const schema: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example' || key === 'examples' || key === 'discriminator' || key === 'xml' || key === 'externalDocs') continue;
    if (key === '$ref') schema.$ref = String(value).replace('#/components/schemas/', `${COMPONENTS_ID}#/definitions/`);
    else if (key === 'properties') schema.properties = mapValues(value as Record<string, Schema>, toJsonSchema);
    else if ((key === 'items' || key === 'not' || key === 'additionalProperties') && typeof value === 'object' && value !== null) schema[key] = toJsonSchema(value as Schema);
    else if ((SCHEMA_LISTS as readonly string[]).includes(key)) schema[key] = (value as Schema[]).map(toJsonSchema);
    else schema[key] = value;
  }
  if (schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
  if (source.nullable !== true) return schema;
  // A nullable composition (`allOf: [$ref]`, as @nestjs/swagger writes a nullable class): null, or what the rest says.
  if (typeof schema.type !== 'string' || schema.$ref || SCHEMA_LISTS.some((key) => schema[key])) return { anyOf: [{ type: 'null' }, schema] };
  return { ...schema, type: [schema.type, 'null'] };
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));
}
