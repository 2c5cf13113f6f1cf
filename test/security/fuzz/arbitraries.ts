import fc from 'fast-check';
import type { HttpMethod, JsonSchema, Operation, Parameter } from './openapi';
import {
  abbreviate,
  BAD_BOOLEANS,
  BAD_DATE_TIMES,
  BAD_DATES,
  BAD_MONTHS,
  BAD_NUMBERS,
  BAD_TIME_ZONES,
  BAD_TIMES,
  BAD_UUIDS,
  deeplyNested,
  EXTRA_FIELD_NAMES,
  HUGE_STRINGS,
  hugeString,
  SCRIPT_FRAGMENTS,
  SQL_FRAGMENTS,
  UNICODE_STRINGS,
  NASTY_STRINGS,
  percentEncode,
  RawJson,
  toJsonText,
  withOwn,
} from './nasty';

/** How deep the generators nest JSON: the API nests a few levels; thousands once overflowed the validator's recursion (a 500). */
const DEEP = 3_000;

/** A `YYYY-MM` month pattern (whatever years it allows). */
export const isMonthPattern = (pattern: string | undefined): boolean => typeof pattern === 'string' && pattern.includes('-(0[1-9]|1[0-2])$');

export type ActorName = 'admin' | 'employee' | 'device' | 'anonymous';

/** Real values to aim at: ids of objects created before the run, existing codes and dates. */
export interface Pools {
  /** Real values for a path parameter (`/staff/{id}` → staff ids). */
  pathValues(path: string, name: string): string[];
  staffIds: string[];
  articleIds: string[];
  anyIds: string[];
  employeeNos: string[];
}

/** One HTTP request, ready to send; prints itself short (huge strings abbreviated). */
export class FuzzRequest {
  constructor(
    readonly operation: string,
    readonly actor: ActorName,
    readonly method: HttpMethod,
    /** Path and query, already encoded. */
    readonly target: string,
    readonly headers: Record<string, string>,
    readonly body: string | null,
    /** What the generator did to the input, for the report. */
    readonly mutation: string,
  ) {}

  toString(): string {
    const headers = Object.entries(this.headers).map(([key, value]) => `${key}: ${abbreviate(value, 80)}`);
    const target = this.target.length > 300 ? `${this.target.slice(0, 300)}…(${this.target.length} chars)` : this.target;
    return [
      `${this.method.toUpperCase()} ${target} as ${this.actor} [${this.mutation}]`,
      ...headers,
      this.body === null ? '(no body)' : `body ${abbreviate(this.body, 400)} (${Buffer.byteLength(this.body)} bytes)`,
    ].join('\n    ');
  }

  [fc.toStringMethod](): string {
    return this.toString();
  }
}

// Mostly around "today" (2026-11-27), and the far ends of the years the service accepts that every part handles (2000–2099).
const GOOD_DATES = ['2026-11-27', '2026-11-30', '2026-12-01', '2026-12-03', '2026-12-15', '2027-01-04', '2026-10-15', '2026-11-16', '2000-01-01', '2099-12-31'];
const GOOD_MONTHS = ['2026-10', '2026-11', '2026-12', '2027-01', '2025-06', '2000-01', '2099-12'];
const GOOD_DATE_TIMES = ['2026-11-03T08:29:12+08:00', '2026-11-03 08:29:12', '2026-11-20T17:31:00+08:00', '2026-12-01T09:00:00Z'];

/** A value the schema accepts (as far as the document says). */
export function validValue(schema: JsonSchema, name: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const plain = validNonNull(schema, name, pools, depth);
  return schema.nullable ? fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: fc.constant(null) }) : plain;
}

function idsFor(name: string, pools: Pools): string[] {
  if (/^(staffId|staffIds|supervisorId)(\[\])?$/.test(name)) return pools.staffIds;
  if (/^articleIds(\[\])?$/.test(name)) return pools.articleIds;
  return pools.anyIds;
}

function validNonNull(schema: JsonSchema, name: string, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return validString(schema, name, pools);
    case 'integer':
    case 'number': {
      if (name === 'workWeek[]') return fc.integer({ min: 1, max: 7 });
      const min = schema.minimum ?? 0;
      const max = Math.min(schema.maximum ?? 1000, min + 1000);
      if (schema.type === 'integer') return fc.integer({ min, max });
      // Numbers the service takes are days in half steps (leave balances): whole and half values within the bounds.
      return fc.integer({ min: Math.ceil(min * 2), max: Math.floor(max * 2) }).map((halves) => halves / 2);
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const item = validValue(schema.items ?? {}, `${name}[]`, pools, depth + 1);
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? minLength + 3, minLength + 3);
      return fc.array(item, { minLength, maxLength });
    }
    case 'object':
      return validObject(schema, pools, depth + 1);
    default:
      return fc.oneof(fc.constant('x'), fc.integer(), fc.boolean());
  }
}

function validString(schema: JsonSchema, name: string, pools: Pools): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...idsFor(name, pools)) }, { weight: 1, arbitrary: fc.uuid() });
  if (schema.format === 'date') return fc.constantFrom(...GOOD_DATES);
  if (schema.format === 'password') return fc.constantFrom('password-123-fuzz', 'correct horse battery staple');
  if (name === 'month' || name === 'effectiveMonth') return fc.constantFrom(...GOOD_MONTHS);
  if (name === 'timeZone') return fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'UTC');
  if (name === 'at') return fc.constantFrom(...GOOD_DATE_TIMES);
  if (name === 'type') return fc.constantFrom('personal', 'sick', 'marriage');
  if (name === 'positionCode') return fc.constantFrom('presales_service', 'designer');
  if (name === 'employeeNo' && pools.employeeNos.length > 0) return fc.oneof(fc.constantFrom(...pools.employeeNos), fc.stringMatching(/^[A-Z][0-9]{3,6}$/));
  const maxLength = schema.maxLength ?? 40;
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    return fc.stringMatching(pattern).filter((value) => value.length <= maxLength);
  }
  const minLength = Math.max(schema.minLength ?? 0, 1);
  const random = fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength, 30)) });
  return typeof schema.example === 'string' ? fc.oneof(fc.constant(schema.example), random) : random;
}

function validObject(schema: JsonSchema, pools: Pools, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) model[key] = validValue(property, key, pools, depth);
  const requiredKeys = (schema.required ?? []).filter((key) => key in properties);
  return fc.record(model, { requiredKeys });
}

/** A value of the wrong type, out of range, malformed, huge or hostile for this schema. */
export function invalidValue(schema: JsonSchema, name: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const choices: fc.Arbitrary<unknown>[] = [];
  const notNull = schema.nullable ? [] : [null];
  switch (schema.type) {
    case 'string': {
      choices.push(fc.constantFrom<unknown>(12345, -1, 1.5, true, false, ['x'], { value: 'x' }, [], {}, ...notNull));
      choices.push(fc.constantFrom(...NASTY_STRINGS), fc.constantFrom(...HUGE_STRINGS));
      choices.push(fc.string({ unit: 'binary', maxLength: 40 }));
      if (schema.maxLength !== undefined) choices.push(fc.constant(hugeString('a', schema.maxLength + 1)));
      if ((schema.minLength ?? 0) > 0) choices.push(fc.constant('a'.repeat((schema.minLength ?? 1) - 1)));
      if (schema.enum) choices.push(fc.constantFrom<unknown>(...schema.enum.map((value) => String(value).toUpperCase()), ...schema.enum.map((value) => ` ${String(value)}`), 'other'));
      if (schema.format === 'date') choices.push(fc.constantFrom(...BAD_DATES), fc.constantFrom(...BAD_DATES));
      if (schema.format === 'uuid') choices.push(fc.constantFrom(...BAD_UUIDS));
      if (isMonthPattern(schema.pattern)) choices.push(fc.constantFrom(...BAD_MONTHS));
      if (schema.pattern && /:\[0-5\]/.test(schema.pattern)) choices.push(fc.constantFrom(...BAD_TIMES), fc.constantFrom(...BAD_TIMES));
      if (name === 'at') choices.push(fc.constantFrom(...BAD_DATE_TIMES), fc.constantFrom(...BAD_DATE_TIMES));
      if (name === 'timeZone') choices.push(fc.constantFrom(...BAD_TIME_ZONES));
      if (schema.pattern) choices.push(fc.stringMatching(new RegExp(schema.pattern)).chain((value) => fc.constantFrom(`${value}\n`, ` ${value}`, `${value}${value}`)));
      break;
    }
    case 'integer':
    case 'number': {
      choices.push(fc.constantFrom(...BAD_NUMBERS), fc.constantFrom(...BAD_NUMBERS));
      if (schema.minimum !== undefined) choices.push(fc.constant(schema.minimum - 1), fc.constant(schema.minimum - 0.5));
      if (schema.maximum !== undefined) choices.push(fc.constant(schema.maximum + 1), fc.constant(schema.maximum * 1000));
      choices.push(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Number.isInteger(value)));
      choices.push(fc.constantFrom(...NASTY_STRINGS));
      break;
    }
    case 'boolean':
      choices.push(fc.constantFrom(...BAD_BOOLEANS), fc.constantFrom(...NASTY_STRINGS));
      break;
    case 'array': {
      const itemSchema = schema.items ?? {};
      const validItem = validValue(itemSchema, `${name}[]`, pools, depth + 1);
      choices.push(fc.constantFrom<unknown>('x', 1, true, {}, { 0: 'x' }, ...notNull));
      const tooMany = (schema.maxItems ?? 10_000) + 1;
      choices.push(validItem.map((item) => Array.from({ length: tooMany }, () => item)));
      if ((schema.minItems ?? 0) > 0) choices.push(fc.constant([]));
      choices.push(fc.constant(deeplyNested(DEEP)));
      if (depth < 3) {
        const badItem = itemSchema.type === 'object' ? mutatedObject(itemSchema, pools, depth + 1).map((mutated) => mutated.value) : invalidValue(itemSchema, `${name}[]`, pools, depth + 1);
        choices.push(fc.tuple(fc.array(validItem, { maxLength: 2 }), badItem).map(([items, bad]) => [...items, bad]));
        choices.push(fc.tuple(fc.array(validItem, { maxLength: 2 }), badItem).map(([items, bad]) => [...items, bad]));
      }
      choices.push(fc.constant([null]), fc.constant([[]]), fc.constant([{}]));
      break;
    }
    case 'object': {
      choices.push(fc.constantFrom<unknown>([], 'x', 1, true, ...notNull));
      if (depth < 3) choices.push(mutatedObject(schema, pools, depth + 1).map((mutated) => mutated.value));
      break;
    }
    default:
      choices.push(fc.constantFrom(...NASTY_STRINGS), fc.constantFrom(...BAD_NUMBERS));
  }
  return fc.oneof(...choices);
}

/** A string field that takes any text (no enum, format or pattern): SQL, markup and Unicode must be stored or refused, never crash. */
const isFreeText = (schema: JsonSchema) => schema.type === 'string' && !schema.enum && !schema.format && !schema.pattern;

/** Text a free-text field may receive: stored as sent, or (NUL, which PostgreSQL cannot store) refused. */
const HOSTILE_TEXT = [...SQL_FRAGMENTS, ...SCRIPT_FRAGMENTS, ...UNICODE_STRINGS];

type Mutation = { kind: 'set'; key: string; value: unknown; why: string } | { kind: 'delete'; key: string };

function describeValue(value: unknown): string {
  if (typeof value === 'string') return abbreviate(value, 40);
  if (value instanceof RawJson) return value.text.length > 40 ? `${value.text.slice(0, 20)}…(${value.text.length} chars)` : value.text;
  if (Array.isArray(value)) return `array(${value.length})`;
  if (value !== null && typeof value === 'object') return 'object';
  return String(value);
}

function mutationArb(schema: JsonSchema, pools: Pools, depth: number): fc.Arbitrary<Mutation> {
  const properties = Object.entries(schema.properties ?? {});
  const required = (schema.required ?? []).filter((key) => (schema.properties ?? {})[key] !== undefined);
  const choices: fc.WeightedArbitrary<Mutation>[] = [];
  if (properties.length > 0) {
    const invalidField = fc.constantFrom(...properties).chain(([key, property]) =>
      invalidValue(property, key, pools, depth).map((value): Mutation => ({ kind: 'set', key, value, why: 'invalid' })),
    );
    choices.push({ weight: 8, arbitrary: invalidField });
  }
  const freeText = properties.filter(([, property]) => isFreeText(property));
  if (freeText.length > 0) {
    const hostile = fc.constantFrom(...freeText).chain(([key, property]) =>
      fc.constantFrom(...HOSTILE_TEXT.filter((text) => text.length >= (property.minLength ?? 0) && text.length <= (property.maxLength ?? Infinity))).map((value): Mutation => ({ kind: 'set', key, value, why: 'hostile text' })),
    );
    choices.push({ weight: 3, arbitrary: hostile });
  }
  if (required.length > 0) choices.push({ weight: 2, arbitrary: fc.constantFrom(...required).map((key): Mutation => ({ kind: 'delete', key })) });
  const extraName = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...EXTRA_FIELD_NAMES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) });
  const extraValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom<unknown>(['admin'], 'approved', true, ...NASTY_STRINGS));
  const extra = fc.tuple(extraName, extraValue).filter(([key]) => !(key in (schema.properties ?? {})));
  choices.push({ weight: 2, arbitrary: extra.map(([key, value]): Mutation => ({ kind: 'set', key, value, why: 'extra' })) });
  return fc.oneof(...choices);
}

export interface MutatedBody {
  value: unknown;
  note: string;
}

/** A body built from the schema, then mostly broken: invalid fields, missing required ones, extra ones, or not an object at all. */
export function mutatedObject(schema: JsonSchema, pools: Pools, depth = 0): fc.Arbitrary<MutatedBody> {
  const base = validObject(schema, pools, depth);
  const mutated = fc.tuple(base, fc.array(mutationArb(schema, pools, depth), { minLength: 1, maxLength: 3 })).map(([object, mutations]): MutatedBody => {
    let value: Record<string, unknown> = object;
    const notes: string[] = [];
    for (const mutation of mutations) {
      if (mutation.kind === 'delete') {
        const { [mutation.key]: _removed, ...rest } = value;
        value = rest;
        notes.push(`without ${mutation.key}`);
      } else {
        value = withOwn(value, mutation.key, mutation.value);
        notes.push(`${mutation.why} ${JSON.stringify(mutation.key)}=${describeValue(mutation.value)}`);
      }
    }
    return { value, note: notes.join(', ') };
  });
  const notAnObject = fc
    .constantFrom<unknown>([], [{}], 'x', 1, null, true, deeplyNested(DEEP), Object.fromEntries(Array.from({ length: 5_000 }, (_, index) => [`k${index}`, index])))
    .map((value): MutatedBody => ({ value, note: `body ${describeValue(value)}` }));
  const asIs = base.map((value): MutatedBody => ({ value, note: 'schema-valid shape' }));
  return fc.oneof({ weight: 12, arbitrary: mutated }, { weight: 2, arbitrary: notAnObject }, { weight: 1, arbitrary: asIs });
}

interface Transport {
  contentType: string | null;
  headers?: Record<string, string>;
  body: (validJson: string) => string;
  note: string;
}

const TRANSPORTS: Transport[] = [
  ...[
    '{"username":',
    '{',
    '}',
    '[',
    '{"a":1,}',
    "{'a':1}",
    '{"a":1}{"b":2}',
    'nul',
    'undefined',
    '\u0000',
    '{"a":"\\u0000"}',
    '{"a":"\\ud800"}',
    '\uFEFF{}',
    '',
    ' ',
    '{"a":1e999999}',
    '{"a": NaN}',
    '[]',
    'null',
    '"string"',
    '123',
    'true',
    '{"__proto__":{"roles":["admin"]}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    deeplyNested(DEEP).text,
    `{"a":"${hugeString('x', 2_500_000)}"}`,
  ].map((text): Transport => ({ contentType: 'application/json', body: () => text, note: `JSON text ${abbreviate(text, 40)}` })),
  { contentType: 'application/json', body: (json) => json.slice(0, Math.max(1, json.length - 1)), note: 'truncated JSON' },
  { contentType: 'application/json', body: (json) => `${json}garbage`, note: 'JSON with trailing garbage' },
  { contentType: 'text/plain', body: (json) => json, note: 'JSON sent as text/plain' },
  { contentType: 'application/x-www-form-urlencoded', body: () => 'username=admin&roles[]=admin&a=%00', note: 'form body' },
  { contentType: 'multipart/form-data; boundary=xyz', body: () => '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--\r\n', note: 'multipart body' },
  { contentType: 'application/xml', body: () => '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', note: 'XML body' },
  { contentType: 'application/json; charset=latin1', body: (json) => json, note: 'JSON with charset latin1' },
  { contentType: 'application/json; charset=utf-16', body: (json) => json, note: 'JSON with charset utf-16' },
  { contentType: 'application/vnd.api+json', body: (json) => json, note: 'JSON under another media type' },
  { contentType: 'text/csv', body: () => 'employeeNo,at\nE0001,2026-11-03 08:00:00\n', note: 'CSV body' },
  { contentType: 'application/json;;;', body: (json) => json, note: 'malformed content type' },
  { contentType: null, body: (json) => json, note: 'no content type' },
  { contentType: 'application/json', headers: { 'content-encoding': 'gzip' }, body: (json) => json, note: 'claims gzip, is not' },
  { contentType: 'application/json', headers: { 'content-encoding': 'br' }, body: (json) => json, note: 'claims brotli' },
  { contentType: 'application/json', headers: { 'content-encoding': 'bogus' }, body: (json) => json, note: 'unknown content encoding' },
];

interface BodySpec {
  contentType: string | null;
  headers: Record<string, string>;
  body: string | null;
  note: string;
}

function jsonBodyArb(schema: JsonSchema, pools: Pools): fc.Arbitrary<BodySpec> {
  const mutated = mutatedObject(schema, pools).map((body): BodySpec => ({ contentType: 'application/json', headers: {}, body: toJsonText(body.value), note: body.note }));
  const transport = fc.tuple(validObject(schema, pools, 0), fc.constantFrom(...TRANSPORTS)).map(([object, kind]): BodySpec => ({
    contentType: kind.contentType,
    headers: kind.headers ?? {},
    body: kind.body(toJsonText(object)),
    note: kind.note,
  }));
  return fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: transport });
}

function importBodyArb(pools: Pools): fc.Arbitrary<BodySpec> {
  const employeeNo = fc.oneof(fc.constantFrom(...pools.employeeNos), fc.constantFrom(...NASTY_STRINGS));
  const at = fc.oneof(fc.constantFrom(...GOOD_DATE_TIMES), fc.constantFrom(...BAD_DATE_TIMES), fc.constantFrom(...BAD_DATES));
  const csvLine = fc.tuple(employeeNo, at).map(([number, time]) => `${number},${time}`);
  const zkLine = fc.tuple(employeeNo, at).map(([number, time]) => `${number}\t${time}\t0\t1\t0`);
  const garbageLine = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: 'binary', maxLength: 60 }), fc.constant(hugeString('x', 200_000)));
  const text = fc.oneof(
    fc.array(fc.oneof(csvLine, garbageLine), { maxLength: 6 }).map((lines) => ['employeeNo,at', ...lines].join('\n')),
    fc.array(fc.oneof(zkLine, garbageLine), { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\r\n')),
    fc.array(garbageLine, { maxLength: 4 }).map((lines) => lines.join('\n')),
  );
  const contentType = fc.constantFrom<string | null>('text/csv', 'text/plain', 'text/tab-separated-values', 'application/json', 'application/octet-stream', null);
  return fc.tuple(text, contentType).map(([body, type]): BodySpec => ({ contentType: type, headers: {}, body, note: `import as ${type ?? 'no content type'}` }));
}

interface QueryPart {
  key: string;
  value: string;
  /** Sent verbatim (malformed percent-encoding on purpose). */
  raw?: boolean;
}

const BAD_QUERY_NUMBERS = ['1.5', '-1', '0', '1e3', '100001', '99999999999999999999', 'NaN', 'Infinity', '-Infinity', '', ' ', '0x10', '+1', '1,2', '１', '2147483648', '9007199254740993', '1 OR 1=1'];

function queryValueValid(schema: JsonSchema, name: string, pools: Pools): fc.Arbitrary<string> {
  return validValue({ ...schema, nullable: false }, name, pools).map((value) => String(value));
}

function queryValueInvalid(schema: JsonSchema): fc.Arbitrary<string> {
  const choices: fc.Arbitrary<string>[] = [fc.constantFrom(...NASTY_STRINGS), fc.constant(hugeString('q', 4000)), fc.string({ unit: 'binary', maxLength: 30 })];
  if (schema.type === 'number' || schema.type === 'integer') choices.push(fc.constantFrom(...BAD_QUERY_NUMBERS), fc.constantFrom(...BAD_QUERY_NUMBERS));
  if (schema.type === 'boolean') choices.push(fc.constantFrom('yes', 'no', '1', '0', 'TRUE', 'null', ''));
  if (schema.format === 'uuid') choices.push(fc.constantFrom(...BAD_UUIDS));
  if (schema.format === 'date') choices.push(fc.constantFrom(...BAD_DATES), fc.constantFrom(...BAD_DATES));
  if (isMonthPattern(schema.pattern)) choices.push(fc.constantFrom(...BAD_MONTHS), fc.constantFrom(...BAD_MONTHS));
  if (schema.enum) choices.push(fc.constantFrom(...schema.enum.map((value) => String(value).toUpperCase()), 'other', ''));
  return fc.oneof(...choices);
}

type QueryMutation =
  | { kind: 'invalid'; name: string; value: string }
  | { kind: 'drop'; name: string }
  | { kind: 'extra'; name: string; value: string }
  | { kind: 'repeat'; name: string; value: string }
  | { kind: 'bracket'; name: string; value: string }
  | { kind: 'raw'; text: string };

function queryArb(parameters: Parameter[], pools: Pools): fc.Arbitrary<{ parts: QueryPart[]; note: string }> {
  const base = fc.tuple(
    ...parameters.map((parameter) => {
      const value = queryValueValid(parameter.schema, parameter.name, pools);
      return parameter.required ? value.map((text): string | null => text) : fc.option(value, { nil: null });
    }),
  );
  const mutations: fc.Arbitrary<QueryMutation>[] = [
    fc.tuple(fc.constantFrom(...EXTRA_FIELD_NAMES.filter((name) => name !== '')), fc.constantFrom(...NASTY_STRINGS)).map(([name, value]): QueryMutation => ({ kind: 'extra', name, value })),
    fc.constantFrom('%', '%zz', '%E0%A4%A', 'a=%', '%00=%00', '=', '&&&', 'a[b][c][d][e][f]=1', 'a[]=1&a[]=2').map((text): QueryMutation => ({ kind: 'raw', text })),
  ];
  if (parameters.length > 0) {
    const parameter = fc.constantFrom(...parameters);
    mutations.push(
      parameter.chain((p) => queryValueInvalid(p.schema).map((value): QueryMutation => ({ kind: 'invalid', name: p.name, value }))),
      parameter.chain((p) => queryValueInvalid(p.schema).map((value): QueryMutation => ({ kind: 'invalid', name: p.name, value }))),
      parameter.chain((p) => queryValueInvalid(p.schema).map((value): QueryMutation => ({ kind: 'invalid', name: p.name, value }))),
      parameter.map((p): QueryMutation => ({ kind: 'drop', name: p.name })),
      parameter.chain((p) => queryValueValid(p.schema, p.name, pools).map((value): QueryMutation => ({ kind: 'repeat', name: p.name, value }))),
      parameter.chain((p) => queryValueValid(p.schema, p.name, pools).map((value): QueryMutation => ({ kind: 'bracket', name: p.name, value }))),
    );
  }
  return fc.tuple(base, fc.array(fc.oneof(...mutations), { maxLength: 3 })).map(([values, applied]) => {
    const map = new Map<string, string>();
    parameters.forEach((parameter, index) => {
      const value = values[index];
      if (value !== null && value !== undefined) map.set(parameter.name, value);
    });
    const extras: QueryPart[] = [];
    const notes: string[] = [];
    for (const mutation of applied) {
      switch (mutation.kind) {
        case 'invalid':
          map.set(mutation.name, mutation.value);
          notes.push(`query ${mutation.name}=${abbreviate(mutation.value, 40)}`);
          break;
        case 'drop':
          map.delete(mutation.name);
          notes.push(`query without ${mutation.name}`);
          break;
        case 'extra':
          extras.push({ key: mutation.name, value: mutation.value });
          notes.push(`extra query ${mutation.name}`);
          break;
        case 'repeat':
          extras.push({ key: mutation.name, value: mutation.value });
          notes.push(`query ${mutation.name} repeated`);
          break;
        case 'bracket':
          extras.push({ key: `${mutation.name}[x]`, value: mutation.value });
          notes.push(`query ${mutation.name}[x]`);
          break;
        case 'raw':
          extras.push({ key: mutation.text, value: '', raw: true });
          notes.push(`raw query ${mutation.text}`);
          break;
      }
    }
    const parts = [...[...map.entries()].map(([key, value]) => ({ key, value })), ...extras];
    return { parts, note: notes.join(', ') };
  });
}

function encodeQuery(parts: QueryPart[]): string {
  if (parts.length === 0) return '';
  return `?${parts.map((part) => (part.raw ? part.key : `${percentEncode(part.key)}=${percentEncode(part.value)}`)).join('&')}`;
}

const GARBAGE_PATH_SEGMENTS: string[] = [
  ...BAD_UUIDS,
  ...BAD_DATES,
  ...BAD_MONTHS,
  '0',
  '-1',
  '1.5',
  '2147483648',
  '99999999999999999999',
  'null',
  'undefined',
  "'; DROP TABLE staff; --",
  '<script>alert(1)</script>',
  '😀',
  'ä',
  hugeString('p', 4000),
  'a/b',
  '..',
  ' ',
];
const RAW_PATH_SEGMENTS = ['%', '%zz', '%00', '%E0%A4%A', '..%2F..%2Fetc%2Fpasswd', '%2e%2e'];

function pathSegmentArb(operation: Operation, parameter: Parameter, pools: Pools): fc.Arbitrary<{ text: string; note: string | null }> {
  const real = pools.pathValues(operation.path, parameter.name);
  const choices: fc.WeightedArbitrary<{ text: string; note: string | null }>[] = [
    { weight: 2, arbitrary: validValue({ ...parameter.schema, nullable: false }, parameter.name, pools).map((value) => ({ text: percentEncode(String(value)), note: null })) },
    {
      weight: 2,
      arbitrary: fc.oneof(fc.constantFrom(...GARBAGE_PATH_SEGMENTS), fc.uuid(), fc.string({ unit: 'binary', minLength: 1, maxLength: 20 })).map((value) => ({ text: percentEncode(value), note: `path ${parameter.name}=${abbreviate(value, 40)}` })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_PATH_SEGMENTS).map((text) => ({ text, note: `raw path ${parameter.name}=${text}` })) },
  ];
  if (real.length > 0) choices.push({ weight: 7, arbitrary: fc.constantFrom(...real).map((value) => ({ text: percentEncode(value), note: null })) });
  return fc.oneof(...choices);
}

const ACCEPT_HEADERS = ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/xml', '*/*', 'text/html', 'garbage/;;', ''];

/** Requests for one documented operation: mostly invalid path, query and body, sent as one of `actors`. */
export function requestArb(operation: Operation, pools: Pools, actors: fc.Arbitrary<ActorName>): fc.Arbitrary<FuzzRequest> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const path = fc.tuple(...pathParameters.map((parameter) => pathSegmentArb(operation, parameter, pools))).map((segments) => {
    let text = operation.path;
    const notes: string[] = [];
    pathParameters.forEach((parameter, index) => {
      text = text.replace(`{${parameter.name}}`, segments[index].text);
      if (segments[index].note) notes.push(segments[index].note ?? '');
    });
    return { text, note: notes.join(', ') };
  });
  const query = queryArb(queryParameters, pools);
  const jsonSchema = operation.body?.content['application/json'];
  const textBody = operation.body && !jsonSchema;
  const noBody = fc.constant<BodySpec>({ contentType: null, headers: {}, body: null, note: '' });
  let body: fc.Arbitrary<BodySpec>;
  if (jsonSchema) body = jsonBodyArb(jsonSchema, pools);
  else if (textBody) body = importBodyArb(pools);
  else if (operation.method === 'get' || operation.method === 'delete') body = noBody;
  else body = fc.oneof({ weight: 2, arbitrary: noBody }, { weight: 1, arbitrary: jsonBodyArb({ type: 'object', properties: {} }, pools) });
  const accept = operation.method === 'get' ? fc.option(fc.constantFrom(...ACCEPT_HEADERS), { nil: null, freq: 3 }) : fc.constant(null);
  return fc.tuple(actors, path, query, body, accept).map(([actor, pathSpec, querySpec, bodySpec, acceptHeader]) => {
    const headers: Record<string, string> = { ...bodySpec.headers };
    if (bodySpec.contentType !== null) headers['content-type'] = bodySpec.contentType;
    if (acceptHeader !== null) headers.accept = acceptHeader;
    const mutation = [pathSpec.note, querySpec.note, bodySpec.note, acceptHeader !== null ? `accept ${acceptHeader}` : ''].filter((note) => note.length > 0).join('; ') || 'valid-looking';
    return new FuzzRequest(operation.id, actor, operation.method, `${pathSpec.text}${encodeQuery(querySpec.parts)}`, headers, bodySpec.body, mutation);
  });
}

/** Garbage for the plain-text device protocol: only "no 5xx" is asked of it. */
export function iclockRequestArb(operation: Operation, serialNumbers: string[]): fc.Arbitrary<FuzzRequest> {
  const serial = fc.oneof(fc.constantFrom(...serialNumbers), fc.constantFrom(...NASTY_STRINGS), fc.stringMatching(/^[A-Za-z0-9_.-]{1,64}$/), fc.constant(hugeString('S', 3000)));
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query' && parameter.name !== 'SN');
  const extra = fc.array(
    fc.tuple(fc.constantFrom(...queryParameters.map((parameter) => parameter.name), 'table', 'Stamp', 'INFO', 'x'), fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.constantFrom('ATTLOG', 'OPERLOG', 'ATTPHOTO', '9999999999999999999999', '-1'))),
    { maxLength: 3 },
  );
  const line = fc.oneof(
    fc.constantFrom(...NASTY_STRINGS),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.tuple(fc.constantFrom('1', 'E0001', '0002', ...NASTY_STRINGS), fc.constantFrom(...BAD_DATE_TIMES, '2026-11-03 08:29:12')).map(([pin, at]) => `${pin}\t${at}\t0\t1\t0\t0\t0`),
    fc.constantFrom('ID=1&Return=0&CMD=INFO', 'ID=&Return=&CMD=', 'ID=99999999999999999999&Return=-1'),
  );
  const body = operation.method === 'post' ? fc.array(line, { maxLength: 5 }).map((lines): string | null => lines.join('\n')) : fc.constant<string | null>(null);
  const contentType = fc.constantFrom('text/plain', 'application/json', 'application/octet-stream', 'text/plain; charset=gbk');
  return fc.tuple(serial, extra, body, contentType).map(([sn, extras, text, type]) => {
    const parts: QueryPart[] = [{ key: 'SN', value: sn }, ...extras.map(([key, value]) => ({ key, value }))];
    return new FuzzRequest(operation.id, 'anonymous', operation.method, `${operation.path}${encodeQuery(parts)}`, text === null ? {} : { 'content-type': type }, text, 'device protocol garbage');
  });
}
