import type { ComputedDay, DayCovers } from './person-days';
import { computePersonDays, NO_COVERS } from './person-days';
import type { EmploymentSpan, Policy } from '../policy';
import type { DayFact } from './facts';
import type { CorrectionNote, Punch } from './types';

/**
 * One stored day (a row of attendance_day) with the column names as keys. A slice's rows travel
 * from the worker thread to PostgreSQL as one array literal per column (`unnest`), written by the
 * worker, so the thread that serves HTTP neither builds nor escapes them row by row. (Arrays, not
 * one JSON document: PostgreSQL reads 6,000 rows from arrays in a tenth of the time
 * `json_to_recordset` takes.)
 */
export interface DayRow {
  staff_id: string;
  date: string;
  status: string;
  calendar_kind: string;
  on_duty: boolean;
  shift_code: string | null;
  leave_type_code: string | null;
  first_in: string | null;
  last_out: string | null;
  late_minutes: number;
  early_minutes: number;
  worked_minutes: number;
  missing_in: boolean;
  missing_out: boolean;
  early_leave: boolean;
  serious_late: boolean;
  absence_days: number;
  leave_days: number;
  exempt_days: number;
  facts: DayFact[];
  window_close: string | null;
  overtime_kind: string | null;
  overtime_minutes: number;
  lieu_minutes: number;
}

const iso = (instant: Date | null): string | null => (instant === null ? null : instant.toISOString());

/** The stored row of a computed day. */
export function dayRowOf(staffId: string, day: ComputedDay): DayRow {
  const result = day.result;
  return {
    staff_id: staffId,
    date: result.date,
    status: result.status,
    calendar_kind: day.schedule.calendar.kind,
    on_duty: day.schedule.onDuty,
    shift_code: result.shiftCode,
    leave_type_code: result.leaveTypeCode,
    first_in: iso(result.firstIn),
    last_out: iso(result.lastOut),
    late_minutes: result.lateMinutes,
    early_minutes: result.earlyMinutes,
    worked_minutes: result.workedMinutes,
    missing_in: result.missingIn,
    missing_out: result.missingOut,
    early_leave: result.earlyLeave,
    serious_late: result.seriousLate,
    absence_days: result.absenceDays,
    leave_days: result.leaveDays,
    exempt_days: result.exemptDays,
    facts: result.facts,
    window_close: iso(day.window?.close ?? null),
    overtime_kind: result.overtime.kind,
    overtime_minutes: result.overtime.minutes,
    lieu_minutes: result.overtime.lieuMinutes,
  };
}

/**
 * A punch as PostgreSQL aggregates it for a slice (see AttendanceRepository.slicePunches):
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
}

/** The stored columns in the order the statement takes them, with the element type of each array. */
export const DAY_ROW_COLUMNS: readonly (readonly [keyof DayRow, string])[] = [
  ['staff_id', 'uuid'], ['date', 'date'], ['status', 'text'], ['calendar_kind', 'text'], ['on_duty', 'boolean'], ['shift_code', 'text'],
  ['leave_type_code', 'text'], ['first_in', 'timestamptz'], ['last_out', 'timestamptz'], ['late_minutes', 'int'], ['early_minutes', 'int'],
  ['worked_minutes', 'int'], ['missing_in', 'boolean'], ['missing_out', 'boolean'], ['early_leave', 'boolean'], ['serious_late', 'boolean'],
  ['absence_days', 'numeric'], ['leave_days', 'numeric'], ['exempt_days', 'numeric'], ['facts', 'jsonb'], ['window_close', 'timestamptz'],
  ['overtime_kind', 'text'], ['overtime_minutes', 'int'], ['lieu_minutes', 'int'],
];

export interface SliceRows {
  /** One PostgreSQL array literal per column of DAY_ROW_COLUMNS. */
  columns: string[];
  count: number;
}

/** An element of a PostgreSQL array literal: NULL, or the text quoted with `\` and `"` escaped. */
function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** The rows as one array literal per column, e.g. `{"present","late",NULL}`. */
export function columnLiterals(rows: readonly DayRow[]): string[] {
  return DAY_ROW_COLUMNS.map(([column]) => {
    const parts = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) parts[i] = arrayElement(rows[i][column]);
    return `{${parts.join(',')}}`;
  });
}

/**
 * Computes a slice of people's days and returns their stored rows: the one function both the worker
 * threads and the in-process fallback run, so the two paths cannot differ. Only days on which a
 * person was employed are stored (the rest read as not employed), and none of closed months.
 */
export function computeSlice(task: SliceTask): SliceRows {
  const now = new Date(task.now);
  const closed = new Set(task.closedMonths);
  const punches = JSON.parse(task.punchesJson) as Record<string, PunchTuple[] | undefined>;
  const rows: DayRow[] = [];
  for (const person of task.people) {
    const covers = person.covers;
    const coversOn = covers.size === 0 ? () => NO_COVERS : (date: string) => covers.get(date) ?? NO_COVERS;
    const own = (punches[person.staff.id] ?? []).map(punchOfTuple);
    const { days } = computePersonDays(task.policy, person.staff, task.from, task.to, own, coversOn, now);
    for (const day of days) {
      if (day.schedule.employed && !closed.has(day.schedule.date.slice(0, 7))) rows.push(dayRowOf(person.staff.id, day));
    }
  }
  return { columns: columnLiterals(rows), count: rows.length };
}
