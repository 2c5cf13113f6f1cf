import fc from 'fast-check';
import { ActorName, FuzzRequest, isMonthPattern, Pools, validValue } from './arbitraries';
import { CALENDAR_EDGES, deeplyNested, percentEncode, toJsonText } from './nasty';
import type { JsonSchema, Operation } from './openapi';

/**
 * Deterministic request lists, generated from the OpenAPI document, for classes of input that
 * each have their own test: one hostile value in an otherwise schema-valid request.
 */

const SEED = 20261127;

/** One schema-valid value, the same on every run. */
function sample(schema: JsonSchema, name: string, pools: Pools, index = 0): unknown {
  return fc.sample(validValue({ ...schema, nullable: false }, name, pools), { seed: SEED + index, numRuns: index + 1 })[index];
}

function sampleObject(schema: JsonSchema, pools: Pools): Record<string, unknown> {
  // Every documented field present, so that the hostile one sits among valid ones.
  const object: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) object[key] = sample(property, key, pools);
  return object;
}

interface Parts {
  path: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown> | null;
}

function baseParts(operation: Operation, pools: Pools): Parts {
  const path: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') path[parameter.name] = pools.pathValues(operation.path, parameter.name)[0] ?? String(sample(parameter.schema, parameter.name, pools));
    if (parameter.in === 'query' && parameter.required) query[parameter.name] = String(sample(parameter.schema, parameter.name, pools));
  }
  const schema = jsonSchemaOf(operation);
  return { path, query, body: schema ? sampleObject(schema, pools) : null };
}

export const jsonSchemaOf = (operation: Operation): JsonSchema | null => operation.body?.content['application/json'] ?? null;

function toRequest(operation: Operation, actor: ActorName, parts: Parts, note: string, rawBody?: string): FuzzRequest {
  let target = operation.path;
  for (const [name, value] of Object.entries(parts.path)) target = target.replace(`{${name}}`, percentEncode(value));
  const query = Object.entries(parts.query).map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`);
  if (query.length > 0) target += `?${query.join('&')}`;
  const body = rawBody ?? (parts.body === null ? null : toJsonText(parts.body));
  return new FuzzRequest(operation.id, actor, operation.method, target, body === null ? {} : { 'content-type': 'application/json' }, body, note);
}

const withNul = (value: string, schema: JsonSchema): string => {
  const max = schema.maxLength ?? Infinity;
  const text = value.length > 0 ? value : 'x';
  const half = Math.ceil(text.length / 2);
  return `${text.slice(0, half)}\u0000${text.slice(half)}`.slice(0, Math.max(max, 2));
};

const isString = (schema: JsonSchema) => schema.type === 'string';

/** One NUL character in one string — a body field (nested ones too), a query or path parameter — of an otherwise valid request. */
export function nulProbes(operations: Operation[], pools: Pools, actors: ActorName[]): FuzzRequest[] {
  const probes: FuzzRequest[] = [];
  for (const operation of operations) {
    const base = baseParts(operation, pools);
    const variants: { parts: Parts; note: string }[] = [];
    for (const parameter of operation.parameters) {
      if (!isString(parameter.schema) || (parameter.in !== 'path' && parameter.in !== 'query')) continue;
      const where = parameter.in === 'path' ? 'path' : 'query';
      const current = parameter.in === 'path' ? base.path[parameter.name] : (base.query[parameter.name] ?? String(sample(parameter.schema, parameter.name, pools)));
      const parts: Parts = { path: { ...base.path }, query: { ...base.query }, body: base.body };
      parts[where][parameter.name] = withNul(current, parameter.schema);
      variants.push({ parts, note: `NUL in ${where} ${parameter.name}` });
    }
    const schema = jsonSchemaOf(operation);
    if (schema && base.body) {
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (isString(property)) {
          variants.push({ parts: { ...base, body: { ...base.body, [key]: withNul(String(sample(property, key, pools)), property) } }, note: `NUL in ${key}` });
        }
        const item = property.items;
        if (property.type === 'array' && item?.type === 'object') {
          for (const [inner, innerSchema] of Object.entries(item.properties ?? {})) {
            if (!isString(innerSchema)) continue;
            const element = { ...sampleObject(item, pools), [inner]: withNul(String(sample(innerSchema, inner, pools)), innerSchema) };
            variants.push({ parts: { ...base, body: { ...base.body, [key]: [element] } }, note: `NUL in ${key}[0].${inner}` });
          }
        }
        if (property.type === 'array' && item && isString(item)) {
          variants.push({ parts: { ...base, body: { ...base.body, [key]: [withNul(String(sample(item, `${key}[]`, pools)), item)] } }, note: `NUL in ${key}[0]` });
        }
      }
    }
    for (const variant of variants) for (const actor of actors) probes.push(toRequest(operation, actor, variant.parts, variant.note));
  }
  return probes;
}

/** JSON nested `depth` levels deep: as the whole body, and as the value of each field. */
export function nestingProbes(operations: Operation[], pools: Pools, depths: number[]): FuzzRequest[] {
  const probes: FuzzRequest[] = [];
  for (const operation of operations) {
    const schema = jsonSchemaOf(operation);
    if (!schema) continue;
    const base = baseParts(operation, pools);
    for (const depth of depths) {
      const arrays = deeplyNested(depth).text;
      const objects = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      probes.push(toRequest(operation, 'admin', base, `body nested ${depth} arrays deep`, arrays));
      const field = Object.keys(schema.properties ?? {})[0] ?? 'a';
      const bodyText = toJsonText({ ...(base.body ?? {}), [field]: 0 }).replace(`${JSON.stringify(field)}:0`, `${JSON.stringify(field)}:${objects}`);
      probes.push(toRequest(operation, 'admin', base, `${field} nested ${depth} objects deep`, bodyText));
    }
  }
  return probes;
}

const isMonth = (schema: JsonSchema) => isString(schema) && isMonthPattern(schema.pattern);
const isDate = (schema: JsonSchema) => isString(schema) && schema.format === 'date';

/** The edges of the calendar (CALENDAR_EDGES) in one month or date input of an otherwise valid request. */
export function calendarEdgeProbes(operations: Operation[], pools: Pools): FuzzRequest[] {
  const probes: FuzzRequest[] = [];
  const edgesFor = (schema: JsonSchema) => (isMonth(schema) ? CALENDAR_EDGES.months : isDate(schema) ? CALENDAR_EDGES.dates : []);
  for (const operation of operations) {
    const base = baseParts(operation, pools);
    for (const parameter of operation.parameters) {
      if (parameter.in !== 'path' && parameter.in !== 'query') continue;
      for (const edge of edgesFor(parameter.schema)) {
        const where = parameter.in === 'path' ? 'path' : 'query';
        const parts: Parts = { path: { ...base.path }, query: { ...base.query }, body: base.body };
        parts[where][parameter.name] = edge;
        probes.push(toRequest(operation, 'admin', parts, `${where} ${parameter.name}=${edge}`));
      }
    }
    const schema = jsonSchemaOf(operation);
    if (schema && base.body) {
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        for (const edge of edgesFor(property)) probes.push(toRequest(operation, 'admin', { ...base, body: { ...base.body, [key]: edge } }, `${key}=${edge}`));
      }
    }
  }
  return probes;
}
