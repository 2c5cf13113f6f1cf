import { classifyDay } from '../../../src/domain/attendance/classify-day';
import { explainDay } from '../../../src/domain/attendance/sentences';
import type { DayResult } from '../../../src/domain/attendance/types';
import { at, dayInput, DUTY, PERSONAL_AM, PERSONAL_PM, punchesAt, SICK_FULL } from './fixtures';

// Scenarios in Asia/Shanghai on Wednesday 2026-05-06: office 08:30–12:00 & 13:00–17:30 (H-ATT-3),
// duty 16:00–24:00 (H-ATT-4), punch window 180 min before / 360 min after. Judged three days later
// unless a scenario says otherwise.
const D = '2026-05-06';
const NEXT = '2026-05-07';
/** The facts as the English sentences they read as (the Chinese ones: sentences.spec.ts). */
const en = (result: DayResult) => explainDay(result.facts, result.date, 'en');
const OFFICE_LINE = 'H-ATT-3: office shift 08:30–12:00, 13:00–17:30';

describe('classifyDay: office shift, arrival (H-ATT-5)', () => {
  it('H-ATT-5: arriving exactly at 08:30:00 is on time', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '08:30:00', '17:30:00') }));
    // worked: 08:30–12:00 (210) + 13:00–17:30 (270) = 480; the lunch break is not worked
    expect(result).toMatchObject({
      status: 'present', shiftCode: 'office', lateMinutes: 0, earlyMinutes: 0, workedMinutes: 480,
      missingIn: false, missingOut: false, earlyLeave: false, absenceDays: 0, leaveDays: 0, exemptDays: 0,
    });
    expect(result.firstIn).toEqual(at(D, '08:30'));
    expect(result.lastOut).toEqual(at(D, '17:30'));
    expect(en(result)).toEqual([
      OFFICE_LINE,
      'H-ATT-5: arrived 08:30, on time',
      'H-ATT-6: left 17:30, not early',
      'H-ATT-1: present',
    ]);
  });

  it('H-ATT-5: arriving at 08:30:00.900 is still on time (whole-second precision)', () => {
    const punches = [{ at: new Date(at(D, '08:30').getTime() + 900) }, { at: at(D, '17:30') }];
    expect(classifyDay(dayInput({ punches }))).toMatchObject({ status: 'present', lateMinutes: 0 });
  });

  it('H-ATT-5: late at 08:30:01 by one minute', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '08:30:01', '17:30') }));
    // 1 second late rounds up to 1 minute; worked 209 min 59 s + 270 min → floor 479
    expect(result).toMatchObject({ status: 'late', lateMinutes: 1, workedMinutes: 479, absenceDays: 0 });
    expect(en(result)).toContain('H-ATT-5: arrived 08:30:01, 1 min late');
  });

  it('H-ATT-5: late at 08:47 with grace 0, 17 minutes', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '08:47', '17:30') }));
    // 08:47 − 08:30 = 17 min; worked 193 + 270 = 463
    expect(result).toMatchObject({ status: 'late', lateMinutes: 17, workedMinutes: 463, seriousLate: false });
    expect(en(result)).toEqual([OFFICE_LINE, 'H-ATT-5: arrived 08:47, 17 min late', 'H-ATT-6: left 17:30, not early', 'H-ATT-1: late, 17 min']);
  });

  it('H-ATT-5: late at 08:47 with grace 15 is still late, by the full 17 minutes', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '08:47', '17:30'), settings: { graceMinutes: 15 } }));
    // 17 > 15 → late; the recorded minutes are the real lateness, not 17 − 15
    expect(result).toMatchObject({ status: 'late', lateMinutes: 17 });
  });

  it('H-ATT-5: arriving at 08:40 with grace 15 is not late', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '08:40', '17:30'), settings: { graceMinutes: 15 } }));
    // 10 ≤ 15 → within grace, lateMinutes 0
    expect(result).toMatchObject({ status: 'present', lateMinutes: 0, seriousLate: false });
    expect(en(result)).toContain('H-ATT-5: arrived 08:40, 10 min late, within the 15 min grace period');
  });

  it('H-ATT-5: arriving exactly at the end of grace (08:45, grace 15) is not late', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '08:45', '17:30'), settings: { graceMinutes: 15 } }));
    expect(result).toMatchObject({ status: 'present', lateMinutes: 0 });
  });

  it('H-ATT-5: serious lateness tier flags 30 min or more', () => {
    const settings = { seriousLateMinutes: 30 };
    // 09:00 − 08:30 = 30 → 30 ≥ 30, serious
    expect(classifyDay(dayInput({ punches: punchesAt(D, '09:00', '17:30'), settings }))).toMatchObject({
      status: 'late', lateMinutes: 30, seriousLate: true,
    });
    // 08:59 → 29, not serious
    expect(classifyDay(dayInput({ punches: punchesAt(D, '08:59', '17:30'), settings }))).toMatchObject({
      status: 'late', lateMinutes: 29, seriousLate: false,
    });
    const serious = classifyDay(dayInput({ punches: punchesAt(D, '09:05', '17:30'), settings }));
    expect(en(serious)).toContain('H-ATT-5: arrived 09:05, 35 min late — serious lateness (30 min or more)');
  });

  it('H-ATT-5: serious lateness is off when the setting is null', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '11:00', '17:30') }));
    expect(result).toMatchObject({ status: 'late', lateMinutes: 150, seriousLate: false });
  });

  it('H-ATT-5: more than absentAfterLateMinutes late counts as absence', () => {
    const settings = { absentAfterLateMinutes: 120 };
    // 10:31 − 08:30 = 121 > 120 → absent for the whole day, the lateness is still recorded
    const absent = classifyDay(dayInput({ punches: punchesAt(D, '10:31', '17:30'), settings }));
    expect(absent).toMatchObject({ status: 'absent', lateMinutes: 121, absenceDays: 1, earlyLeave: false });
    expect(en(absent)).toEqual([
      OFFICE_LINE,
      'H-ATT-5: arrived 10:31, 121 min late',
      'H-ATT-5: more than 120 min late — counted as absence for the day',
      'H-ATT-6: left 17:30, not early',
      'H-ATT-1: unexcused absence, 1 day',
    ]);
    // 10:30 → exactly 120, not more → only late
    expect(classifyDay(dayInput({ punches: punchesAt(D, '10:30', '17:30'), settings }))).toMatchObject({
      status: 'late', lateMinutes: 120, absenceDays: 0,
    });
  });
});

describe('classifyDay: office shift, departure (H-ATT-6) and clock records (H-ATT-7)', () => {
  it('H-ATT-6: early leave at 17:29 counts as absence for the whole day', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '08:30', '17:29') }));
    // 17:30 − 17:29 = 1 min early; worked 210 + 269 = 479; the facts stay visible
    expect(result).toMatchObject({
      status: 'absent', earlyLeave: true, earlyMinutes: 1, lateMinutes: 0, workedMinutes: 479, absenceDays: 1,
      missingIn: false, missingOut: false,
    });
    expect(result.firstIn).toEqual(at(D, '08:30'));
    expect(result.lastOut).toEqual(at(D, '17:29'));
  });

  it('H-ATT-6: late and early at once shows both facts and one absence', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '08:47', '17:02') }));
    // late 17 min; early 17:30 − 17:02 = 28 min; worked 193 + 242 = 435
    expect(result).toMatchObject({ status: 'absent', lateMinutes: 17, earlyMinutes: 28, workedMinutes: 435, absenceDays: 1 });
    expect(en(result)).toEqual([
      OFFICE_LINE,
      'H-ATT-5: arrived 08:47, 17 min late',
      'H-ATT-6: left 17:02, 28 min early — counted as absence for the day',
      'H-ATT-1: unexcused absence, 1 day',
    ]);
  });

  it('H-ATT-6: leaving at 17:29:59 is one minute early (rounded up)', () => {
    expect(classifyDay(dayInput({ punches: punchesAt(D, '08:30', '17:29:59') }))).toMatchObject({
      status: 'absent', earlyMinutes: 1,
    });
  });

  it('H-ATT-7: no clock records at all is unexcused absence', () => {
    const result = classifyDay(dayInput());
    expect(result).toMatchObject({
      status: 'absent', absenceDays: 1, missingIn: true, missingOut: true, firstIn: null, lastOut: null, workedMinutes: 0,
    });
    expect(en(result)).toEqual([OFFICE_LINE, 'H-ATT-7: no clock records — unexcused absence', 'H-ATT-1: unexcused absence, 1 day']);
  });

  it('H-ATT-6: only a clock-in means a missing clock-out, treated as early leave by default', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '08:25') }));
    // 08:25 is before the middle of 08:30–17:30 (13:00) → clock-in
    expect(result).toMatchObject({ status: 'absent', missingIn: false, missingOut: true, earlyLeave: true, earlyMinutes: 0, absenceDays: 1 });
    expect(result.firstIn).toEqual(at(D, '08:25'));
    expect(result.lastOut).toBeNull();
    expect(en(result)).toContain('H-ATT-6: no clock-out record — treated as early leave, counted as absence for the day');
  });

  it('H-ATT-6: only a clock-in, with missingClockOutIsEarlyLeave=false, is judged on arrival', () => {
    const settings = { missingClockOutIsEarlyLeave: false };
    const onTime = classifyDay(dayInput({ punches: punchesAt(D, '08:25'), settings }));
    expect(onTime).toMatchObject({ status: 'present', missingOut: true, earlyLeave: false, absenceDays: 0, workedMinutes: 0 });
    expect(en(onTime)).toContain('H-ATT-6: no clock-out record — excused by setting, judged on arrival only');
    // 08:47 → 17 min late
    expect(classifyDay(dayInput({ punches: punchesAt(D, '08:47'), settings }))).toMatchObject({ status: 'late', lateMinutes: 17 });
  });

  it('H-ATT-7: only a clock-out means a missing clock-in, absence by default', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '17:35') }));
    // 17:35 is after the middle (13:00) → clock-out
    expect(result).toMatchObject({ status: 'absent', missingIn: true, missingOut: false, earlyLeave: false, absenceDays: 1 });
    expect(en(result)).toContain('H-ATT-7: no clock-in record — counted as absence for the day');
  });

  it('H-ATT-7: only a clock-out, with missingClockInIsAbsence=false, is judged on departure', () => {
    const settings = { missingClockInIsAbsence: false };
    expect(classifyDay(dayInput({ punches: punchesAt(D, '17:35'), settings }))).toMatchObject({ status: 'present', missingIn: true, lateMinutes: 0 });
    // leaving at 17:00 is still 30 min early
    expect(classifyDay(dayInput({ punches: punchesAt(D, '17:00'), settings }))).toMatchObject({
      status: 'absent', earlyLeave: true, earlyMinutes: 30,
    });
  });

  it('H-ATT-7: a lone record is a clock-in before the middle of the expected work, a clock-out from it on', () => {
    // middle of 08:30–17:30 is 13:00
    expect(classifyDay(dayInput({ punches: punchesAt(D, '12:59') }))).toMatchObject({ missingOut: true, missingIn: false });
    expect(classifyDay(dayInput({ punches: punchesAt(D, '13:00') }))).toMatchObject({ missingOut: false, missingIn: true });
  });

  it('H-ATT-7: clocking in and out only after the shift ended is absence, not lateness', () => {
    // 17:40 and 18:10 overlap no session: 0 minutes worked, so the person was never at work.
    const result = classifyDay(dayInput({ punches: punchesAt(D, '17:40', '18:10') }));
    expect(result).toMatchObject({ status: 'absent', workedMinutes: 0, absenceDays: 1, earlyLeave: false });
    expect(en(result)).toContain('H-ATT-7: no minute of the clock records falls inside the working sessions — unexcused absence');
  });

  it('H-ATT-7: punches only over the lunch break are absence', () => {
    expect(classifyDay(dayInput({ punches: punchesAt(D, '12:05', '12:55') }))).toMatchObject({ status: 'absent', workedMinutes: 0 });
  });

  it('H-ATT-7: duplicated punches and their order do not matter', () => {
    const ordered = classifyDay(dayInput({ punches: punchesAt(D, '08:29', '12:01', '17:31') }));
    const shuffled = classifyDay(dayInput({ punches: punchesAt(D, '17:31', '08:29', '17:31', '12:01', '08:29') }));
    expect(shuffled).toEqual(ordered);
    // the same instant twice is one record: a lone clock-in
    expect(classifyDay(dayInput({ punches: punchesAt(D, '08:29', '08:29') }))).toMatchObject({ missingOut: true });
  });
});

describe('classifyDay: duty shift (H-ATT-4)', () => {
  it('H-ATT-4: duty in at 16:00 and out at 00:05 next day is present', () => {
    const result = classifyDay(dayInput({ shift: DUTY, punches: [...punchesAt(D, '16:00'), ...punchesAt(NEXT, '00:05')] }));
    // worked 16:00–24:00 = 480; the 5 minutes after midnight are outside the session
    expect(result).toMatchObject({ status: 'present', shiftCode: 'duty', lateMinutes: 0, earlyMinutes: 0, workedMinutes: 480 });
    expect(en(result)).toEqual([
      'H-ATT-4: duty shift 16:00–24:00',
      'H-ATT-5: arrived 16:00, on time',
      'H-ATT-6: left 00:05 next day, not early',
      'H-ATT-1: present',
    ]);
  });

  it('H-ATT-6: duty out at 23:50 is early leave and a whole day of absence', () => {
    const result = classifyDay(dayInput({ shift: DUTY, punches: punchesAt(D, '16:00', '23:50') }));
    // 24:00 − 23:50 = 10 min early; one-session shift → absence 1; worked 470
    expect(result).toMatchObject({ status: 'absent', earlyLeave: true, earlyMinutes: 10, absenceDays: 1, workedMinutes: 470 });
  });

  it('H-ATT-5: duty in at 16:10 is 10 minutes late', () => {
    const result = classifyDay(dayInput({ shift: DUTY, punches: [...punchesAt(D, '16:10'), ...punchesAt(NEXT, '00:00')] }));
    // 16:10 − 16:00 = 10; worked 16:10–24:00 = 470
    expect(result).toMatchObject({ status: 'late', lateMinutes: 10, workedMinutes: 470 });
    expect(en(result)).toContain('H-ATT-6: left 24:00, not early');
  });
});

describe('classifyDay: calendar and employment (H-ATT-2)', () => {
  it('H-ATT-2: a holiday without a schedule is a day off, and punches are ignored', () => {
    const result = classifyDay(
      dayInput({ date: '2026-10-01', shift: null, calendarKind: 'holiday', holidayName: '国庆节', punches: punchesAt('2026-10-01', '09:00') }),
    );
    expect(result).toMatchObject({ status: 'holiday', shiftCode: null, absenceDays: 0, firstIn: null, lastOut: null });
    expect(en(result)).toEqual([
      'H-ATT-2: statutory holiday 国庆节 — day off',
      'H-ATT-7: clock record at 09:00 ignored — no shift scheduled',
    ]);
  });

  it('H-ATT-2: an unscheduled ordinary day is a rest day', () => {
    const result = classifyDay(dayInput({ shift: null, calendarKind: 'rest' }));
    expect(result).toMatchObject({ status: 'rest', absenceDays: 0 });
    expect(en(result)).toEqual(['H-ATT-2: no shift scheduled — rest day']);
  });

  it('H-ATT-2: a person rostered on duty on a holiday is judged on the duty shift', () => {
    const date = '2026-10-01';
    const base = { date, shift: DUTY, calendarKind: 'holiday' as const, holidayName: '国庆节' };
    const present = classifyDay(dayInput({ ...base, punches: [...punchesAt(date, '15:55'), ...punchesAt('2026-10-02', '00:01')] }));
    expect(present).toMatchObject({ status: 'present', shiftCode: 'duty', workedMinutes: 480 });
    expect(en(present).slice(0, 2)).toEqual([
      'H-ATT-2: statutory holiday 国庆节 — rostered, judged on the duty shift',
      'H-ATT-4: duty shift 16:00–24:00',
    ]);
    expect(classifyDay(dayInput(base))).toMatchObject({ status: 'absent', absenceDays: 1 });
  });

  it('H-ATT-2: not employed on the date means nothing is expected, whatever the schedule', () => {
    const result = classifyDay(dayInput({ employed: false, punches: punchesAt(D, '08:30', '17:30') }));
    expect(result).toMatchObject({ status: 'not_employed', shiftCode: null, absenceDays: 0, workedMinutes: 0 });
    expect(en(result)[0]).toBe('H-ATT-2: not employed on 2026-05-06 — no attendance expected');
  });
});

describe('classifyDay: a day still in progress (H-ATT-7)', () => {
  it('H-ATT-7: before the punch window closes the day is pending, never absent', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '08:47'), now: at(D, '10:00') }));
    // facts so far: arrived 17 min late; no judgement on departure yet
    expect(result).toMatchObject({ status: 'pending', lateMinutes: 17, absenceDays: 0, missingOut: false, earlyLeave: false });
    expect(result.firstIn).toEqual(at(D, '08:47'));
    expect(en(result)).toEqual([OFFICE_LINE, 'H-ATT-5: arrived 08:47, 17 min late', 'H-ATT-7: clock records open until 23:30 — not judged yet']);
  });

  it('H-ATT-7: a future day without leave is pending', () => {
    expect(classifyDay(dayInput({ now: at('2026-05-01', '12:00') }))).toMatchObject({ status: 'pending', absenceDays: 0 });
  });

  it('H-ATT-7: the day is judged from the moment the window closes (17:30 + 360 min = 23:30)', () => {
    expect(classifyDay(dayInput({ now: at(D, '23:29:59') })).status).toBe('pending');
    expect(classifyDay(dayInput({ now: at(D, '23:30') })).status).toBe('absent');
  });

  it('H-ATT-7: a duty day stays pending until its window closes at 06:00 next day', () => {
    const input = dayInput({ shift: DUTY, punches: punchesAt(D, '16:00'), now: at(NEXT, '05:00') });
    const result = classifyDay(input);
    expect(result.status).toBe('pending');
    expect(en(result)).toContain('H-ATT-7: clock records open until 06:00 next day — not judged yet');
  });
});

describe('classifyDay: leave (H-ATT-10) and business trips (H-ATT-8)', () => {
  it('H-ATT-10: morning leave is judged on the afternoon only', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '13:00', '17:30'), leave: [PERSONAL_AM] }));
    // expected work 13:00–17:30; worked 270; the morning is leave: 1 of 2 sessions = 0.5
    expect(result).toMatchObject({
      status: 'present', leaveTypeCode: 'personal', leaveDays: 0.5, absenceDays: 0, lateMinutes: 0, workedMinutes: 270,
    });
    expect(en(result)).toEqual([
      OFFICE_LINE,
      'H-ATT-10: personal leave (morning)',
      'H-ATT-5: arrived 13:00, on time',
      'H-ATT-6: left 17:30, not early',
      'H-ATT-1: present',
    ]);
  });

  it('H-ATT-10: morning leave and no punches is half a day of absence', () => {
    const result = classifyDay(dayInput({ leave: [PERSONAL_AM] }));
    expect(result).toMatchObject({ status: 'absent', absenceDays: 0.5, leaveDays: 0.5, leaveTypeCode: 'personal' });
    expect(en(result)).toContain('H-ATT-1: unexcused absence, 0.5 day');
  });

  it('H-ATT-10: with morning leave, arriving at 13:05 is 5 minutes late', () => {
    expect(classifyDay(dayInput({ punches: punchesAt(D, '13:05', '17:30'), leave: [PERSONAL_AM] }))).toMatchObject({
      status: 'late', lateMinutes: 5, leaveDays: 0.5,
    });
  });

  it('H-ATT-10: afternoon leave ends the expected work at 12:00', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '08:30', '12:00'), leave: [PERSONAL_PM] }));
    // middle of 08:30–12:00 is 10:15; worked 210
    expect(result).toMatchObject({ status: 'present', leaveDays: 0.5, workedMinutes: 210 });
  });

  it('H-ATT-10: whole-day leave is leave even for a future day', () => {
    const result = classifyDay(dayInput({ leave: [SICK_FULL], now: at('2026-05-01', '09:00') }));
    expect(result).toMatchObject({ status: 'leave', leaveTypeCode: 'sick', leaveDays: 1, absenceDays: 0, exemptDays: 0 });
    expect(en(result)).toEqual([OFFICE_LINE, 'H-ATT-10: sick leave (whole day)', 'H-ATT-1: on leave — no work expected']);
  });

  it('H-ATT-10: morning and afternoon leave together cover the day', () => {
    const result = classifyDay(dayInput({ leave: [{ ...PERSONAL_PM, typeCode: 'sick', typeName: { zh: '病假', en: 'Sick leave' } }, PERSONAL_AM] }));
    // the leave covering the first session names the day
    expect(result).toMatchObject({ status: 'leave', leaveTypeCode: 'personal', leaveDays: 1 });
  });

  it('H-ATT-10: afternoon leave covers the duty shift, morning leave does not', () => {
    expect(classifyDay(dayInput({ shift: DUTY, leave: [PERSONAL_PM] }))).toMatchObject({ status: 'leave', leaveDays: 1 });
    const result = classifyDay(dayInput({ shift: DUTY, leave: [PERSONAL_AM] }));
    expect(result).toMatchObject({ status: 'absent', leaveDays: 0, leaveTypeCode: null, absenceDays: 1 });
    expect(en(result)).toContain('H-ATT-10: personal leave (morning) — covers no session of the duty shift');
  });

  it('H-ATT-8: a business trip 08:30–11:00 moves the expected start: arriving 10:55 is not late', () => {
    const exemptions = [{ from: at(D, '08:30'), to: at(D, '11:00') }];
    const result = classifyDay(dayInput({ punches: punchesAt(D, '10:55', '17:30'), exemptions }));
    // expected work 11:00–12:00 and 13:00–17:30; the partly exempt session is not an exempt half day
    expect(result).toMatchObject({ status: 'present', lateMinutes: 0, exemptDays: 0, workedMinutes: 65 + 270 });
    expect(en(result)).toEqual([
      OFFICE_LINE,
      'H-ATT-8: business trip 08:30–11:00 approved',
      'H-ATT-5: arrived 10:55, on time',
      'H-ATT-6: left 17:30, not early',
      'H-ATT-1: present',
    ]);
  });

  it('H-ATT-8: a partly exempt session still counts as expected: no punches is a whole day of absence', () => {
    const exemptions = [{ from: at(D, '08:30'), to: at(D, '11:00') }];
    expect(classifyDay(dayInput({ exemptions }))).toMatchObject({ status: 'absent', absenceDays: 1 });
  });

  it('H-ATT-8: a business trip over the whole morning session is an exempt half day', () => {
    const exemptions = [{ from: at(D, '08:00'), to: at(D, '12:30') }];
    expect(classifyDay(dayInput({ punches: punchesAt(D, '12:50', '17:30'), exemptions }))).toMatchObject({
      status: 'present', exemptDays: 0.5, lateMinutes: 0,
    });
    expect(classifyDay(dayInput({ exemptions }))).toMatchObject({ status: 'absent', absenceDays: 0.5, exemptDays: 0.5 });
  });

  it('H-ATT-8: a whole-day business trip exempts the day', () => {
    const result = classifyDay(dayInput({ exemptions: [{ from: null, to: null }], punches: punchesAt(D, '09:00') }));
    expect(result).toMatchObject({ status: 'exempt', exemptDays: 1, absenceDays: 0, leaveTypeCode: null });
    expect(en(result)).toEqual([
      OFFICE_LINE,
      'H-ATT-8: business trip approved for the whole day',
      'H-ATT-7: clock record at 09:00 ignored — no work expected',
      'H-ATT-1: excused by business trip — no work expected',
    ]);
  });

  it('H-ATT-8: morning leave plus an afternoon business trip leaves nothing expected: leave', () => {
    const exemptions = [{ from: at(D, '13:00'), to: null }];
    const result = classifyDay(dayInput({ leave: [PERSONAL_AM], exemptions }));
    expect(result).toMatchObject({ status: 'leave', leaveDays: 0.5, exemptDays: 0.5, absenceDays: 0 });
    expect(en(result)).toContain('H-ATT-8: business trip from 13:00 approved');
  });
});
