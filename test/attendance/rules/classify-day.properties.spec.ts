import fc from 'fast-check';
import { classifyDay } from '../../../src/domain/attendance/classify-day';
import { explainDay } from '../../../src/domain/attendance/sentences';
import { buildShiftDay, punchWindows } from '../../../src/domain/attendance/schedule';
import type { DayInput, DayResult, ExemptionCover, LeaveCover, RuleSettings, ShiftDefinition } from '../../../src/domain/attendance/types';
import { addDays, atSecondOfDay, BERLIN, CLOSE_AFTER, DUTY, OFFICE, OPEN_BEFORE, PERSONAL_AM, PERSONAL_PM, SICK_FULL, ZONE } from './fixtures';

const RUNS = { numRuns: 1000 };
const H = 3600;

/**
 * A day described in local wall-clock seconds from the start of its date, so that it can be
 * placed in any zone. Punch times stay between 05:30 and 01:59 next morning: the duty window runs
 * past midnight, and 02:00–03:00 local does not exist (or exists twice) on the European DST nights,
 * so no "same local situation" could be stated there.
 */
interface LocalDay {
  date: string;
  shift: ShiftDefinition;
  calendarKind: DayInput['calendarKind'];
  punchSeconds: number[];
  leave: LeaveCover[];
  exemptions: { from: number | null; to: number | null }[];
  settings: RuleSettings;
  /** Local seconds of "now" on the date, or null for "days later". */
  nowSecond: number | null;
}

const DST_DATES = ['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-10-23', '2026-10-24', '2026-10-25', '2026-10-26'];
const dateArb = fc.oneof(fc.constantFrom(...DST_DATES), fc.integer({ min: 0, max: 364 }).map((d) => addDays('2026-01-01', d)));
const shiftArb = fc.constantFrom(OFFICE, DUTY);

const settingsArb: fc.Arbitrary<RuleSettings> = fc.record({
  graceMinutes: fc.integer({ min: 0, max: 30 }),
  seriousLateMinutes: fc.option(fc.integer({ min: 1, max: 120 })),
  absentAfterLateMinutes: fc.option(fc.integer({ min: 1, max: 240 })),
  missingClockOutIsEarlyLeave: fc.boolean(),
  missingClockInIsAbsence: fc.boolean(),
});

/** Start and end of a shift in local seconds of its date. */
function shiftBounds(shift: ShiftDefinition): { start: number; end: number } {
  return shift.code === 'office' ? { start: 8.5 * H, end: 17.5 * H } : { start: 16 * H, end: 24 * H };
}

/** Mostly near the start and the end of the shift, where the rules bite; sometimes anywhere in the window. */
function punchSecondsArb(shift: ShiftDefinition, minLength = 0): fc.Arbitrary<number[]> {
  const { start, end } = shiftBounds(shift);
  const windowEnd = shift.code === 'office' ? 23.5 * H - 1 : 26 * H - 1;
  const one = fc.oneof(
    fc.integer({ min: start - H, max: start + H }),
    fc.integer({ min: end - H, max: Math.min(end + H, windowEnd) }),
    fc.integer({ min: 5.5 * H, max: windowEnd }),
  );
  return fc.array(one, { minLength, maxLength: 5 });
}

/** Leave that never covers the whole day: the office's morning or afternoon; duty (16:00) only morning leave. */
const partialLeaveArb = (shift: ShiftDefinition) =>
  shift.code === 'office'
    ? fc.constantFrom<LeaveCover[]>([], [], [PERSONAL_AM], [PERSONAL_PM])
    : fc.constantFrom<LeaveCover[]>([], [], [PERSONAL_AM]);
const anyLeaveArb = () =>
  fc.constantFrom<LeaveCover[]>([], [], [PERSONAL_AM], [PERSONAL_PM], [SICK_FULL], [PERSONAL_AM, { ...PERSONAL_PM, typeCode: 'sick' }]);

/** Business trips of at most an hour inside the shift: they never cover a whole session. */
function shortExemptionsArb(shift: ShiftDefinition): fc.Arbitrary<LocalDay['exemptions']> {
  const { start, end } = shiftBounds(shift);
  const one = fc
    .tuple(fc.integer({ min: start - H, max: end }), fc.integer({ min: 60, max: H }))
    .map(([from, length]) => ({ from, to: from + length }));
  return fc.array(one, { maxLength: 2 });
}

function anyExemptionsArb(shift: ShiftDefinition): fc.Arbitrary<LocalDay['exemptions']> {
  const { start, end } = shiftBounds(shift);
  const bound = fc.option(fc.integer({ min: start - H, max: end + H }), { freq: 4 });
  const one = fc.tuple(bound, bound).map(([a, b]) => (a !== null && b !== null && b < a ? { from: b, to: a } : { from: a, to: b }));
  return fc.array(one, { maxLength: 2 });
}

interface DayArbOptions {
  leave: (shift: ShiftDefinition) => fc.Arbitrary<LeaveCover[]>;
  exemptions: (shift: ShiftDefinition) => fc.Arbitrary<LocalDay['exemptions']>;
  settings?: fc.Arbitrary<RuleSettings>;
  finished?: boolean;
  minPunches?: number;
}

function localDayArb(options: DayArbOptions): fc.Arbitrary<LocalDay> {
  return shiftArb.chain((shift) =>
    fc.record({
      date: dateArb,
      shift: fc.constant(shift),
      calendarKind: fc.constantFrom<DayInput['calendarKind']>('workday', 'workday', 'holiday', 'makeup_workday', 'rest'),
      punchSeconds: punchSecondsArb(shift, options.minPunches),
      leave: options.leave(shift),
      exemptions: options.exemptions(shift),
      settings: options.settings ?? settingsArb,
      // "now" during the shift (pending in every zone) or days later (judged)
      nowSecond: options.finished
        ? fc.constant(null)
        : fc.option(fc.integer({ min: 5.5 * H, max: shiftBounds(shift).end }), { freq: 2 }),
    }),
  );
}

/** Places a local day in a zone. */
function toInput(day: LocalDay, zone: string = ZONE): DayInput {
  const local = (second: number) => atSecondOfDay(day.date, second, zone);
  const schedule = buildShiftDay(day.date, day.shift, zone);
  const exemptions: ExemptionCover[] = day.exemptions.map((e) => ({
    from: e.from === null ? null : local(e.from),
    to: e.to === null ? null : local(e.to),
  }));
  return {
    date: day.date,
    zone,
    employed: true,
    calendarKind: day.calendarKind,
    holidayName: day.calendarKind === 'holiday' ? '劳动节' : null,
    schedule,
    window: punchWindows([schedule], OPEN_BEFORE, CLOSE_AFTER)[0],
    punches: day.punchSeconds.map((s, i) => ({ id: `p${i}`, at: local(s) })),
    leave: day.leave,
    exemptions,
    settings: day.settings,
    now: day.nowSecond === null ? local(3 * 24 * H) : local(day.nowSecond),
  };
}

const anyDayArb = localDayArb({ leave: anyLeaveArb, exemptions: anyExemptionsArb });

describe('classifyDay properties', () => {
  it('H-ATT-7: the result does not depend on punch order or duplicated punches', () => {
    const arb = anyDayArb.chain((day) =>
      fc.tuple(
        fc.constant(day),
        fc.shuffledSubarray(day.punchSeconds, { minLength: day.punchSeconds.length, maxLength: day.punchSeconds.length }),
        fc.subarray(day.punchSeconds),
      ),
    );
    fc.assert(
      fc.property(arb, ([day, shuffled, duplicates]) => {
        const reordered = { ...day, punchSeconds: [...shuffled, ...duplicates] };
        expect(classifyDay(toInput(reordered))).toEqual(classifyDay(toInput(day)));
      }),
      RUNS,
    );
  });

  it('H-ATT-6: adding a punch inside the working sessions never turns present into absent', () => {
    // With the default missing-punch settings. When a missing clock-out is excused by setting, a second
    // punch can reveal an early departure that a lone clock-in hid: that is H-ATT-6 doing its job.
    const settings = settingsArb.map((s) => ({ ...s, missingClockOutIsEarlyLeave: true, missingClockInIsAbsence: true }));
    const arb = localDayArb({ leave: anyLeaveArb, exemptions: anyExemptionsArb, settings, finished: true }).chain((day) =>
      fc.tuple(fc.constant(day), fc.nat({ max: day.shift.sessions.length - 1 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
    );
    let presentDays = 0;
    fc.assert(
      fc.property(arb, ([day, sessionIndex, fraction]) => {
        const input = toInput(day);
        const before = classifyDay(input);
        if (before.status !== 'present' || !input.schedule) return;
        presentDays++;
        const session = input.schedule.sessions[sessionIndex];
        const extra = session.start.getTime() + Math.floor(fraction * (session.end.getTime() - session.start.getTime()));
        const after = classifyDay({ ...input, punches: [...input.punches, { at: new Date(extra) }] });
        expect(after.status).not.toBe('absent');
      }),
      RUNS,
    );
    // the property is not vacuous: many generated days were present
    expect(presentDays).toBeGreaterThan(50);
  });

  it('H-ATT-5: moving the first punch later never decreases lateMinutes', () => {
    const arb = anyDayArb
      .filter((day) => day.punchSeconds.length >= 2)
      .chain((day) => fc.tuple(fc.constant(day), fc.integer({ min: 1, max: 6 * H })));
    fc.assert(
      fc.property(arb, ([day, delay]) => {
        const first = Math.min(...day.punchSeconds);
        const index = day.punchSeconds.indexOf(first);
        const moved = day.punchSeconds.map((s, i) => (i === index ? s + delay : s));
        // With a single distinct record left, it may read as a clock-out and there is no arrival at all;
        // lateness is about arrivals, so the property is stated for days with a clock-in and a clock-out.
        fc.pre(new Set(moved).size >= 2);
        const before = classifyDay(toInput(day));
        const after = classifyDay(toInput({ ...day, punchSeconds: moved }));
        expect(after.lateMinutes).toBeGreaterThanOrEqual(before.lateMinutes);
      }),
      RUNS,
    );
  });

  it('H-ATT-1: every scheduled, finished, employed day not wholly covered is exactly one of present, late, absent', () => {
    const arb = localDayArb({ leave: partialLeaveArb, exemptions: shortExemptionsArb, finished: true });
    fc.assert(
      fc.property(arb, (day) => {
        const result = classifyDay(toInput(day));
        expect(['present', 'late', 'absent']).toContain(result.status);
        expect(result.absenceDays > 0).toBe(result.status === 'absent');
        if (result.status === 'present') expect(result.lateMinutes).toBe(0);
        if (result.status === 'late') expect(result.lateMinutes).toBeGreaterThan(day.settings.graceMinutes);
        if (result.status === 'absent') expect(result.absenceDays + result.leaveDays).toBe(1);
        expect(result.exemptDays).toBe(0);
        expect(explainDay(result.facts, result.date, 'en').every((sentence) => /^H-(ATT|ORG|CON)-\d+: /.test(sentence))).toBe(true);
        expect(explainDay(result.facts, result.date, 'zh-CN').every((sentence) => /^H-(ATT|ORG|CON)-\d+：/.test(sentence))).toBe(true);
      }),
      RUNS,
    );
  });

  it('H-ATT-7: the same input gives the same result, and the input is left untouched', () => {
    fc.assert(
      fc.property(anyDayArb, (day) => {
        const input = toInput(day);
        const copy = structuredClone(input);
        const first = classifyDay(input);
        expect(classifyDay(copy)).toEqual(first);
        expect(classifyDay(input)).toEqual(first);
        expect(input).toEqual(copy);
      }),
      RUNS,
    );
  });

  it('H-ATT-3: the same local situation is judged alike in Asia/Shanghai and Europe/Berlin, DST days included', () => {
    const comparable = (r: DayResult) => ({
      status: r.status,
      lateMinutes: r.lateMinutes,
      earlyMinutes: r.earlyMinutes,
      workedMinutes: r.workedMinutes,
      absenceDays: r.absenceDays,
      leaveDays: r.leaveDays,
      exemptDays: r.exemptDays,
      missingIn: r.missingIn,
      missingOut: r.missingOut,
      earlyLeave: r.earlyLeave,
      seriousLate: r.seriousLate,
      facts: r.facts,
    });
    fc.assert(
      fc.property(anyDayArb, (day) => {
        expect(comparable(classifyDay(toInput(day, BERLIN)))).toEqual(comparable(classifyDay(toInput(day, ZONE))));
      }),
      RUNS,
    );
  });
});
