import fc from 'fast-check';
import { creditOvertime, OvertimeDayInput } from '../../src/domain/overtime/counting';
import { DEFAULT_OVERTIME_POLICY, OVERTIME_COUNTING, OvertimePolicy, overtimeBreakProblem } from '../../src/domain/overtime/policy';
import { capBreach, compensationAllowed, CountedRequest, earliestOvertimeDate, overtimeKindOf } from '../../src/domain/overtime/requests';

/**
 * The pure overtime rules (加班, issue 22; 劳动法第41/44条): the day type, time off in lieu, the
 * caps, and the minutes a day credits. Times are minutes after 00:00 UTC of 2026-11-24; the office
 * shift is 00:30–04:00 + 05:00–09:30 on that line (08:30–12:00 + 13:00–17:30 in Shanghai).
 */
const BASE = Date.UTC(2026, 10, 24);
const at = (minute: number) => new Date(BASE + minute * 60_000);
const OFFICE = [
  { start: at(30), end: at(240) },
  { start: at(300), end: at(570) },
];
const policy = (changes: Partial<OvertimePolicy> = {}): OvertimePolicy => ({ ...DEFAULT_OVERTIME_POLICY, ...changes });
const input = (changes: Partial<OvertimeDayInput>): OvertimeDayInput => ({ kind: 'workday', windows: [], sessions: OFFICE, punches: [], policy: policy(), ...changes });

describe('Overtime rules, by example (劳动法第41/44条)', () => {
  it('劳动法第44条: the day type — a holiday from the calendar, else a working day when scheduled, else a rest day', () => {
    expect(overtimeKindOf('holiday', true)).toBe('holiday');
    expect(overtimeKindOf('holiday', false)).toBe('holiday');
    expect(overtimeKindOf('workday', true)).toBe('workday');
    expect(overtimeKindOf('rest', true)).toBe('workday');
    expect(overtimeKindOf('rest', false)).toBe('rest_day');
    expect(overtimeKindOf('makeup_workday', true)).toBe('workday');
  });

  it('劳动法第44条: time off in lieu only for rest-day work', () => {
    expect(compensationAllowed('rest_day', 'lieu')).toBe(true);
    expect(compensationAllowed('workday', 'lieu')).toBe(false);
    expect(compensationAllowed('holiday', 'lieu')).toBe(false);
    expect(['workday', 'rest_day', 'holiday'].every((kind) => compensationAllowed(kind as 'workday', 'pay'))).toBe(true);
  });

  it('劳动法第41条: the daily cap bounds working-day extended hours only; the monthly cap counts every kind', () => {
    const caps = policy();
    const others: CountedRequest[] = [{ date: '2026-11-24', kind: 'workday', minutes: 120 }, { date: '2026-11-21', kind: 'rest_day', minutes: 480 }];
    expect(capBreach(others, { date: '2026-11-24', kind: 'workday', minutes: 60 }, caps)).toBeNull();
    expect(capBreach(others, { date: '2026-11-24', kind: 'workday', minutes: 90 }, caps)).toEqual({ cap: 'daily', limitMinutes: 180, leftMinutes: 60 });
    expect(capBreach(others, { date: '2026-11-22', kind: 'rest_day', minutes: 600 }, caps)).toBeNull();
    expect(capBreach(others, { date: '2026-11-22', kind: 'rest_day', minutes: 1561 }, caps)).toEqual({ cap: 'monthly', limitMinutes: 2160, leftMinutes: 1560 });
    // Another month does not count.
    expect(capBreach(others, { date: '2026-12-01', kind: 'rest_day', minutes: 2160 }, caps)).toBeNull();
  });

  it('filing afterwards: earliest date is today less overtimeDaysAfter', () => {
    expect(earliestOvertimeDate('2026-11-27', 7)).toBe('2026-11-20');
    expect(earliestOvertimeDate('2026-11-27', 0)).toBe('2026-11-27');
  });

  it('the break needs both settings, shorter than the time that earns it', () => {
    expect(overtimeBreakProblem({ overtimeBreakAfterMinutes: null, overtimeBreakMinutes: null })).toBeNull();
    expect(overtimeBreakProblem({ overtimeBreakAfterMinutes: 240, overtimeBreakMinutes: 30 })).toBeNull();
    expect(overtimeBreakProblem({ overtimeBreakAfterMinutes: 240, overtimeBreakMinutes: null })?.field).toBe('overtimeBreakMinutes');
    expect(overtimeBreakProblem({ overtimeBreakAfterMinutes: 30, overtimeBreakMinutes: 30 })?.field).toBe('overtimeBreakMinutes');
  });

  it('劳动法第44条: punches inside the window; early arrival before the shift never counts without a window there', () => {
    const windows = [{ start: at(600), end: at(720), compensation: 'pay' as const }];
    expect(creditOvertime(input({ windows, punches: [at(-90), at(730)] }))).toMatchObject({ kind: 'workday', minutes: 120, countedMinutes: 120 });
    expect(creditOvertime(input({ windows, punches: [at(0), at(650)] }))).toMatchObject({ minutes: 30, countedMinutes: 50, unroundedMinutes: 50 });
    expect(creditOvertime(input({ windows, punches: [at(0)] }))).toMatchObject({ kind: null, minutes: 0 });
    expect(creditOvertime(input({ windows: [{ start: at(-90), end: at(30), compensation: 'pay' }], punches: [at(-80), at(580)] }))).toMatchObject({ minutes: 90, countedMinutes: 110 });
  });

  it('approved_window: the window alone, less the shift sessions it would cover', () => {
    const windows = [{ start: at(570), end: at(690), compensation: 'pay' as const }];
    expect(creditOvertime(input({ windows, punches: [], policy: policy({ overtimeCounting: 'approved_window' }) }))).toMatchObject({ minutes: 120 });
    expect(creditOvertime(input({ windows: [{ start: at(500), end: at(690), compensation: 'pay' }], policy: policy({ overtimeCounting: 'approved_window' }) }))).toMatchObject({ minutes: 120 });
  });

  it('劳动法第44条: time two windows share counts once (found by fast-check: two identical windows once counted twice)', () => {
    const twice = [{ start: at(570), end: at(690), compensation: 'pay' as const }, { start: at(630), end: at(750), compensation: 'pay' as const }];
    expect(creditOvertime(input({ windows: twice, policy: policy({ overtimeCounting: 'approved_window' }) }))).toMatchObject({ minutes: 180 });
    const same = [{ start: at(0), end: at(1), compensation: 'pay' as const }, { start: at(0), end: at(1), compensation: 'pay' as const }];
    expect(creditOvertime(input({ windows: same, punches: [at(0), at(1)], policy: policy({ overtimeUnitMinutes: 1 }) }))).toMatchObject({ minutes: 1 });
  });

  it('劳动法第41条: punches_only — the shift end to the last punch, first to last on a rest day, capped by the daily cap', () => {
    const only = policy({ overtimeCounting: 'punches_only' });
    expect(creditOvertime(input({ punches: [at(-90), at(670)], policy: only }))).toMatchObject({ kind: 'workday', minutes: 90, cappedAtMinutes: null });
    expect(creditOvertime(input({ kind: 'rest_day', sessions: [], punches: [at(0), at(310)], policy: only }))).toMatchObject({ kind: 'rest_day', minutes: 180, lieuMinutes: 0, cappedAtMinutes: 180 });
    expect(creditOvertime(input({ punches: [at(20), at(560)], policy: only }))).toMatchObject({ kind: null, minutes: 0 });
  });

  it('the break is deducted once earned, before rounding; lieu follows the lieu windows of a rest day', () => {
    const rest = { kind: 'rest_day' as const, sessions: [] };
    const breakPolicy = policy({ overtimeBreakAfterMinutes: 240, overtimeBreakMinutes: 30 });
    const lieu = [{ start: at(0), end: at(300), compensation: 'lieu' as const }];
    expect(creditOvertime(input({ ...rest, windows: lieu, punches: [at(0), at(300)], policy: breakPolicy }))).toMatchObject({ minutes: 270, lieuMinutes: 270, breakMinutes: 30 });
    expect(creditOvertime(input({ ...rest, windows: lieu, punches: [at(0), at(239)], policy: breakPolicy }))).toMatchObject({ minutes: 210, breakMinutes: 0 });
    const mixed = [...lieu, { start: at(360), end: at(480), compensation: 'pay' as const }];
    expect(creditOvertime(input({ ...rest, windows: mixed, punches: [at(0), at(480)] }))).toMatchObject({ minutes: 420, lieuMinutes: 300 });
    // Lieu asked for a day that is no longer a rest day is paid.
    expect(creditOvertime(input({ kind: 'holiday', sessions: [], windows: lieu, punches: [at(0), at(300)] }))).toMatchObject({ kind: 'holiday', minutes: 300, lieuMinutes: 0 });
  });
});

describe('Overtime rules, for every input (fast-check)', () => {
  const minute = fc.integer({ min: -300, max: 1700 });
  const window = fc.tuple(minute, fc.integer({ min: 1, max: 600 }), fc.constantFrom('pay' as const, 'lieu' as const)).map(([start, length, compensation]) => ({ start: at(start), end: at(start + length), compensation }));
  const anyPolicy = fc.record({
    overtimeCounting: fc.constantFrom(...OVERTIME_COUNTING),
    overtimeUnitMinutes: fc.integer({ min: 1, max: 240 }),
    overtimeBreakAfterMinutes: fc.option(fc.integer({ min: 2, max: 600 }), { nil: null }),
    overtimeDailyCapMinutes: fc.integer({ min: 0, max: 1440 }),
  }).map(({ overtimeBreakAfterMinutes, ...rest }) => policy({ ...rest, overtimeBreakAfterMinutes, overtimeBreakMinutes: overtimeBreakAfterMinutes === null ? null : Math.max(1, Math.floor(overtimeBreakAfterMinutes / 4)) }));
  const day = fc.record({
    kind: fc.constantFrom('workday' as const, 'rest_day' as const, 'holiday' as const),
    windows: fc.array(window, { maxLength: 3 }),
    punches: fc.array(minute.map(at), { maxLength: 6 }),
    policy: anyPolicy,
  }).map((d) => ({ ...d, sessions: d.kind === 'workday' ? OFFICE : [] }));

  it('credited minutes are a multiple of the unit, lieu never more than them and only on a rest day, the kind null exactly when nothing is credited', () => {
    fc.assert(
      fc.property(day, (d) => {
        const credit = creditOvertime(d);
        expect(credit.minutes % d.policy.overtimeUnitMinutes).toBe(0);
        expect(credit.minutes).toBeGreaterThanOrEqual(0);
        expect(credit.minutes).toBeLessThanOrEqual(1440);
        expect(credit.lieuMinutes).toBeLessThanOrEqual(credit.minutes);
        expect(credit.lieuMinutes % d.policy.overtimeUnitMinutes).toBe(0);
        if (d.kind !== 'rest_day' || d.policy.overtimeCounting === 'punches_only') expect(credit.lieuMinutes).toBe(0);
        expect(credit.kind === null).toBe(credit.minutes === 0);
      }),
    );
  });

  it('劳动法第44条: with a request, credited minutes never exceed the approved windows; counting punches, never their span either', () => {
    fc.assert(
      fc.property(day.filter((d) => d.policy.overtimeCounting !== 'punches_only'), (d) => {
        const credit = creditOvertime(d);
        const windowed = d.windows.reduce((sum, w) => sum + (w.end.getTime() - w.start.getTime()) / 60_000, 0);
        expect(credit.minutes).toBeLessThanOrEqual(windowed);
        if (d.policy.overtimeCounting === 'punches_in_window') {
          const times = d.punches.map((p) => p.getTime());
          const span = times.length < 2 ? 0 : (Math.max(...times) - Math.min(...times)) / 60_000;
          expect(credit.minutes).toBeLessThanOrEqual(span);
        }
      }),
    );
  });

  it('arriving early before the shift never counts unless an approved window starts before it', () => {
    fc.assert(
      fc.property(day.filter((d) => d.kind === 'workday'), fc.integer({ min: 1, max: 300 }), (d, earlier) => {
        const afterShift = d.windows.filter((w) => w.start.getTime() >= OFFICE[0].start.getTime());
        const punches = d.punches.filter((p) => p.getTime() >= OFFICE[0].start.getTime());
        if (punches.length === 0) return;
        const first = Math.min(...punches.map((p) => p.getTime()));
        // An extra, earlier clock-in before the shift changes nothing.
        const early = new Date(Math.min(first, OFFICE[0].start.getTime()) - earlier * 60_000);
        const withEarly = creditOvertime({ ...d, windows: afterShift, punches: [...punches, early] });
        const without = creditOvertime({ ...d, windows: afterShift, punches: [at(30), ...punches] });
        expect(withEarly.minutes).toBe(without.minutes);
      }),
    );
  });

  it('劳动法第41条: the daily cap passes a request that fits and refuses one that does not; what is left is never negative', () => {
    const dateIn = fc.integer({ min: 1, max: 30 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`);
    const request = fc.record({ date: dateIn, kind: fc.constantFrom('workday' as const, 'rest_day' as const, 'holiday' as const), minutes: fc.integer({ min: 1, max: 600 }) });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 10 }), request, (others, asked) => {
        const breach = capBreach(others, asked, policy());
        const month = others.reduce((sum, r) => sum + r.minutes, 0) + asked.minutes;
        const daily = others.filter((r) => r.date === asked.date && r.kind === 'workday').reduce((sum, r) => sum + r.minutes, 0) + asked.minutes;
        const over = (asked.kind === 'workday' && daily > 180) || month > 2160;
        expect(breach !== null).toBe(over);
        if (breach) expect(breach.leftMinutes).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
