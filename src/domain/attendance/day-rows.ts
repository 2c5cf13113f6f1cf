import type { ComputedDay, DayCovers } from './person-days';
import { computePersonDays, NO_COVERS } from './person-days';
import type { EmploymentSpan, Policy } from '../policy';
import type { CorrectionNote, Punch } from './types';
import { rowDigest } from './row-digest';
import type { DayFact } from './facts';

/**
 * The stored columns of attendance_day in the order the statement takes them, with the type of
 * each (`epoch_ms`: a timestamptz sent as milliseconds since 1970). A slice's rows travel from the worker thread to PostgreSQL as one array literal per column
 * (`unnest`), and the facts as one JSON array (`json_array_elements`), all written by the worker:
 * the thread that serves HTTP neither builds nor escapes them row by row. (Not one JSON document
 * of rows: PostgreSQL reads 6,000 rows from arrays in a tenth of the time `json_to_recordset` takes.)
 */
export const DAY_ROW_COLUMNS = [
  ['staff_id', 'uuid'], ['date', 'date'], ['status', 'text'], ['calendar_kind', 'text'], ['on_duty', 'boolean'], ['shift_code', 'text'],
  ['leave_type_code', 'text'], ['first_in', 'epoch_ms'], ['last_out', 'epoch_ms'], ['late_minutes', 'int'], ['early_minutes', 'int'],
  ['worked_minutes', 'int'], ['missing_in', 'boolean'], ['missing_out', 'boolean'], ['early_leave', 'boolean'], ['serious_late', 'boolean'],
  ['absence_days', 'numeric'], ['leave_days', 'numeric'], ['exempt_days', 'numeric'], ['facts', 'json'], ['window_close', 'epoch_ms'],
  ['overtime_kind', 'text'], ['overtime_minutes', 'int'], ['lieu_minutes', 'int'], ['digest', 'text'],
] as const;

export interface SliceRows {
  /** One parameter per column of DAY_ROW_COLUMNS: a PostgreSQL array literal, and for `facts` a JSON array. */
  columns: string[];
  /** Days in the columns: computed days whose digest differs from the stored one's (or that have none). */
  count: number;
  /** Days computed, the unchanged ones included. */
  computed: number;
}

// What an array element may hold without quotes: no braces, commas, quotes, backslashes or blanks.
const BARE = /^[A-Za-z0-9_.:+-]+$/;

/** An element of a PostgreSQL array literal: NULL, bare when it can be, else quoted with `\` and `"` escaped. */
function element(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value !== 'string') return String(value);
  // Only a four-letter text can read as NULL: the others skip building an upper-case copy.
  if (BARE.test(value) && (value.length !== 4 || value.toUpperCase() !== 'NULL')) return value;
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

const FACTS = DAY_ROW_COLUMNS.findIndex(([column]) => column === 'facts');
const DIGEST = DAY_ROW_COLUMNS.findIndex(([column]) => column === 'digest');

// Instants go as epoch milliseconds (PostgreSQL turns them into timestamptz): toISOString was a
// tenth of a slice's time.
const epoch = (instant: Date | null): number | null => (instant === null ? null : instant.getTime());

// A frozen fact is shared by many days (the shift's, one object for everyone on the shift that date:
// explain.ts): its JSON is made once. A tenth of a day's time went into serialising the shift's
// sessions again for every person.
const sharedJson = new WeakMap<object, string>();

/** JSON.stringify(facts), the same text, with each shared (frozen) fact's JSON made once. */
export function factsJson(facts: readonly DayFact[]): string {
  const parts: string[] = [];
  for (const fact of facts) {
    if (!Object.isFrozen(fact)) {
      parts.push(JSON.stringify(fact));
      continue;
    }
    let json = sharedJson.get(fact);
    if (json === undefined) {
      json = JSON.stringify(fact);
      sharedJson.set(fact, json);
    }
    parts.push(json);
  }
  return `[${parts.join(',')}]`;
}

/**
 * Collects stored rows column by column: one array of literal elements per column. A day whose
 * digest (of its elements and facts, i.e. of everything it stores) equals the stored day's is left
 * out: PostgreSQL would parse and compare it only to write nothing.
 */
class RowColumns {
  private readonly parts: string[][] = DAY_ROW_COLUMNS.map(() => []);
  private readonly facts: string[] = [];
  private computed = 0;

  constructor(private readonly stored: Record<string, string | undefined>) {}

  add(staffId: string, day: ComputedDay): void {
    const r = day.result;
    const values = [
      staffId, r.date, r.status, day.schedule.calendar.kind, day.schedule.onDuty, r.shiftCode, r.leaveTypeCode, epoch(r.firstIn), epoch(r.lastOut),
      r.lateMinutes, r.earlyMinutes, r.workedMinutes, r.missingIn, r.missingOut, r.earlyLeave, r.seriousLate,
      r.absenceDays, r.leaveDays, r.exemptDays, null, epoch(day.window?.close ?? null), r.overtime.kind, r.overtime.minutes, r.overtime.lieuMinutes,
    ];
    this.computed += 1;
    const elements = values.map((value, i) => (i === FACTS ? '' : element(value)));
    const facts = factsJson(r.facts);
    const digest = rowDigest(`${elements.join(',')}\u0000${facts}`);
    if (this.stored[`${staffId}|${r.date}`] === digest) return;
    elements[DIGEST] = digest;
    for (let i = 0; i < elements.length; i++) if (i !== FACTS) this.parts[i].push(elements[i]);
    this.facts.push(facts);
  }

  finish(): SliceRows {
    const columns = this.parts.map((parts, i) => (i === FACTS ? `[${this.facts.join(',')}]` : `{${parts.join(',')}}`));
    return { columns, count: this.facts.length, computed: this.computed };
  }
}

/**
 * A punch as PostgreSQL aggregates it for a slice (see AttendanceRepository.sliceReads):
 * [id, epoch milliseconds, requested by, approved by, approved as] — the last three only for a
 * punch added by an approved make-up request.
 */
export type PunchTuple = [string, number, string | null, string | null, CorrectionNote['approvedAs'] | null];

export function punchOfTuple([id, at, requestedBy, approvedBy, approvedAs]: PunchTuple): Punch {
  const correction = requestedBy !== null && approvedBy !== null && approvedAs !== null ? { requestedBy, approvedBy, approvedAs } : undefined;
  return correction ? { id, at: new Date(at), correction } : { id, at: new Date(at) };
}

/** One person of a slice: who, and their covers by date (only the dates that have any). */
export interface SlicePerson {
  staff: EmploymentSpan;
  covers: Map<string, DayCovers>;
}

/**
 * Everything the rules need to compute a slice of people's days: plain data (Maps, Dates, strings),
 * so that it is posted to a worker thread as it is. The punches stay the JSON text PostgreSQL sent.
 */
export interface SliceTask {
  policy: Policy;
  from: string;
  to: string;
  /** The clock of the request (ISO): days whose window is still open are pending. */
  now: string;
  people: SlicePerson[];
  /** staff id → PunchTuple[], as JSON text. */
  punchesJson: string;
  /** Months (YYYY-MM) whose days are not stored (closed). */
  closedMonths: string[];
  /** `staffId|date` → the digest of the day stored now, as JSON text (days without one are absent). */
  storedDigestsJson: string;
}

/**
 * Computes a slice of people's days and returns their stored rows: the one function both the worker
 * threads and the in-process fallback run, so the two paths cannot differ. Only days on which a
 * person was employed are stored (the rest read as not employed), and none of closed months; of
 * those, only the days that differ from what is stored.
 */
export function computeSlice(task: SliceTask): SliceRows {
  const now = new Date(task.now);
  const closed = new Set(task.closedMonths);
  const punches = JSON.parse(task.punchesJson) as Record<string, PunchTuple[] | undefined>;
  const rows = new RowColumns(JSON.parse(task.storedDigestsJson) as Record<string, string | undefined>);
  for (const person of task.people) {
    const covers = person.covers;
    const coversOn = covers.size === 0 ? () => NO_COVERS : (date: string) => covers.get(date) ?? NO_COVERS;
    const own = (punches[person.staff.id] ?? []).map(punchOfTuple);
    const { days } = computePersonDays(task.policy, person.staff, task.from, task.to, own, coversOn, now);
    for (const day of days) {
      if (day.schedule.employed && !closed.has(day.schedule.date.slice(0, 7))) rows.add(person.staff.id, day);
    }
  }
  return rows.finish();
}
