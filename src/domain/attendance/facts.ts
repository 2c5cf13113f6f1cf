import type { DayShare, LeavePart } from './shares';
import type { Compensation, OvertimeKind } from '../overtime/policy';

/**
 * What the rules found about a day, as data: the clause that applies, what kind of fact it is and
 * its parameters. Sentences are made from these when a person reads them (./sentences.ts), in the
 * reader's language; stored results keep the facts, so a change of language needs no recompute.
 */

/** A wall-clock time in the company zone: its local date and 'HH:mm' ('HH:mm:ss' when the seconds matter). */
export interface LocalClock {
  date: string;
  time: string;
}

export interface LocalSpan {
  start: LocalClock;
  end: LocalClock;
}

/** Names of a catalogue entry (a leave type) in each language, as the catalogue held them when the day was judged. */
export interface Names {
  zh: string;
  en: string;
}

/** Every kind of fact; closed, so that a test can ask each for its sentence in every language. */
export const FACT_KINDS = [
  'not_employed',
  'holiday_off',
  'rest_day',
  'rostered_on_holiday',
  'rostered_on_rest_day',
  'makeup_workday',
  'shift',
  'punches_ignored',
  'leave',
  'business_trip',
  'pending',
  'arrived_on_time',
  'arrived_within_grace',
  'arrived_late',
  'arrived_seriously_late',
  'late_counted_absent',
  'left_on_time',
  'left_early',
  'no_clock_out_early_leave',
  'no_clock_out_excused',
  'no_clock_in_absent',
  'no_clock_in_excused',
  'no_punches',
  'never_at_work',
  'verdict_present',
  'verdict_late',
  'verdict_absent',
  'verdict_leave',
  'verdict_exempt',
  'corrected_punch',
  'overtime_approved',
  'overtime_credited',
  'overtime_not_worked',
  'overtime_break',
  'overtime_capped',
  'recorded_sentence',
] as const;

export type FactKind = (typeof FACT_KINDS)[number];

/** Why clock records on a day changed nothing. */
export type IgnoredBecause = 'not_employed' | 'no_shift' | 'no_work_expected';

type Fact<K extends FactKind, C extends string, P = unknown> = { kind: K; clause: C } & P;

export type DayFact =
  | Fact<'not_employed', 'H-ATT-2', { date: string }>
  | Fact<'holiday_off', 'H-ATT-2', { holidayName: string | null }>
  | Fact<'rest_day', 'H-ATT-2'>
  | Fact<'rostered_on_holiday', 'H-ATT-2', { holidayName: string | null; shiftCode: string }>
  | Fact<'rostered_on_rest_day', 'H-ATT-2', { shiftCode: string }>
  | Fact<'makeup_workday', 'H-ATT-2', { shiftCode: string }>
  | Fact<'shift', 'H-ATT-2' | 'H-ATT-3' | 'H-ATT-4', { shiftCode: string; sessions: LocalSpan[] }>
  | Fact<'punches_ignored', 'H-ATT-7', { times: LocalClock[]; because: IgnoredBecause }>
  | Fact<'leave', 'H-ATT-10', { leaveTypeCode: string; leaveTypeName: Names; part: LeavePart; coversSession: boolean; shiftCode: string }>
  | Fact<'business_trip', 'H-ATT-8', { from: LocalClock | null; to: LocalClock | null }>
  | Fact<'pending', 'H-ATT-7', { until: LocalClock }>
  | Fact<'arrived_on_time', 'H-ATT-5', { at: LocalClock }>
  | Fact<'arrived_within_grace', 'H-ATT-5', { at: LocalClock; lateMinutes: number; graceMinutes: number }>
  | Fact<'arrived_late', 'H-ATT-5', { at: LocalClock; lateMinutes: number }>
  | Fact<'arrived_seriously_late', 'H-ATT-5', { at: LocalClock; lateMinutes: number; seriousLateMinutes: number }>
  | Fact<'late_counted_absent', 'H-ATT-5', { absentAfterLateMinutes: number; share: DayShare }>
  | Fact<'left_on_time', 'H-ATT-6', { at: LocalClock }>
  | Fact<'left_early', 'H-ATT-6', { at: LocalClock; earlyMinutes: number; share: DayShare }>
  | Fact<'no_clock_out_early_leave', 'H-ATT-6', { share: DayShare }>
  | Fact<'no_clock_out_excused', 'H-ATT-6'>
  | Fact<'no_clock_in_absent', 'H-ATT-7', { share: DayShare }>
  | Fact<'no_clock_in_excused', 'H-ATT-7'>
  | Fact<'no_punches', 'H-ATT-7'>
  | Fact<'never_at_work', 'H-ATT-7'>
  | Fact<'verdict_present', 'H-ATT-1'>
  | Fact<'verdict_late', 'H-ATT-1', { lateMinutes: number }>
  | Fact<'verdict_absent', 'H-ATT-1', { absenceDays: DayShare }>
  | Fact<'verdict_leave', 'H-ATT-1'>
  | Fact<'verdict_exempt', 'H-ATT-1'>
  | Fact<'corrected_punch', 'H-ATT-7', { at: LocalClock; requestedBy: string; approvedBy: string; approvedAs: 'supervisor' | 'admin' }>
  /** 劳动法 第41/44条 (issue 22): overtime on the day, cited by the law's article rather than a handbook clause. */
  | Fact<'overtime_approved', '劳动法第44条', { window: LocalSpan; compensation: Compensation }>
  | Fact<'overtime_credited', '劳动法第44条', { overtimeKind: OvertimeKind; minutes: number; ratePercent: number; lieuMinutes: number; /** Before rounding down to the unit. */ countedMinutes: number; unitMinutes: number }>
  | Fact<'overtime_not_worked', '劳动法第44条'>
  | Fact<'overtime_break', '劳动法第44条', { breakMinutes: number; afterMinutes: number }>
  | Fact<'overtime_capped', '劳动法第41条', { capMinutes: number }>
  /** A sentence stored as English text before facts existed (days of months closed back then). */
  | Fact<'recorded_sentence', string, { text: string }>;

export type FactOf<K extends FactKind> = Extract<DayFact, { kind: K }>;
