import { localClock, pendingFact } from '../attendance/explain';
import type { DayFact } from '../attendance/facts';
import type { DayInput, DayResult, OvertimeResult } from '../attendance/types';
import { creditOvertime, OvertimeCredit } from './counting';
import { OVERTIME_RATE_PERCENT } from './policy';
import { overtimeKindOf } from './requests';

/**
 * Overtime on a judged day (劳动法 第41/44条, issue 22): what the day credits once its punch window
 * has closed, and the facts that explain it. Applied after the attendance verdict, which it never
 * changes, except that a day off with approved overtime waits (pending) until its window closes and
 * its clock records are read for the overtime instead of being listed as ignored.
 */

export const NO_OVERTIME_RESULT: Readonly<OvertimeResult> = Object.freeze({ kind: null, minutes: 0, lieuMinutes: 0 });

/** The facts of a credit: the windows, the break, the cap, and what is credited at which rate. */
function overtimeFacts(input: DayInput, credit: OvertimeCredit): DayFact[] {
  const overtime = input.overtime!;
  const facts: DayFact[] = [...overtime.windows]
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .map((w) => ({ kind: 'overtime_approved', clause: '劳动法第44条', window: { start: localClock(w.start, input.zone), end: localClock(w.end, input.zone) }, compensation: w.compensation }));
  if (credit.breakMinutes > 0 && overtime.policy.overtimeBreakAfterMinutes !== null) {
    facts.push({ kind: 'overtime_break', clause: '劳动法第44条', breakMinutes: credit.breakMinutes, afterMinutes: overtime.policy.overtimeBreakAfterMinutes });
  }
  if (credit.cappedAtMinutes !== null) facts.push({ kind: 'overtime_capped', clause: '劳动法第41条', capMinutes: credit.cappedAtMinutes });
  if (credit.kind !== null) {
    facts.push({
      kind: 'overtime_credited', clause: '劳动法第44条', overtimeKind: credit.kind, minutes: credit.minutes, ratePercent: OVERTIME_RATE_PERCENT[credit.kind],
      lieuMinutes: credit.lieuMinutes, countedMinutes: credit.unroundedMinutes, unitMinutes: overtime.policy.overtimeUnitMinutes,
    });
  } else if (overtime.windows.length > 0) {
    facts.push({ kind: 'overtime_not_worked', clause: '劳动法第44条' });
  }
  return facts;
}

/** Facts after which overtime facts go: before the day's verdict, so the verdict stays last. */
function withFacts(facts: DayFact[], added: DayFact[]): DayFact[] {
  const verdict = facts.findIndex((fact) => fact.kind.startsWith('verdict_'));
  return verdict < 0 ? [...facts, ...added] : [...facts.slice(0, verdict), ...added, ...facts.slice(verdict)];
}

/**
 * The day's result with its overtime. A day still pending credits nothing yet; a day off with
 * approved windows is pending until its window closes; once closed, the credit follows the counting
 * setting (./counting.ts).
 */
export function withOvertime(input: DayInput, result: DayResult): DayResult {
  const overtime = input.overtime;
  if (!overtime || !input.employed || result.status === 'pending') return result;
  const counting = overtime.policy.overtimeCounting;
  const reads = counting === 'punches_only' || overtime.windows.length > 0;
  if (!reads) return result;
  const dayOff = input.schedule === null || input.schedule.sessions.length === 0;
  // Read for the overtime, not ignored: the clock records of a day off with overtime.
  const facts = dayOff ? result.facts.filter((fact) => fact.kind !== 'punches_ignored') : result.facts;
  if (dayOff && overtime.windows.length > 0 && input.window && input.now.getTime() < input.window.close.getTime()) {
    return { ...result, status: 'pending', facts: [...facts, pendingFact(input.window.close, input.zone)] };
  }
  const credit = creditOvertime({
    kind: overtimeKindOf(input.calendarKind, !dayOff),
    windows: overtime.windows,
    sessions: input.schedule?.sessions ?? [],
    punches: input.punches.map((punch) => punch.at),
    policy: overtime.policy,
  });
  // punches_only on a day nobody worked extra: nothing to say.
  if (credit.kind === null && overtime.windows.length === 0) return { ...result, facts: dayOff && input.punches.length > 0 ? result.facts : facts };
  return { ...result, facts: withFacts(facts, overtimeFacts(input, credit)), overtime: { kind: credit.kind, minutes: credit.minutes, lieuMinutes: credit.lieuMinutes } };
}
