import { DateTime } from 'luxon';
import { startOfLocalDay } from './schedule';
import type { CalendarKind, DayShare, ExemptionCover, LeaveCover, LeavePart, Session, ShiftDay } from './types';
import { fastZone } from '../../common/fast-zone';

/**
 * Sentences for DayResult.explanation. Each starts with the clause id it applies and shows local
 * wall-clock times in the company zone, relative to the day being explained, so that the same local
 * situation reads the same in every zone and on DST days. Nothing here depends on the process TZ.
 */

/**
 * A local time relative to `date`: 'HH:mm' (with ':ss' when the seconds matter, since lateness is
 * judged to the second), '24:00' for the midnight that ends the day, 'HH:mm next day' or
 * 'HH:mm previous day' for neighbouring dates, and the full local date otherwise.
 */
export function formatClock(instant: Date, date: string, zone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: fastZone(zone) });
  const time = local.toFormat(local.second === 0 ? 'HH:mm' : 'HH:mm:ss');
  const day = startOfLocalDay(date, zone);
  const localDate = local.toISODate();
  if (localDate === date) return time;
  if (localDate === day.plus({ days: 1 }).toISODate()) {
    const midnight = local.hour === 0 && local.minute === 0 && local.second === 0;
    return midnight ? '24:00' : `${time} next day`;
  }
  if (localDate === day.minus({ days: 1 }).toISODate()) return `${time} previous day`;
  return `${localDate} ${time}`;
}

export function formatSpan(start: Date, end: Date, date: string, zone: string): string {
  return `${formatClock(start, date, zone)}–${formatClock(end, date, zone)}`;
}

function formatSessions(sessions: Session[], date: string, zone: string): string {
  return sessions.map((s) => formatSpan(s.start, s.end, date, zone)).join(', ');
}

function dayShare(share: DayShare): string {
  return share === 1 ? 'the day' : 'the half day';
}

/** The clause that defines a shift: H-ATT-3 office, H-ATT-4 duty, H-ATT-2 for any other roster shift. */
export function shiftSentence(schedule: ShiftDay, zone: string): string {
  const clause = schedule.shiftCode === 'office' ? 'H-ATT-3' : schedule.shiftCode === 'duty' ? 'H-ATT-4' : 'H-ATT-2';
  return `${clause}: ${schedule.shiftCode} shift ${formatSessions(schedule.sessions, schedule.date, zone)}`;
}

function holidayLabel(holidayName: string | null): string {
  return holidayName ? `statutory holiday ${holidayName}` : 'statutory holiday';
}

/** Why nothing is expected on an unscheduled day (H-ATT-2: holidays are days off unless rostered). */
export function dayOffSentence(calendarKind: CalendarKind, holidayName: string | null): string {
  return calendarKind === 'holiday' ? `H-ATT-2: ${holidayLabel(holidayName)} — day off` : 'H-ATT-2: no shift scheduled — rest day';
}

/** Notes a rostered shift on a day the calendar marks otherwise; null on a plain workday. */
export function rosteredSentence(calendarKind: CalendarKind, holidayName: string | null, shiftCode: string): string | null {
  if (calendarKind === 'holiday') return `H-ATT-2: ${holidayLabel(holidayName)} — rostered, judged on the ${shiftCode} shift`;
  if (calendarKind === 'rest') return `H-ATT-2: rest day — rostered, judged on the ${shiftCode} shift`;
  if (calendarKind === 'makeup_workday') return `H-ATT-2: make-up workday — judged on the ${shiftCode} shift`;
  return null;
}

export function notEmployedSentence(date: string): string {
  return `H-ATT-2: not employed on ${date} — no attendance expected`;
}

export function ignoredPunchesSentence(punches: Date[], date: string, zone: string, reason: string): string {
  const times = punches.map((p) => formatClock(p, date, zone)).join(', ');
  return `H-ATT-7: clock record${punches.length === 1 ? '' : 's'} at ${times} ignored — ${reason}`;
}

const PART_LABEL: Record<LeavePart, string> = { full: 'whole day', am: 'morning', pm: 'afternoon' };

export function leaveSentence(leave: LeaveCover, coversAnySession: boolean, shiftCode: string): string {
  const base = `H-ATT-10: ${leave.typeName} (${PART_LABEL[leave.part]})`;
  return coversAnySession ? base : `${base} — covers no session of the ${shiftCode} shift`;
}

export function exemptionSentence(exemption: ExemptionCover, date: string, zone: string): string {
  const { from, to } = exemption;
  if (from && to) return `H-ATT-8: business trip ${formatSpan(from, to, date, zone)} approved`;
  if (from) return `H-ATT-8: business trip from ${formatClock(from, date, zone)} approved`;
  if (to) return `H-ATT-8: business trip until ${formatClock(to, date, zone)} approved`;
  return 'H-ATT-8: business trip approved for the whole day';
}

export function pendingSentence(close: Date, date: string, zone: string): string {
  return `H-ATT-7: clock records open until ${formatClock(close, date, zone)} — not judged yet`;
}

export interface ArrivalNote {
  at: Date;
  rawLateMinutes: number;
  graceMinutes: number;
  late: boolean;
  seriousLateMinutes: number | null;
  seriousLate: boolean;
}

export function arrivalSentence(note: ArrivalNote, date: string, zone: string): string {
  const arrived = `H-ATT-5: arrived ${formatClock(note.at, date, zone)}`;
  if (note.rawLateMinutes === 0) return `${arrived}, on time`;
  if (!note.late) return `${arrived}, ${note.rawLateMinutes} min late, within the ${note.graceMinutes} min grace period`;
  const serious = note.seriousLate ? ` — serious lateness (${note.seriousLateMinutes} min or more)` : '';
  return `${arrived}, ${note.rawLateMinutes} min late${serious}`;
}

export function lateAbsenceSentence(absentAfterLateMinutes: number, share: DayShare): string {
  return `H-ATT-5: more than ${absentAfterLateMinutes} min late — counted as absence for ${dayShare(share)}`;
}

export function departureSentence(at: Date, earlyMinutes: number, share: DayShare, date: string, zone: string): string {
  const left = `H-ATT-6: left ${formatClock(at, date, zone)}`;
  return earlyMinutes > 0 ? `${left}, ${earlyMinutes} min early — counted as absence for ${dayShare(share)}` : `${left}, not early`;
}

export function missingOutSentence(isEarlyLeave: boolean, share: DayShare): string {
  return isEarlyLeave
    ? `H-ATT-6: no clock-out record — treated as early leave, counted as absence for ${dayShare(share)}`
    : 'H-ATT-6: no clock-out record — excused by setting, judged on arrival only';
}

export function missingInSentence(isAbsence: boolean, share: DayShare): string {
  return isAbsence
    ? `H-ATT-7: no clock-in record — counted as absence for ${dayShare(share)}`
    : 'H-ATT-7: no clock-in record — excused by setting, judged on departure only';
}

export const NO_PUNCHES_SENTENCE = 'H-ATT-7: no clock records — unexcused absence';

export const NEVER_AT_WORK_SENTENCE = 'H-ATT-7: no minute of the clock records falls inside the working sessions — unexcused absence';

export function verdictSentence(status: 'present' | 'late' | 'absent', lateMinutes: number, absenceDays: DayShare): string {
  if (status === 'absent') return `H-ATT-1: unexcused absence, ${absenceDays} day`;
  if (status === 'late') return `H-ATT-1: late, ${lateMinutes} min`;
  return 'H-ATT-1: present';
}

export function coveredVerdictSentence(status: 'leave' | 'exempt'): string {
  return status === 'leave' ? 'H-ATT-1: on leave — no work expected' : 'H-ATT-1: excused by business trip — no work expected';
}
