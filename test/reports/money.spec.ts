import fc from 'fast-check';
import { baseGridCode, canonicalJson, gridCode, monthMoney, overtimePayFen } from '../../src/domain/money';

const policy = { effectiveMonth: '2026-11', lateFen: 2000, seriousLateFen: 5000, absenceDayFen: 15001, missingPunchFen: 1000, fullAttendanceBonusFen: 30000, correctionFen: 0, overtimeWorkdayHourFen: 0, overtimeRestDayHourFen: 0, overtimeHolidayHourFen: 0 };
const clean = { scheduledDays: 22, lateCount: 0, seriousLateCount: 0, absenceDays: 0, missingPunchCount: 0, correctionCount: 0, personalLeaveDays: 0, pendingDays: 0 };

describe("Finance's money rules (H-ATT-7)", () => {
  it('H-ATT-7: penalties per late arrival, serious late arrival, absence day and missing punch, in integer fen', () => {
    // 3 late × 20.00 + 1 serious × 50.00 + 1.5 days × 150.01 (= 225.015 → 225.02, half up) + 2 missing × 10.00
    const money = monthMoney({ ...clean, lateCount: 3, seriousLateCount: 1, absenceDays: 1.5, missingPunchCount: 2 }, policy);
    expect(money.penalties).toEqual({ lateFen: 6000, seriousLateFen: 5000, absenceFen: 22502, missingPunchFen: 2000, correctionFen: 0 });
    expect(money.penaltiesFen).toBe(35502);
    expect(money.bonusFen).toBe(0);
  });

  it('H-ATT-7: finance may attach an amount to each approved make-up punch (补卡), zero by default; it does not cost the full-attendance bonus', () => {
    expect(monthMoney({ ...clean, correctionCount: 2 }, policy)).toMatchObject({ penaltiesFen: 0, bonusFen: 30000 });
    const charged = monthMoney({ ...clean, correctionCount: 2 }, { ...policy, correctionFen: 500 });
    expect(charged.penalties.correctionFen).toBe(1000);
    expect(charged.penaltiesFen).toBe(1000);
  });

  it('H-ATT-7: the full-attendance bonus needs no late arrival, no absence, no personal leave', () => {
    expect(monthMoney(clean, policy).bonusFen).toBe(30000);
    expect(monthMoney({ ...clean, personalLeaveDays: 0.5 }, policy).bonusFen).toBe(0);
    expect(monthMoney({ ...clean, lateCount: 1 }, policy).bonusFen).toBe(0);
    expect(monthMoney({ ...clean, absenceDays: 0.5 }, policy).bonusFen).toBe(0);
    expect(monthMoney({ ...clean, pendingDays: 1 }, policy).bonusFen).toBe(0);
    expect(monthMoney({ ...clean, scheduledDays: 0 }, policy).bonusFen).toBe(0);
  });

  it('H-ATT-7: all zero by default', () => {
    const zero = { ...policy, lateFen: 0, seriousLateFen: 0, absenceDayFen: 0, missingPunchFen: 0, fullAttendanceBonusFen: 0 };
    expect(monthMoney({ ...clean, lateCount: 5, absenceDays: 3 }, zero)).toMatchObject({ penaltiesFen: 0, bonusFen: 0 });
  });

  it('money is always a whole number of fen (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 31 }), fc.integer({ min: 0, max: 62 }), fc.integer({ min: 0, max: 100_000_000 }), (late, halfDays, fen) => {
        const money = monthMoney({ ...clean, lateCount: late, absenceDays: halfDays / 2 }, { ...policy, lateFen: fen, absenceDayFen: fen });
        return Number.isInteger(money.penaltiesFen) && Number.isInteger(money.penalties.absenceFen);
      }),
      { numRuns: 1000 },
    );
  });

  it('H-ATT-1: grid codes', () => {
    const day = (status: string, extra: Partial<{ onDuty: boolean; earlyLeave: boolean; leaveCode: string | null }> = {}) =>
      gridCode({ status, onDuty: false, earlyLeave: false, leaveCode: null, ...extra });
    expect([day('present'), day('present', { onDuty: true }), day('late'), day('absent'), day('absent', { earlyLeave: true }), day('leave', { leaveCode: '事' }), day('exempt'), day('holiday'), day('rest'), day('pending'), day('not_employed')]).toEqual(
      ['√', '值', '迟', '旷', '早', '事', '差', '休', '休', '待', ''],
    );
  });

  it('canonical JSON sorts keys at every level and is stable', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 'é' }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":"é","z":1}]},"b":1}');
    fc.assert(fc.property(fc.jsonValue(), (value) => canonicalJson(JSON.parse(canonicalJson(value))) === canonicalJson(value)), { numRuns: 1000 });
  });

  it('劳动法第44条: overtime pay is the paid hours of each kind × the amount per hour, rounded half up once; lieu hours are not paid', () => {
    const rates = { overtimeWorkdayHourFen: 3001, overtimeRestDayHourFen: 4000, overtimeHolidayHourFen: 6000 };
    // 1.5 h × 30.01 = 45.015 → 45.02; rest day 8 h of which 4 h lieu: 4 h × 40.00; holiday 7 h × 60.00.
    expect(overtimePayFen({ workday: 90, restDay: 480, restDayLieu: 240, holiday: 420 }, rates)).toBe(4502 + 16000 + 42000);
    expect(overtimePayFen({ workday: 0, restDay: 240, restDayLieu: 240, holiday: 0 }, rates)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (workday, restDay, holiday) => {
        expect(overtimePayFen({ workday, restDay, restDayLieu: restDay, holiday }, { ...rates, overtimeRestDayHourFen: 999999 })).toBe(overtimePayFen({ workday, restDay: 0, restDayLieu: 0, holiday }, rates));
        expect(overtimePayFen({ workday, restDay, restDayLieu: 0, holiday }, { overtimeWorkdayHourFen: 0, overtimeRestDayHourFen: 0, overtimeHolidayHourFen: 0 })).toBe(0);
      }),
    );
  });

  it('the grid marks a day that credited overtime with 加 after the day code (and after 补); colours go by the base code', () => {
    expect(baseGridCode('√加')).toBe('√');
    expect(baseGridCode('√补加')).toBe('√');
    expect(baseGridCode('休加')).toBe('休');
    expect(baseGridCode('加')).toBe('加');
  });
});
