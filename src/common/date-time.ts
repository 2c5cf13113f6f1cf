import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';
import { fastZone } from '../domain/time/fast-zone';

/**
 * The one reader of date-times sent to the service (DTO fields, batch items, file imports,
 * terminal uploads). Two forms:
 *
 * - an instant, RFC 3339: `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`. The offset is RFC 3339's
 *   `±HH:MM` only, within ±14:00 (the widest offset any zone uses, Kiribati's +14:00) and with
 *   minutes 00–59: luxon alone reads `+99:00` as an offset of four days and `+08:99` as 9:39,
 *   so an impossible offset would store a punch days away from when it happened;
 * - a local wall time without offset, `YYYY-MM-DD[T ]HH:MM[:SS[.frac]]`, what time clocks write,
 *   read in a zone the caller names (the company's or the device's).
 *
 * Years 1970–2099 only; impossible dates and times (2026-02-30, 24:61) and wall times inside a
 * DST gap are refused, never moved. Fractions of a second are dropped: punches count to the second.
 */
export const MAX_DATE_TIME_LENGTH = 40;
export const MAX_OFFSET_MINUTES = 14 * 60;

const INSTANT = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const LOCAL = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;

export type DateTimeForm = { kind: 'instant' } | { kind: 'local' } | { kind: 'refused'; problem: string };

const EXPECTED = 'expected RFC 3339 YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM, or a local YYYY-MM-DD HH:MM:SS';

/** Which of the two forms `text` is written in, or why it is neither (zone-free, no calendar check). */
export function dateTimeForm(text: string): DateTimeForm {
  if (text.length > MAX_DATE_TIME_LENGTH) return { kind: 'refused', problem: `longer than ${MAX_DATE_TIME_LENGTH} characters` };
  const instant = INSTANT.exec(text);
  if (instant) {
    const [, sign, hours, minutes] = instant;
    if (sign === undefined) return { kind: 'instant' };
    const offset = `${sign}${hours}:${minutes}`;
    if (Number(minutes) > 59) return { kind: 'refused', problem: `offset ${offset}: minutes must be 00–59` };
    if (Number(hours) * 60 + Number(minutes) > MAX_OFFSET_MINUTES) return { kind: 'refused', problem: `offset ${offset} is outside -14:00…+14:00` };
    return { kind: 'instant' };
  }
  return LOCAL.test(text) ? { kind: 'local' } : { kind: 'refused', problem: EXPECTED };
}

export type DateTimeReading = { ok: true; instant: Date } | { ok: false; problem: string };

const refused = (problem: string): DateTimeReading => ({ ok: false, problem });

/** The reference reader: the form check, then luxon for the calendar, the clock and the zone. */
export function readWithLuxon(trimmed: string, zone: string): DateTimeReading {
  const form = dateTimeForm(trimmed);
  if (form.kind === 'refused') return refused(form.problem);
  let parsed: DateTime;
  if (form.kind === 'instant') {
    parsed = DateTime.fromISO(trimmed.toUpperCase(), { setZone: true });
  } else {
    parsed = DateTime.fromISO(trimmed.replace(' ', 'T'), { zone: fastZone(zone) });
    // A wall time inside a DST gap does not exist there; luxon would silently move it.
    if (parsed.isValid && parsed.toFormat("yyyy-MM-dd'T'HH:mm") !== trimmed.replace(' ', 'T').slice(0, 16)) return refused(`does not exist in ${zone} (skipped by a clock change)`);
  }
  if (!parsed.isValid) return refused('no such date or time');
  if (parsed.year < 1970 || parsed.year > 2099) return refused('the year must be 1970–2099');
  return { ok: true, instant: new Date(Math.floor(parsed.toMillis() / 1000) * 1000) };
}

// The two shapes nearly every line has: `YYYY-MM-DDTHH:MM:SS[.fff]±HH:MM` (or Z) and the local
// `YYYY-MM-DD HH:MM:SS`. Anything else goes to luxon directly.
const QUICK = /^(\d{4}-\d{2}-\d{2})([T ])(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$/;
const MAX_REMEMBERED = 10_000;
const quarterStarts = new Map<string, DateTimeReading>();

/**
 * A batch of 10,000 punches holds a few hundred distinct quarter hours: luxon reads the start of
 * each once (the same reference reader, so the same validation of offsets, dates, hours and DST
 * gaps), and the minutes and seconds inside it are added. Exact, because a fixed offset never
 * changes and a zone's offset is checked again at the instant (it changes at quarter hours, if
 * ever, so this nearly never fails; when it does, luxon reads the whole text). Anything out of
 * range goes to luxon too.
 */
function quickRead(trimmed: string, zone: string): DateTimeReading | undefined {
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
    start = readWithLuxon(offset === undefined ? key.slice(0, 19) : key, zone);
    if (quarterStarts.size >= MAX_REMEMBERED) quarterStarts.clear();
    quarterStarts.set(key, start);
  }
  if (!start.ok) return offset === undefined ? undefined : start;
  const instant = new Date(start.instant.getTime() + (minutes - quarter) * 60_000 + seconds * 1000);
  if (offset === undefined && fastZone(zone).offset(instant.getTime()) !== fastZone(zone).offset(start.instant.getTime())) return undefined;
  return { ok: true, instant };
}

/** The shared reader: an instant, or why not (a sentence for a rejected line or a 400 detail). */
export function readDateTime(text: string, zone: string): DateTimeReading {
  const trimmed = text.trim();
  if (trimmed.length > MAX_DATE_TIME_LENGTH) return refused(`longer than ${MAX_DATE_TIME_LENGTH} characters`);
  return quickRead(trimmed, zone) ?? readWithLuxon(trimmed, zone);
}

/**
 * A DTO field holding a date-time in either form. What needs no zone is checked here (form,
 * offset, calendar, clock, years); a local time in a DST gap is refused by the service, which
 * knows the zone.
 */
export function IsDateTimeText(options?: ValidationOptions): PropertyDecorator {
  // UTC has no gaps, so a reading there checks everything but the zone.
  const problemOf = (value: unknown): string | null => {
    if (typeof value !== 'string') return 'must be a date-time text';
    const reading = readDateTime(value, 'UTC');
    return reading.ok ? null : reading.problem;
  };
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDateTimeText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: (args: ValidationArguments) => `${args.property} is not a valid date-time: ${problemOf(args.value) ?? 'refused'}`, ...options },
      validator: { validate: (value: unknown) => problemOf(value) === null },
    });
}
