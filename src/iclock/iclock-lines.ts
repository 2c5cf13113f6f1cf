import { NOT_UTF8, ParsedLine, parsePunchTime, UNDECODABLE } from '../punches/punch-lines';
import type { PinMatch } from '../domain/terminal/pin-mapping';

/**
 * The text a ZKTeco ADMS / PUSH terminal uploads, read line by line. Pure: no clock, no database.
 * Terminals end lines in LF or CRLF; a line that cannot be read is reported, never thrown.
 */

/** Longest line kept verbatim (in rejected-line records); longer ones are cut and marked. */
export const MAX_KEPT_LINE = 500;

const PIN = /^[A-Za-z0-9_-]{1,32}$/;
const DEVICE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
// Everything below a space except TAB: a NUL byte cannot even be stored in a PostgreSQL text column.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** The non-blank lines of a body, control characters replaced by U+FFFD, like undecodable bytes (a garbage body must still be storable). */
export function bodyLines(body: string): string[] {
  return body
    .split(/\r?\n|\r/)
    .map((line) => line.replace(CONTROL, '\uFFFD'))
    .filter((line) => line.trim() !== '');
}

/** A line as kept for the record: at most MAX_KEPT_LINE characters and an ellipsis. */
export function keptLine(line: string): string {
  return line.length > MAX_KEPT_LINE ? `${line.slice(0, MAX_KEPT_LINE)}…` : line;
}

/** One attendance record: `PIN⇥YYYY-MM-DD HH:MM:SS⇥status⇥verify⇥workcode⇥reserved…`, in device-local time. */
export interface AttlogRecord {
  pin: string;
  /** Device-local wall time, as written by the terminal (no zone). */
  localTime: string;
  /** 0 in, 1 out, 2 break out, 3 break in, 4 overtime in, 5 overtime out; 255 (undefined) is common. */
  status: number | null;
  /** 0 password, 1 fingerprint, 2 or 4 card, 15 face, 25 palm… */
  verify: number | null;
  workCode: string | null;
}

export type AttlogLine = { ok: true; record: AttlogRecord } | { ok: false; reason: 'INVALID_LINE' | 'TIME_UNPARSEABLE'; message: string };

const smallNumber = (text: string | undefined): number | null => (text !== undefined && /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : null);

/**
 * Only the PIN and the time decide anything (which shift a punch belongs to is the punch window's
 * call, not the in/out status the person pressed), so status, verify mode and work code are read
 * leniently: a firmware writing something odd there still has its punch stored.
 */
export function parseAttlogLine(line: string): AttlogLine {
  // Bytes that are not UTF-8, or control characters (bodyLines), even in the leniently read fields:
  // the record is not what the terminal meant to write, so it is kept as rejected, not stored.
  if (line.includes(UNDECODABLE)) return { ok: false, reason: 'INVALID_LINE', message: `${NOT_UTF8} (or holds control characters)` };
  const fields = line.split('\t').map((field) => field.trim());
  const pin = fields[0] ?? '';
  const localTime = fields[1] ?? '';
  if (fields.length < 2) return { ok: false, reason: 'INVALID_LINE', message: 'expected tab-separated PIN and time' };
  if (!PIN.test(pin)) return { ok: false, reason: 'INVALID_LINE', message: 'the PIN must be 1-32 letters, digits, - or _' };
  if (!DEVICE_TIME.test(localTime)) return { ok: false, reason: 'TIME_UNPARSEABLE', message: `"${localTime.slice(0, 40)}" is not a time written YYYY-MM-DD HH:MM:SS` };
  const workCode = fields[4] ?? '';
  return {
    ok: true,
    record: { pin, localTime, status: smallNumber(fields[2]), verify: smallNumber(fields[3]), workCode: workCode === '' ? null : workCode.slice(0, 16) },
  };
}

/**
 * Attendance records as lines of the one punch path: device-local times read in the device's
 * zone, PINs turned into employee numbers. `index` is the line's position in the upload, so that a
 * rejection can be kept with the line it came from.
 */
export function toPunchLines(lines: AttlogLine[], zone: string, pins: Map<string, PinMatch>): ParsedLine[] {
  return lines.map((line, index): ParsedLine => {
    if (!line.ok) return { ok: false, index, reason: line.reason, message: line.message };
    const { record } = line;
    const at = parsePunchTime(record.localTime, zone);
    if (!at) return { ok: false, index, reason: 'TIME_UNPARSEABLE', message: `${record.localTime} is not a valid time in ${zone}` };
    const match = pins.get(record.pin);
    if (!match) return { ok: false, index, reason: 'UNKNOWN_EMPLOYEE', message: `no staff member matches PIN ${record.pin}` };
    if ('refused' in match) return { ok: false, index, reason: 'UNKNOWN_EMPLOYEE', message: match.refused };
    return { ok: true, index, employeeNo: match.employeeNo, at, sourceLabel: attlogSourceLabel(record) };
  });
}

const VERIFY_NAMES: Record<number, string> = { 0: 'password', 1: 'fingerprint', 2: 'card', 4: 'card', 15: 'face', 25: 'palm' };

/**
 * The label stored with a device punch. How the person verified (fingerprint or a typed password)
 * is evidence when a punch is disputed, so it is kept with the punch. At most 64 characters.
 */
export function attlogSourceLabel(record: AttlogRecord): string {
  const verify = record.verify === null ? '?' : `${record.verify}${VERIFY_NAMES[record.verify] ? ` ${VERIFY_NAMES[record.verify]}` : ''}`;
  const workCode = record.workCode !== null && record.workCode !== '0' ? ` workcode ${record.workCode}` : '';
  return `ATTLOG status ${record.status ?? '?'} verify ${verify}${workCode}`.slice(0, 64);
}

/**
 * One line of an OPERLOG (or USERINFO) upload. Only user records (`USER PIN=…⇥Name=…⇥Pri=…⇥Card=…`;
 * some firmware writes USERINFO lines without `USER `) say something this service uses: the PIN,
 * the name, the privilege and whether a card is enrolled. Passwords and card numbers are never
 * returned; biometric templates (`FP`, `FACE`, `BIODATA`…) are recognised so that they can be dropped unread.
 */
export type OperlogLine =
  | { kind: 'user'; pin: string; name: string | null; privilege: number; hasCard: boolean }
  | { kind: 'operation'; code: string }
  | { kind: 'biometric' }
  | { kind: 'other' };

const BIOMETRIC = /^(FP|FACE|FVEIN|BIODATA|BIOPHOTO|USERPIC)\b/i;

function keyValues(text: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const field of text.split('\t')) {
    const at = field.indexOf('=');
    if (at > 0) pairs.set(field.slice(0, at).trim().toUpperCase(), field.slice(at + 1).trim());
  }
  return pairs;
}

export function parseOperlogLine(line: string): OperlogLine {
  const trimmed = line.trim();
  if (BIOMETRIC.test(trimmed)) return { kind: 'biometric' };
  const user = /^USER\s+(.*)$/i.exec(trimmed) ?? /^(PIN=.*)$/i.exec(trimmed);
  if (user) {
    const fields = keyValues(user[1]);
    const pin = fields.get('PIN') ?? '';
    if (!PIN.test(pin)) return { kind: 'other' };
    const name = fields.get('NAME');
    const privilege = fields.get('PRI') ?? fields.get('PRIVILEGE') ?? '';
    // No card is written empty, as [] or as zeros ([0000000000]) depending on the firmware.
    const card = (fields.get('CARD') ?? '').replace(/[[\]\s]/g, '');
    return { kind: 'user', pin, name: name ? name.slice(0, 100) : null, privilege: /^\d{1,3}$/.test(privilege) && Number(privilege) <= 255 ? Number(privilege) : 0, hasCard: /[^0]/.test(card) };
  }
  const operation = /^OPLOG\s+(\d{1,5})\b/i.exec(trimmed);
  if (operation) return { kind: 'operation', code: operation[1] };
  return { kind: 'other' };
}

/** A command result posted to /iclock/devicecmd: `ID=1&Return=0&CMD=INFO`. */
export interface CommandResult {
  id: string;
  returnCode: number | null;
  command: string | null;
}

export function parseCommandResult(line: string): CommandResult | null {
  const fields = new URLSearchParams(line.trim());
  const id = fields.get('ID');
  if (id === null || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) return null;
  const returned = fields.get('Return');
  const command = fields.get('CMD');
  return {
    id,
    returnCode: returned !== null && /^-?\d{1,6}$/.test(returned) ? Number(returned) : null,
    command: command ? command.slice(0, 32) : null,
  };
}

// Template fields of biometric records, the user's password and card number (a card can be copied
// from it): the terminal keeps them, the service has no use for them.
const SECRET_FIELDS = /^(TMP|TEMPLATE|CONTENT|PASSWD|PASSWORD|CARD|CARDNO)$/i;

/**
 * An OPERLOG (or USERINFO) line as kept for the office: every field as received except biometric
 * templates, passwords and card numbers, whose values are replaced by `(not kept)`.
 */
export function keptOperlogLine(line: string): string {
  const space = line.indexOf(' ');
  const head = space > 0 && !line.slice(0, space).includes('=') ? line.slice(0, space + 1) : '';
  const fields = line.slice(head.length).split('\t');
  return (
    head +
    fields
      .map((field) => {
        const at = field.indexOf('=');
        return at > 0 && SECRET_FIELDS.test(field.slice(0, at).trim()) && field.slice(at + 1).trim() !== '' ? `${field.slice(0, at)}=(not kept)` : field;
      })
      .join('\t')
  );
}

/**
 * A photo upload (`/iclock/fdata`): `PIN=…`, `SN=…`, `size=…`, `CMD=uploadphoto` lines, a NUL, then the
 * image. The lines are kept; the image is not (photos are not requested, and the terminal keeps its own).
 */
export function photoMetadata(body: string): string[] {
  const nul = body.indexOf('\u0000');
  const head = bodyLines(nul >= 0 ? body.slice(0, nul) : body);
  return nul >= 0 ? [...head, '(image not kept)'] : head;
}

/** A command result with the lines the terminal sent after it (INFO: its information). */
export interface CommandReportLines extends CommandResult {
  reply: string[];
}

/**
 * The results in a devicecmd body: each `ID=…&Return=…&CMD=…` line starts one, the lines after it
 * (until the next) are its reply. Lines before any result, or unreadable ones, are counted.
 */
export function commandReports(lines: string[]): { reports: CommandReportLines[]; unreadable: number } {
  const reports: CommandReportLines[] = [];
  let unreadable = 0;
  for (const line of lines) {
    const result = /^\s*ID=/i.test(line) ? parseCommandResult(line) : null;
    if (result) reports.push({ ...result, reply: [] });
    else if (reports.length > 0 && !/^\s*ID=/i.test(line)) reports[reports.length - 1].reply.push(line);
    else unreadable += 1;
  }
  return { reports, unreadable };
}
