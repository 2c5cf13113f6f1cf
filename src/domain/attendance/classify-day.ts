import {
  arrivalFact,
  correctedPunchFact,
  coveredVerdictFact,
  dayOffFact,
  departureFact,
  exemptionFact,
  ignoredPunchesFact,
  lateAbsenceFact,
  leaveFact,
  missingInFact,
  missingOutFact,
  NEVER_AT_WORK_FACT,
  NO_PUNCHES_FACT,
  notEmployedFact,
  pendingFact,
  rosteredFact,
  shiftFact,
  verdictFact,
} from './explain';
import type { DayFact } from './facts';
import type { DayInput, DayResult, DayShare, ExemptionCover, LeaveCover, LeavePart, Session, ShiftDay } from './types';
import { localReading } from '../time/wall-clock';
import { NO_OVERTIME_RESULT, withOvertime } from '../overtime/day';
import { type Span, subtractSpans } from '../time/spans';


interface Coverage {
  /** The leave covering each session, or null. */
  leaveBySession: (LeaveCover | null)[];
  /** Sessions wholly excused by exemptions (and not by leave). */
  exemptSessions: boolean[];
  /** Sessions still expected: not wholly covered. A partly exempt session stays expected. */
  expectedSessions: boolean[];
  /** What is left of the sessions to be worked, sorted. */
  expectedWork: Span[];
}

const MINUTE_MS = 60_000;
const NOON_MINUTES = 12 * 60;
const PART_ORDER: Record<LeavePart, number> = { full: 0, am: 1, pm: 2 };

/** A share of a day from sessions: none, all, or part of them (each office session is half a day). */
function share(count: number, total: number): DayShare {
  if (count === 0) return 0;
  return count >= total ? 1 : 0.5;
}

function countTrue(flags: boolean[]): number {
  return flags.filter(Boolean).length;
}

/** Leave in a deterministic order, so that input order never changes the result. */
function sortLeave(leave: LeaveCover[]): LeaveCover[] {
  return [...leave].sort(
    (a, b) =>
      PART_ORDER[a.part] - PART_ORDER[b.part] || a.typeCode.localeCompare(b.typeCode) || a.typeName.en.localeCompare(b.typeName.en) || a.typeName.zh.localeCompare(b.typeName.zh),
  );
}

function sortExemptions(exemptions: ExemptionCover[]): ExemptionCover[] {
  const key = (value: Date | null, open: number) => (value ? value.getTime() : open);
  return [...exemptions].sort(
    (a, b) => key(a.from, -Infinity) - key(b.from, -Infinity) || key(a.to, Infinity) - key(b.to, Infinity),
  );
}

/**
 * Which sessions a leave part covers (H-ATT-10: half days follow the two office sessions). On a
 * shift with two or more sessions, am is the first and pm the rest. A one-session shift has no
 * halves, so the session belongs to the half of the day in which it starts: the duty shift (16:00)
 * is covered by afternoon leave and not by morning leave.
 */
export function leaveCoversSession(part: LeavePart, index: number, sessions: Session[], zone: string): boolean {
  if (part === 'full') return true;
  if (sessions.length >= 2) return part === 'am' ? index === 0 : index > 0;
  const start = localReading(sessions[index].start.getTime(), zone);
  const startsInMorning = start.hour * 60 + start.minute < NOON_MINUTES;
  return part === 'am' ? startsInMorning : !startsInMorning;
}

/** Removes the cut spans from a span, keeping the pieces in order. */
/** An exemption as a span; a missing bound is open-ended, so both missing is the whole day (H-ATT-8). */
function exemptionSpan(exemption: ExemptionCover): Span {
  return {
    start: exemption.from ? exemption.from.getTime() : -Infinity,
    end: exemption.to ? exemption.to.getTime() : Infinity,
  };
}

function coverage(sessions: Session[], leave: LeaveCover[], exemptions: ExemptionCover[], zone: string): Coverage {
  const cuts = exemptions.map(exemptionSpan).filter((s) => s.start < s.end);
  const leaveBySession = sessions.map((_, i) => leave.find((l) => leaveCoversSession(l.part, i, sessions, zone)) ?? null);
  const remaining = sessions.map((s, i) =>
    leaveBySession[i] ? [] : subtractSpans({ start: s.start.getTime(), end: s.end.getTime() }, cuts),
  );
  const exemptSessions = sessions.map((_, i) => !leaveBySession[i] && remaining[i].length === 0);
  const expectedSessions = remaining.map((pieces) => pieces.length > 0);
  return { leaveBySession, exemptSessions, expectedSessions, expectedWork: remaining.flat() };
}

/**
 * The indexes of the sessions still expected to be worked on a day (not wholly covered by leave or
 * business trips), in time order: the first one's start and the last one's end are the day's
 * judged clock-in and clock-out (make-up punches, ./corrections.ts).
 */
export function expectedSessionIndexes(sessions: Session[], leave: LeaveCover[], exemptions: ExemptionCover[], zone: string): number[] {
  const cover = coverage(sessions, sortLeave(leave), exemptions, zone);
  return cover.expectedSessions.flatMap((expected, index) => (expected ? [index] : []));
}

/** Punches from approved make-up punch requests, in time order, once per instant (H-ATT-7: the record says where it came from). */
function correctedPunches(input: DayInput) {
  const seen = new Set<number>();
  return input.punches
    .filter((punch): punch is typeof punch & { correction: NonNullable<typeof punch.correction> } => punch.correction !== undefined)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.correction.requestedBy.localeCompare(b.correction.requestedBy))
    .filter((punch) => !seen.has(punch.at.getTime()) && seen.add(punch.at.getTime()) !== undefined);
}

/** Distinct punch instants in time order: duplicates and input order must not matter (H-ATT-7). */
function distinctInstants(input: DayInput): number[] {
  return [...new Set(input.punches.map((p) => p.at.getTime()))].sort((a, b) => a - b);
}

/**
 * H-ATT-7: the clock records alone say when someone came and went. The earliest is the clock-in,
 * the latest the clock-out; a lone record is a clock-in if it falls before the middle of the
 * expected work, otherwise a clock-out.
 */
function readClock(instants: number[], work: Span): { firstIn: number | null; lastOut: number | null } {
  if (instants.length === 0) return { firstIn: null, lastOut: null };
  if (instants.length === 1) {
    const only = instants[0];
    return only < (work.start + work.end) / 2 ? { firstIn: only, lastOut: null } : { firstIn: null, lastOut: only };
  }
  return { firstIn: instants[0], lastOut: instants[instants.length - 1] };
}

/**
 * Whole minutes from `earlier` to `later`, judged at whole-second precision and rounded up:
 * 08:30:00.9 is on time for 08:30, 08:30:01 is one minute late (H-ATT-5, H-ATT-6).
 */
function minutesAfter(later: number, earlier: number): number {
  const seconds = Math.floor(later / 1000) - Math.floor(earlier / 1000);
  return seconds > 0 ? Math.ceil(seconds / 60) : 0;
}

/** Minutes between clock-in and clock-out that fall inside the sessions; the lunch break is not worked (H-ATT-3). */
function workedMinutes(firstIn: number | null, lastOut: number | null, sessions: Session[]): number {
  if (firstIn === null || lastOut === null) return 0;
  const ms = sessions.reduce((sum, s) => {
    const overlap = Math.min(lastOut, s.end.getTime()) - Math.max(firstIn, s.start.getTime());
    return sum + Math.max(0, overlap);
  }, 0);
  return Math.floor(ms / MINUTE_MS);
}

function dateOrNull(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

function blankResult(input: DayInput): DayResult {
  return {
    date: input.date,
    status: 'rest',
    shiftCode: null,
    leaveTypeCode: null,
    firstIn: null,
    lastOut: null,
    lateMinutes: 0,
    earlyMinutes: 0,
    workedMinutes: 0,
    missingIn: false,
    missingOut: false,
    earlyLeave: false,
    seriousLate: false,
    absenceDays: 0,
    leaveDays: 0,
    exemptDays: 0,
    overtime: NO_OVERTIME_RESULT,
    facts: [],
  };
}

/** Days on which no work is expected at all; clock records are listed but change nothing. */
function dayWithoutWork(input: DayInput, instants: number[]): DayResult {
  const facts: DayFact[] = [];
  let status: DayResult['status'];
  let because: 'not_employed' | 'no_shift';
  if (!input.employed) {
    status = 'not_employed';
    because = 'not_employed';
    facts.push(notEmployedFact(input.date));
  } else {
    status = input.calendarKind === 'holiday' ? 'holiday' : 'rest';
    because = 'no_shift';
    facts.push(dayOffFact(input.calendarKind, input.holidayName));
  }
  if (instants.length > 0) facts.push(ignoredPunchesFact(instants.map((ms) => new Date(ms)), input.zone, because));
  return { ...blankResult(input), status, facts };
}

/**
 * Classifies one person's day under the attendance chapter (H-ATT-1 … H-ATT-10):
 * not employed, holiday or rest when nothing is scheduled; leave or exempt when leave and approved
 * business trips cover every session; pending while clock records may still arrive; otherwise
 * present, late or absent from the clock records alone. Then the overtime the day credits
 * (劳动法 第44条, ../overtime/day.ts).
 */
export function classifyDay(input: DayInput): DayResult {
  return withOvertime(input, classifyAttendance(input));
}

// Everyone on a shift on a date shares its ShiftDay (policy.ts): sorted once, not per person and day,
// so that its shift fact (explain.ts) is built once too.
const sortedShiftDays = new WeakMap<ShiftDay, ShiftDay>();

function sortedShiftDay(day: ShiftDay): ShiftDay {
  let sorted = sortedShiftDays.get(day);
  if (sorted === undefined) {
    sorted = { ...day, sessions: [...day.sessions].sort((a, b) => a.start.getTime() - b.start.getTime()) };
    sortedShiftDays.set(day, sorted);
  }
  return sorted;
}

function classifyAttendance(input: DayInput): DayResult {
  const { zone, settings } = input;
  const instants = distinctInstants(input);
  if (!input.employed || !input.schedule || input.schedule.sessions.length === 0) return dayWithoutWork(input, instants);

  const schedule = sortedShiftDay(input.schedule);
  const { sessions } = schedule;
  const leave = sortLeave(input.leave);
  const cover = coverage(sessions, leave, input.exemptions, zone);
  const total = sessions.length;
  const leaveDays = share(countTrue(cover.leaveBySession.map(Boolean)), total);
  const exemptDays = share(countTrue(cover.exemptSessions), total);
  const expectedShare = share(countTrue(cover.expectedSessions), total);
  const leaveTypeCode = cover.leaveBySession.find((l) => l !== null)?.typeCode ?? null;

  const explanation: DayFact[] = [];
  const rostered = rosteredFact(input.calendarKind, input.holidayName, schedule.shiftCode);
  if (rostered) explanation.push(rostered);
  explanation.push(shiftFact(schedule, zone));
  for (const l of leave) {
    const coversAny = sessions.some((_, i) => leaveCoversSession(l.part, i, sessions, zone));
    explanation.push(leaveFact(l, coversAny, schedule.shiftCode));
  }
  for (const e of sortExemptions(input.exemptions)) explanation.push(exemptionFact(e, zone));
  for (const punch of correctedPunches(input)) explanation.push(correctedPunchFact(punch, zone));

  const base: DayResult = { ...blankResult(input), shiftCode: schedule.shiftCode, leaveTypeCode, leaveDays, exemptDays };

  // Leave and exemptions are known ahead, so a wholly covered day is settled even in the future.
  if (cover.expectedWork.length === 0) {
    const status = leaveDays > 0 ? 'leave' : 'exempt';
    if (instants.length > 0) {
      explanation.push(ignoredPunchesFact(instants.map((ms) => new Date(ms)), zone, 'no_work_expected'));
    }
    explanation.push(coveredVerdictFact(status));
    return { ...base, status, facts: explanation };
  }

  const work: Span = { start: cover.expectedWork[0].start, end: cover.expectedWork[cover.expectedWork.length - 1].end };
  const { firstIn, lastOut } = readClock(instants, work);

  const rawLate = firstIn === null ? 0 : minutesAfter(firstIn, work.start);
  const late = rawLate > settings.graceMinutes;
  const lateMinutes = late ? rawLate : 0;
  const seriousLate = late && settings.seriousLateMinutes !== null && lateMinutes >= settings.seriousLateMinutes;
  const arrival = firstIn === null ? null : {
    at: new Date(firstIn),
    rawLateMinutes: rawLate,
    graceMinutes: settings.graceMinutes,
    late,
    seriousLateMinutes: settings.seriousLateMinutes,
    seriousLate,
  };
  const judged = {
    ...base,
    firstIn: dateOrNull(firstIn),
    lastOut: dateOrNull(lastOut),
    lateMinutes,
    seriousLate,
    workedMinutes: workedMinutes(firstIn, lastOut, sessions),
  };

  // Until the punch window closes a clock record may still come: never judge absence early.
  // Without a window, the end of the shift is the earliest moment the day can be judged.
  const close = input.window ? input.window.close : sessions[sessions.length - 1].end;
  if (input.now.getTime() < close.getTime()) {
    if (arrival) explanation.push(arrivalFact(arrival, zone));
    explanation.push(pendingFact(close, zone));
    return { ...judged, status: 'pending', facts: explanation };
  }

  const noPunches = instants.length === 0;
  const missingIn = firstIn === null;
  const missingOut = lastOut === null;
  const earlyMinutes = lastOut === null ? 0 : minutesAfter(work.end, lastOut);
  const missingOutIsEarly = !noPunches && missingOut && settings.missingClockOutIsEarlyLeave;
  const earlyLeave = earlyMinutes > 0 || missingOutIsEarly;
  const missingInIsAbsence = !noPunches && missingIn && settings.missingClockInIsAbsence;
  const lateAbsence = late && settings.absentAfterLateMinutes !== null && lateMinutes > settings.absentAfterLateMinutes;
  // Arriving after the last session ended (or only over lunch) is not being at work at all.
  const neverAtWork = !noPunches && firstIn !== null && lastOut !== null && judged.workedMinutes === 0;
  const absent = noPunches || missingInIsAbsence || earlyLeave || lateAbsence || neverAtWork;
  const absenceDays: DayShare = absent ? expectedShare : 0;

  if (noPunches) {
    explanation.push(NO_PUNCHES_FACT);
  } else {
    if (arrival) explanation.push(arrivalFact(arrival, zone));
    else explanation.push(missingInFact(settings.missingClockInIsAbsence, expectedShare));
    if (lateAbsence && settings.absentAfterLateMinutes !== null) {
      explanation.push(lateAbsenceFact(settings.absentAfterLateMinutes, expectedShare));
    }
    if (lastOut !== null) explanation.push(departureFact(new Date(lastOut), earlyMinutes, expectedShare, zone));
    else explanation.push(missingOutFact(settings.missingClockOutIsEarlyLeave, expectedShare));
    if (neverAtWork) explanation.push(NEVER_AT_WORK_FACT);
  }
  const status = absent ? 'absent' : late ? 'late' : 'present';
  explanation.push(verdictFact(status, lateMinutes, absenceDays));

  return { ...judged, status, missingIn, missingOut, earlyLeave, earlyMinutes, absenceDays, facts: explanation };
}
