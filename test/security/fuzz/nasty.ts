/** Hand-picked hostile values the generators draw from, next to fast-check's random ones. */

/** A JSON literal sent verbatim (`1e400`, `NaN`, `-0`…), which JSON.stringify cannot produce. */
export class RawJson {
  constructor(readonly text: string) {}
}

export const HUGE_LENGTH = 100_000;

export const hugeString = (unit = 'x', length = HUGE_LENGTH): string => unit.repeat(Math.ceil(length / unit.length));

export const SQL_FRAGMENTS = [
  "'; DROP TABLE staff; --",
  "' OR '1'='1",
  "1' OR 1=1 --",
  '" OR ""="',
  '1); DELETE FROM punch; --',
  "admin'--",
  '$$; TRUNCATE audit_log; $$',
  "'; UPDATE staff SET roles = '{admin}'; --",
  "%' AND pg_sleep(5) IS NULL --",
  '\\',
  "E'\\x00'",
];

export const SCRIPT_FRAGMENTS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '../../../../etc/passwd',
  '=cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
];

export const UNICODE_STRINGS = [
  'nul\u0000byte',
  '\u0000',
  'end\u0000',
  '😀👩‍👩‍👧‍👦🇨🇳',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  'שלום עולם',
  '\uFEFFbom',
  'e\u0301\u0301\u0301',
  '\uD800',
  '\uDFFF\uD800x',
  '\u2028\u2029',
  '张伟'.repeat(60),
  '\u0007\u001b[31mred',
  'line\r\n\r\nX-Injected: 1',
  '\u00A0\u2003\u3000',
  'Ω≈ç√∫˜µ≤≥÷',
  'ｆｕｌｌｗｉｄｔｈ',
];

export const PLAIN_ODD_STRINGS = ['', ' ', '\t\n', 'null', 'undefined', 'true', 'false', '0', '-1', 'NaN', 'Infinity', '1e309', '%00', '%s%s%n', '__proto__', 'constructor'];

export const NASTY_STRINGS: string[] = [...PLAIN_ODD_STRINGS, ...SQL_FRAGMENTS, ...SCRIPT_FRAGMENTS, ...UNICODE_STRINGS];

export const HUGE_STRINGS: string[] = [hugeString('x'), hugeString('😀'), hugeString('汉'), hugeString("'; DROP TABLE staff; --"), hugeString('\u0000', 2000)];

export const BAD_DATES = [
  '2026-02-30',
  '2026-02-29',
  '2025-13-01',
  '2026-00-10',
  '2026-11-31',
  '2026-11-00',
  '0000-01-01',
  '1900-02-29',
  '2026-1-5',
  '26-11-27',
  '2026/11/27',
  '20261127',
  '2026-11-27T10:00:00+08:00',
  '2026-11-27T00:00:00Z',
  '2026-11-27 ',
  '２０２６-１１-２７',
  '2026-11-27\u0000',
  '-2026-11-27',
  '+275760-09-13',
  '2026-W48-5',
  '2026-331',
  'today',
];

/**
 * The edges of the calendar: the last month and day of four-digit years (a day later is year
 * 10000, which date arithmetic once looped on forever, blocking the whole process), and the first
 * and last of the years the service accepts (1970–2099). Only the child-process test sends them.
 */
export const CALENDAR_EDGES = { months: ['9999-12', '2099-12', '1970-01'], dates: ['9999-12-31', '2099-12-31', '1970-01-01'] };

export const BAD_TIMES = ['24:61', '24:00', '25:00', '23:60', '8:30', '08:3', '0830', '08:30:00', '08:30+08:00', '08:30Z', '-01:00', '12:00 PM', '１２:００', '08:30\u0000', 'T08:30', '99:99'];

export const BAD_DATE_TIMES = [
  '2026-11-03T08:29:12+25:00',
  '2026-11-03T08:29:12+08:00[Asia/Shanghai]',
  '2026-02-30T08:00:00+08:00',
  '2026-11-03T24:61:00',
  '2026-11-03 25:00:00',
  '2026-11-03T08:29:12 Asia/Shanghai',
  '2026-11-03T08:29:12-12:00',
  '2026-11-03T08:29:12+14:00',
  '2026-11-03T08:29:12Z',
  '1970-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '275760-09-13T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00Z',
  '2026-11-03T08:29:12.123456789Z',
  '1762130952',
  '2026-11-03',
  'now',
  '2026-11-03T08:29:12\u0000',
];

export const BAD_TIME_ZONES = ['Mars/Olympus', 'UTC+8', '+08:00', 'GMT+8', 'Asia/Shang hai', 'asia/shanghai', 'Etc/GMT-14', 'Etc/GMT+12', '../../etc/localtime', 'Asia/Shanghai\u0000', 'America/Argentina/ComodRivadavia', 'A'.repeat(65), 'UTC', 'Z'];

export const BAD_MONTHS = ['2026-13', '2026-00', '2026-1', '26-11', '2026/11', '2026-11-01', '0000-01', '-2026-11', '2026-11\u0000', '２０２６-１１'];

export const BAD_UUIDS = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  'not-a-uuid',
  '1',
  '{9b2f3c1e-8a4d-4f3b-9c1a-2e6d5f7a8b90}',
  '9b2f3c1e8a4d4f3b9c1a2e6d5f7a8b90',
  '9B2F3C1E-8A4D-4F3B-9C1A-2E6D5F7A8B90',
  '9b2f3c1e-8a4d-4f3b-9c1a-2e6d5f7a8b90x',
  '9b2f3c1e-8a4d-4f3b-9c1a-2e6d5f7a8b9\u0000',
];

/** Numbers outside what any documented int32 field accepts, floats, and NaN-ish spellings. */
export const BAD_NUMBERS: unknown[] = [
  -1,
  0,
  1.5,
  0.0001,
  -0.5,
  2147483648,
  -2147483649,
  9007199254740993,
  1e21,
  1.7976931348623157e308,
  -1.7976931348623157e308,
  5e-324,
  '1',
  '0x10',
  'NaN',
  '',
  true,
  null,
  [1],
  { value: 1 },
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('123456789012345678901234567890'),
  new RawJson('-0'),
  new RawJson('1.0'),
  new RawJson('1E2'),
  new RawJson('NaN'),
  new RawJson('Infinity'),
  new RawJson('0x10'),
  new RawJson('01'),
];

export const BAD_BOOLEANS: unknown[] = ['true', 'false', 1, 0, 'yes', 'on', 'TRUE', null, [], {}, [true]];

/** Field names a client might try to sneak in (mass assignment, prototype pollution). */
export const EXTRA_FIELD_NAMES = ['id', 'roles', 'status', 'approvedBy', 'approverId', 'createdAt', 'updatedAt', 'staffId', 'supervisorId', 'passwordHash', 'isAdmin', 'active', '__proto__', 'constructor', 'prototype', 'salary', '', ' ', 'a.b', '$where'];

/** `[[[…1…]]]` nested `depth` levels, as JSON text (too deep to build and serialize recursively). */
export function deeplyNested(depth: number): RawJson {
  return new RawJson(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
}

/** An object with an own property named `key`, even `__proto__`. */
export function withOwn(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [existing, existingValue] of Object.entries(target)) Object.defineProperty(copy, existing, { value: existingValue, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Serializes like JSON.stringify, but writes RawJson literals verbatim and keeps own `__proto__` keys. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : toJsonText(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`).join(',')}}`;
  }
  const text = JSON.stringify(value);
  return text === undefined ? 'null' : text;
}

/** Percent-encodes every byte but the unreserved ones (lone surrogates become U+FFFD). */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Shortens long strings for failure reports. */
export function abbreviate(text: string, max = 240): string {
  const printable = JSON.stringify(text);
  return printable.length <= max ? printable : `${printable.slice(0, max)}…(${text.length} chars)`;
}
