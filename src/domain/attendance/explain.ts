import type { DayFact, IgnoredBecause, LocalClock } from './facts';
import type { CalendarKind, DayShare, ExemptionCover, LeaveCover, Punch, Session, ShiftDay } from './types';
import { clockText, localReading } from '../time/wall-clock';

/**
 * The facts behind DayResult.facts. Each names the clause it applies; times are wall-clock times
 * in the company zone with their local date, so that the same local situation reads the same in
 * every zone and on DST days, and the sentence can say "next day" relative to the day explained.
 * Nothing here depends on the process TZ.
 */

/** An instant as local date and time; ':ss' only when the seconds matter (lateness is judged to the second). */
export function localClock(instant: Date, zone: string): LocalClock {
  const reading = localReading(instant.getTime(), zone);
  return { date: reading.date, time: clockText(reading) };
}

// A shift's fact is the same for everyone on it that date: built once per ShiftDay and zone, frozen
// because every person's day then holds the same object (and day-rows serialises it once).
const shiftFacts = new WeakMap<ShiftDay, { zone: string; fact: DayFact }>();

/** The clause that defines a shift: H-ATT-3 office, H-ATT-4 duty, H-ATT-2 for any other roster shift. */
export function shiftFact(schedule: ShiftDay, zone: string): DayFact {
  const known = shiftFacts.get(schedule);
  if (known !== undefined && known.zone === zone) return known.fact;
  const clause = schedule.shiftCode === 'office' ? 'H-ATT-3' : schedule.shiftCode === 'duty' ? 'H-ATT-4' : 'H-ATT-2';
  const sessions = schedule.sessions.map((s: Session) => Object.freeze({ start: Object.freeze(localClock(s.start, zone)), end: Object.freeze(localClock(s.end, zone)) }));
  const fact = Object.freeze({ kind: 'shift', clause, shiftCode: schedule.shiftCode, sessions: Object.freeze(sessions) }) as DayFact;
  shiftFacts.set(schedule, { zone, fact });
  return fact;
}

/** Why nothing is expected on an unscheduled day (H-ATT-2: holidays are days off unless rostered). */
export function dayOffFact(calendarKind: CalendarKind, holidayName: string | null): DayFact {
  return calendarKind === 'holiday' ? { kind: 'holiday_off', clause: 'H-ATT-2', holidayName } : { kind: 'rest_day', clause: 'H-ATT-2' };
}

/** Notes a rostered shift on a day the calendar marks otherwise; null on a plain workday. */
export function rosteredFact(calendarKind: CalendarKind, holidayName: string | null, shiftCode: string): DayFact | null {
  if (calendarKind === 'holiday') return { kind: 'rostered_on_holiday', clause: 'H-ATT-2', holidayName, shiftCode };
  if (calendarKind === 'rest') return { kind: 'rostered_on_rest_day', clause: 'H-ATT-2', shiftCode };
  if (calendarKind === 'makeup_workday') return { kind: 'makeup_workday', clause: 'H-ATT-2', shiftCode };
  return null;
}

export function notEmployedFact(date: string): DayFact {
  return { kind: 'not_employed', clause: 'H-ATT-2', date };
}

export function ignoredPunchesFact(punches: Date[], zone: string, because: IgnoredBecause): DayFact {
  return { kind: 'punches_ignored', clause: 'H-ATT-7', times: punches.map((p) => localClock(p, zone)), because };
}

export function leaveFact(leave: LeaveCover, coversSession: boolean, shiftCode: string): DayFact {
  return { kind: 'leave', clause: 'H-ATT-10', leaveTypeCode: leave.typeCode, leaveTypeName: leave.typeName, part: leave.part, coversSession, shiftCode };
}

export function exemptionFact(exemption: ExemptionCover, zone: string): DayFact {
  const at = (instant: Date | null) => (instant ? localClock(instant, zone) : null);
  return { kind: 'business_trip', clause: 'H-ATT-8', from: at(exemption.from), to: at(exemption.to) };
}

/** H-ATT-7: a clock record that an approved make-up punch request (补卡) added, with who asked and who approved. */
export function correctedPunchFact(punch: Punch & { correction: NonNullable<Punch['correction']> }, zone: string): DayFact {
  const { requestedBy, approvedBy, approvedAs } = punch.correction;
  return { kind: 'corrected_punch', clause: 'H-ATT-7', at: localClock(punch.at, zone), requestedBy, approvedBy, approvedAs };
}

export function pendingFact(close: Date, zone: string): DayFact {
  return { kind: 'pending', clause: 'H-ATT-7', until: localClock(close, zone) };
}

export interface ArrivalNote {
  at: Date;
  rawLateMinutes: number;
  graceMinutes: number;
  late: boolean;
  seriousLateMinutes: number | null;
  seriousLate: boolean;
}

export function arrivalFact(note: ArrivalNote, zone: string): DayFact {
  const at = localClock(note.at, zone);
  if (note.rawLateMinutes === 0) return { kind: 'arrived_on_time', clause: 'H-ATT-5', at };
  if (!note.late) return { kind: 'arrived_within_grace', clause: 'H-ATT-5', at, lateMinutes: note.rawLateMinutes, graceMinutes: note.graceMinutes };
  if (note.seriousLate && note.seriousLateMinutes !== null) {
    return { kind: 'arrived_seriously_late', clause: 'H-ATT-5', at, lateMinutes: note.rawLateMinutes, seriousLateMinutes: note.seriousLateMinutes };
  }
  return { kind: 'arrived_late', clause: 'H-ATT-5', at, lateMinutes: note.rawLateMinutes };
}

export function lateAbsenceFact(absentAfterLateMinutes: number, share: DayShare): DayFact {
  return { kind: 'late_counted_absent', clause: 'H-ATT-5', absentAfterLateMinutes, share };
}

export function departureFact(at: Date, earlyMinutes: number, share: DayShare, zone: string): DayFact {
  const local = localClock(at, zone);
  return earlyMinutes > 0 ? { kind: 'left_early', clause: 'H-ATT-6', at: local, earlyMinutes, share } : { kind: 'left_on_time', clause: 'H-ATT-6', at: local };
}

export function missingOutFact(isEarlyLeave: boolean, share: DayShare): DayFact {
  return isEarlyLeave ? { kind: 'no_clock_out_early_leave', clause: 'H-ATT-6', share } : { kind: 'no_clock_out_excused', clause: 'H-ATT-6' };
}

export function missingInFact(isAbsence: boolean, share: DayShare): DayFact {
  return isAbsence ? { kind: 'no_clock_in_absent', clause: 'H-ATT-7', share } : { kind: 'no_clock_in_excused', clause: 'H-ATT-7' };
}

export const NO_PUNCHES_FACT: DayFact = Object.freeze({ kind: 'no_punches', clause: 'H-ATT-7' });

export const NEVER_AT_WORK_FACT: DayFact = Object.freeze({ kind: 'never_at_work', clause: 'H-ATT-7' });

export function verdictFact(status: 'present' | 'late' | 'absent', lateMinutes: number, absenceDays: DayShare): DayFact {
  if (status === 'absent') return { kind: 'verdict_absent', clause: 'H-ATT-1', absenceDays };
  if (status === 'late') return { kind: 'verdict_late', clause: 'H-ATT-1', lateMinutes };
  return { kind: 'verdict_present', clause: 'H-ATT-1' };
}

export function coveredVerdictFact(status: 'leave' | 'exempt'): DayFact {
  return status === 'leave' ? { kind: 'verdict_leave', clause: 'H-ATT-1' } : { kind: 'verdict_exempt', clause: 'H-ATT-1' };
}
