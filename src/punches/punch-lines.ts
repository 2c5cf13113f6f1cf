import { DateTime } from 'luxon';
import { fastZone } from '../common/fast-zone';

/** Why one line of a batch, import or device upload was not stored (the rest still is). */
export type PunchRejection =
  | 'INVALID_LINE'
  | 'UNKNOWN_EMPLOYEE'
  | 'INACTIVE_EMPLOYEE'
  | 'TIME_UNPARSEABLE'
  | 'TIME_IN_FUTURE'
  | 'MONTH_CLOSED';

export interface PunchLine {
  /** 0-based position in the request (line number − 1 for files). */
  index: number;
  employeeNo: string;
  at: Date;
  sourceLabel: string | null;
}

export interface RejectedLine {
  index: number;
  reason: PunchRejection;
  message: string;
  /** The line as received (files and devices), so that nothing a user sent is lost. */
  raw?: string;
}

export type ParsedLine = ({ ok: true } & PunchLine) | ({ ok: false } & RejectedLine);

const WITH_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;
const LOCAL = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;
const EMPLOYEE_NO = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * ISO 8601 with an offset is an instant; a local date-time without one (`2026-11-03 08:29:59`,
 * what time clocks write) is read in `zone`. Milliseconds are dropped: punches count to the second.
 * Impossible dates and times (2026-02-30, 24:61) and times that do not exist in the zone are refused.
 */
export function parsePunchTime(text: string, zone: string): Date | null {
  const trimmed = text.trim();
  if (trimmed.length > 40) return null;
  return quickParse(trimmed, zone) ?? parseWithLuxon(trimmed, zone);
}

/** The reference parser: luxon reads every form of ISO 8601 it knows. */
export function parseWithLuxon(trimmed: string, zone: string): Date | null {
  let parsed: DateTime;
  if (WITH_OFFSET.test(trimmed) && /^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    parsed = DateTime.fromISO(trimmed, { setZone: true });
  } else if (LOCAL.test(trimmed)) {
    parsed = DateTime.fromISO(trimmed.replace(' ', 'T'), { zone: fastZone(zone) });
    // A wall time inside a DST gap does not exist there; luxon would silently move it.
    if (parsed.isValid && parsed.toFormat("yyyy-MM-dd'T'HH:mm") !== trimmed.replace(' ', 'T').slice(0, 16)) return null;
  } else {
    return null;
  }
  if (!parsed.isValid || parsed.year < 1970 || parsed.year > 2099) return null;
  return new Date(Math.floor(parsed.toMillis() / 1000) * 1000);
}

// The two shapes nearly every line has: `YYYY-MM-DDTHH:MM:SS[.fff]±HH:MM` (or Z) and the local
// `YYYY-MM-DD HH:MM:SS`. Anything else goes to luxon directly.
const QUICK = /^(\d{4}-\d{2}-\d{2})([T ])(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$/;
const MAX_REMEMBERED = 10_000;
const quarterStarts = new Map<string, Date | null>();

/**
 * A batch of 10,000 punches holds a few hundred distinct quarter hours: luxon reads the start of
 * each once (the same reference parser, so the same validation of dates, hours and DST gaps), and
 * the minutes and seconds inside it are added. Exact, because a fixed offset never changes and a
 * zone's offset is checked again at the instant (it changes at quarter hours, if ever, so this
 * nearly never fails; when it does, luxon reads the whole text). Anything out of range goes to luxon too.
 */
function quickParse(trimmed: string, zone: string): Date | null | undefined {
  const match = QUICK.exec(trimmed);
  if (!match) return undefined;
  const [, date, separator, hour, minute, second, offset] = match;
  // The offset form needs the T; the local form may use either separator.
  if (offset !== undefined && separator !== 'T') return undefined;
  const minutes = Number(minute);
  const seconds = Number(second);
  if (Number(hour) > 23 || minutes > 59 || seconds > 59) return undefined;
  const quarter = minutes - (minutes % 15);
  const key = `${date}T${hour}:${String(quarter).padStart(2, '0')}:00${offset ?? `@${zone}`}`;
  let start = quarterStarts.get(key);
  if (start === undefined) {
    start = parseWithLuxon(offset === undefined ? key.slice(0, 19) : key, zone);
    if (quarterStarts.size >= MAX_REMEMBERED) quarterStarts.clear();
    quarterStarts.set(key, start);
  }
  if (start === null) return offset === undefined ? undefined : null;
  const instant = new Date(start.getTime() + (minutes - quarter) * 60_000 + seconds * 1000);
  if (offset === undefined && fastZone(zone).offset(instant.getTime()) !== fastZone(zone).offset(start.getTime())) return undefined;
  return instant;
}

function reject(index: number, reason: PunchRejection, message: string, raw?: string): ParsedLine {
  return { ok: false, index, reason, message, ...(raw === undefined ? {} : { raw }) };
}

/** One item of `POST /punches/batch`: `{ employeeNo, at, source? }`. */
export function parseBatchItem(item: unknown, index: number, zone: string): ParsedLine {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return reject(index, 'INVALID_LINE', 'each punch must be an object { employeeNo, at, source }');
  const { employeeNo, at, source } = item as Record<string, unknown>;
  // Checked without copying the item: this runs for every line of a 10,000-line batch.
  const unknownFields = Object.keys(item).filter((key) => key !== 'employeeNo' && key !== 'at' && key !== 'source');
  if (unknownFields.length > 0) return reject(index, 'INVALID_LINE', `unknown field(s): ${unknownFields.slice(0, 5).join(', ')}`);
  if (typeof employeeNo !== 'string' || !EMPLOYEE_NO.test(employeeNo)) return reject(index, 'INVALID_LINE', 'employeeNo must be 1-32 letters, digits, - or _');
  if (source !== undefined && source !== null && (typeof source !== 'string' || source.length > 64)) return reject(index, 'INVALID_LINE', 'source must be a text of at most 64 characters');
  if (typeof at !== 'string') return reject(index, 'TIME_UNPARSEABLE', 'at must be an ISO 8601 date-time');
  const instant = parsePunchTime(at, zone);
  if (!instant) return reject(index, 'TIME_UNPARSEABLE', `"${at.slice(0, 40)}" is not a valid date-time`);
  return { ok: true, index, employeeNo, at: instant, sourceLabel: typeof source === 'string' ? source : null };
}

/**
 * One line of a time-clock export: a CSV row `employeeNo,at` (after its header), or a ZKTeco
 * attendance-log row `PIN<TAB>YYYY-MM-DD HH:MM:SS<TAB>status<TAB>verify<TAB>workcode…` in device-local time.
 */
export function parseFileLine(line: string, index: number, format: 'csv' | 'zkteco', zone: string, sourceLabel: string | null): ParsedLine {
  const raw = line.length > 500 ? `${line.slice(0, 500)}…` : line;
  const fields = format === 'csv' ? line.split(',') : line.split('\t');
  const employeeNo = (fields[0] ?? '').trim().replace(/^"|"$/g, '');
  const at = (fields[1] ?? '').trim().replace(/^"|"$/g, '');
  if (!EMPLOYEE_NO.test(employeeNo)) return reject(index, 'INVALID_LINE', 'the first field must be the employee number (PIN)', raw);
  const instant = parsePunchTime(at, zone);
  if (!instant) return reject(index, 'TIME_UNPARSEABLE', `"${at.slice(0, 40)}" is not a valid date-time`, raw);
  return { ok: true, index, employeeNo, at: instant, sourceLabel };
}

/** Tells the two export formats apart by the first line: a CSV header, or tab-separated log lines. */
export function detectFileFormat(firstLine: string): 'csv' | 'zkteco' | null {
  if (/^\uFEFF?\s*"?employeeNo"?\s*,\s*"?at"?\s*$/i.test(firstLine)) return 'csv';
  if (firstLine.includes('\t')) return 'zkteco';
  return null;
}
