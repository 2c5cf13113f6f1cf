import { readDateTime, readWithLuxon } from '../common/date-time';
import { describeTextProblem, textProblem } from '../common/text';

/**
 * What a decoder makes of bytes that are not UTF-8. Files and terminal uploads are read line by
 * line, and a line is a record: one with undecodable bytes is rejected (kept, with its reason),
 * rather than the whole upload refused or the line stored with its garbage replaced. No time-clock
 * record holds U+FFFD itself, so a line that does is refused alike.
 */
export const UNDECODABLE = '\uFFFD';
export const NOT_UTF8 = 'the line is not valid UTF-8 text';

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

const EMPLOYEE_NO = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * The instant of a punch time in either form the shared reader takes (src/common/date-time.ts):
 * RFC 3339 with an offset within ±14:00, or a local date-time read in `zone`. Null when refused.
 */
export function parsePunchTime(text: string, zone: string): Date | null {
  const reading = readDateTime(text, zone);
  return reading.ok ? reading.instant : null;
}

/** The reference reader (luxon only, no memo), for the property tests. */
export function parseWithLuxon(trimmed: string, zone: string): Date | null {
  const reading = readWithLuxon(trimmed, zone);
  return reading.ok ? reading.instant : null;
}

/** A time refused, with the reason the shared reader gave. */
const timeRefused = (index: number, at: string, problem: string, raw?: string) =>
  reject(index, 'TIME_UNPARSEABLE', `"${at.slice(0, 40)}" is not a valid date-time: ${problem}`, raw);

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
  const sourceProblem = typeof source === 'string' ? textProblem(source, false) : null;
  if (sourceProblem) return reject(index, 'INVALID_LINE', `source ${describeTextProblem(sourceProblem, false)}`);
  if (typeof at !== 'string') return reject(index, 'TIME_UNPARSEABLE', 'at must be a date-time text (RFC 3339 with an offset, or a local date-time)');
  const reading = readDateTime(at, zone);
  if (!reading.ok) return timeRefused(index, at, reading.problem);
  return { ok: true, index, employeeNo, at: reading.instant, sourceLabel: typeof source === 'string' ? source : null };
}

/**
 * One line of a time-clock export: a CSV row `employeeNo,at` (after its header), or a ZKTeco
 * attendance-log row `PIN<TAB>YYYY-MM-DD HH:MM:SS<TAB>status<TAB>verify<TAB>workcode…` in device-local time.
 */
export function parseFileLine(line: string, index: number, format: 'csv' | 'zkteco', zone: string, sourceLabel: string | null): ParsedLine {
  const raw = line.length > 500 ? `${line.slice(0, 500)}…` : line;
  if (line.includes(UNDECODABLE)) return reject(index, 'INVALID_LINE', NOT_UTF8, raw);
  const fields = format === 'csv' ? line.split(',') : line.split('\t');
  const employeeNo = (fields[0] ?? '').trim().replace(/^"|"$/g, '');
  const at = (fields[1] ?? '').trim().replace(/^"|"$/g, '');
  if (!EMPLOYEE_NO.test(employeeNo)) return reject(index, 'INVALID_LINE', 'the first field must be the employee number (PIN)', raw);
  const reading = readDateTime(at, zone);
  if (!reading.ok) return timeRefused(index, at, reading.problem, raw);
  return { ok: true, index, employeeNo, at: reading.instant, sourceLabel };
}

/** Tells the two export formats apart by the first line: a CSV header, or tab-separated log lines. */
export function detectFileFormat(firstLine: string): 'csv' | 'zkteco' | null {
  if (/^\uFEFF?\s*"?employeeNo"?\s*,\s*"?at"?\s*$/i.test(firstLine)) return 'csv';
  if (firstLine.includes('\t')) return 'zkteco';
  return null;
}
