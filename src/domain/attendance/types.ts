import type { DayFact, Names } from './facts';
import type { ApprovedWindow, OvertimeKind, OvertimePolicy } from '../overtime/policy';

/**
 * The inputs and outputs of the pure attendance rules (H-ATT-1 … H-ATT-10).
 * Nothing here knows about the database or the clock: callers pass every fact, including "now".
 */

/** How the company calendar marks a date (H-ATT-2); the roster decides who actually works. */
export type CalendarKind = 'workday' | 'holiday' | 'makeup_workday' | 'rest';

/** A session as the handbook writes it, in local wall-clock time: 'HH:mm'; an end may be '24:00'. */
export interface LocalSession {
  start: string;
  end: string;
}

/** A shift as configured: the office shift (H-ATT-3), the duty shift (H-ATT-4) or another one. */
export interface ShiftDefinition {
  code: 'office' | 'duty' | string;
  sessions: LocalSession[];
}

/** A session turned into absolute instants; end is exclusive. */
export interface Session {
  start: Date;
  end: Date;
}

/** One person's shift on one calendar date; sessions sorted by start and not overlapping. */
export interface ShiftDay {
  date: string;
  shiftCode: string;
  sessions: Session[];
  /** The zone the sessions were read in; punch-window margins are wall-clock minutes in it. */
  zone: string;
}

/** The instants [open, close) in which a clock record belongs to the shift of `date`. */
export interface PunchWindow {
  date: string;
  open: Date;
  close: Date;
}

/** One clock record (H-ATT-7). */
export interface Punch {
  id?: string;
  at: Date;
  /** Set when the punch comes from an approved make-up punch request (补卡), not from a clock. */
  correction?: CorrectionNote;
}

/** Who asked for a make-up punch and who approved it, by name as they were when the day was judged. */
export interface CorrectionNote {
  requestedBy: string;
  approvedBy: string;
  approvedAs: 'supervisor' | 'admin';
}

/** Which part of the day a leave covers; am = first office session, pm = second (H-ATT-10). */
import type { DayShare, LeavePart } from './shares';

export type { DayShare, LeavePart };

/** Approved leave covering the date. */
export interface LeaveCover {
  typeCode: string;
  typeName: Names;
  part: LeavePart;
}

/** An approved business-trip exemption (H-ATT-8); a null bound is open-ended, both null = whole day. */
export interface ExemptionCover {
  from: Date | null;
  to: Date | null;
}

/** The administrator's settings where the handbook is silent. */
export interface RuleSettings {
  /** H-ATT-5: minutes of lateness forgiven. */
  graceMinutes: number;
  /** Lateness of at least this many minutes is flagged serious; null switches the tier off. */
  seriousLateMinutes: number | null;
  /** Lateness of more than this many minutes counts as absence; null switches the tier off. */
  absentAfterLateMinutes: number | null;
  /** H-ATT-6 decision: a missing clock-out is treated like an early leave. */
  missingClockOutIsEarlyLeave: boolean;
  /** A missing clock-in counts as absence. */
  missingClockInIsAbsence: boolean;
}

/** The handbook's defaults for the settings (H-ATT-5 grace 0, H-ATT-6 missing clock-out = early leave). */
export const DEFAULT_RULE_SETTINGS: Readonly<RuleSettings> = Object.freeze({
  graceMinutes: 0,
  seriousLateMinutes: null,
  absentAfterLateMinutes: null,
  missingClockOutIsEarlyLeave: true,
  missingClockInIsAbsence: true,
});

/** Everything needed to classify one person's day. */
export interface DayInput {
  date: string;
  zone: string;
  /** false: before hiredOn, after leftOn or inactive. */
  employed: boolean;
  calendarKind: CalendarKind;
  holidayName: string | null;
  /** null = not scheduled (rest day, or holiday without a duty roster). */
  schedule: ShiftDay | null;
  /** The day's punch window; it tells when the day can be judged. */
  window: PunchWindow | null;
  /** Clock records assigned to this day, voided ones already removed. */
  punches: Punch[];
  /** Approved leave covering the date. */
  leave: LeaveCover[];
  /** Approved business-trip exemptions covering the date. */
  exemptions: ExemptionCover[];
  settings: RuleSettings;
  /** Approved overtime on the date and the overtime settings in force (issue 22); left out: none is credited. */
  overtime?: DayOvertime;
  now: Date;
}

export interface DayOvertime {
  windows: ApprovedWindow[];
  policy: OvertimePolicy;
}

/** What a judged day credits as overtime (劳动法 第44条): the stored overtime_kind, overtime_minutes and lieu_minutes. */
export interface OvertimeResult {
  kind: OvertimeKind | null;
  minutes: number;
  lieuMinutes: number;
}

export type DayStatus =
  | 'present'
  | 'late'
  | 'absent'
  | 'leave'
  | 'exempt'
  | 'holiday'
  | 'rest'
  | 'pending'
  | 'not_employed';

/** A share of a day: sessions count as halves of it (H-ATT-10 half days). */

export interface DayResult {
  date: string;
  status: DayStatus;
  shiftCode: string | null;
  leaveTypeCode: string | null;
  firstIn: Date | null;
  lastOut: Date | null;
  lateMinutes: number;
  earlyMinutes: number;
  workedMinutes: number;
  missingIn: boolean;
  missingOut: boolean;
  earlyLeave: boolean;
  seriousLate: boolean;
  absenceDays: DayShare;
  /** Share of the day covered by leave. */
  leaveDays: DayShare;
  /** Share of the day covered by exemptions (and not by leave). */
  exemptDays: DayShare;
  overtime: OvertimeResult;
  /** What was found, in order, each naming its clause; rendered into sentences per reader (./sentences.ts). */
  facts: DayFact[];
}
