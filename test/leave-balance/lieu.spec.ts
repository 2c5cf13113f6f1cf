import { allocateLieu, checkLieuSpend, lieuExpiresOn, lieuMonth, type LieuLot, type LieuUse, minutesToHours } from '../../src/domain/leave-balance/lieu';
import { lieuCharges } from '../../src/domain/leave-balance/lieu-charges';
import { buildShiftDay } from '../../src/domain/attendance/schedule';
import { allowanceRuleProblems } from '../../src/domain/leave-balance/allowance';

/**
 * Time off in lieu (调休, issue 22; 劳动法 第44条（二）): grants consumed oldest first, each valid
 * from its earning date through its own expiry date, what is left when that passes expired (paid at 200%).
 */
const lot = (id: string, earnedOn: string, minutes: number, days = 90): LieuLot => ({ id, earnedOn, expiresOn: lieuExpiresOn(earnedOn, days), minutes });
const use = (id: string, date: string, minutes: number, state: LieuUse['state'] = 'taken'): LieuUse => ({ id, date, minutes, state });

describe('Time off in lieu: allocation (issue 22)', () => {
  it('a grant expires 90 days after the day it was earned, by its own earning date', () => {
    expect(lieuExpiresOn('2026-11-07', 90)).toBe('2027-02-05');
    expect(lieuExpiresOn('2026-12-05', 90)).toBe('2027-03-05');
    expect(lieuExpiresOn('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('consumes the oldest grant first', () => {
    const a = allocateLieu([lot('b', '2026-12-05', 480), lot('a', '2026-11-07', 240)], [use('r', '2027-01-25', 480)], '2027-01-26');
    expect(a.lots.map((state) => [state.lot.id, state.taken, state.remaining])).toEqual([['a', 240, 0], ['b', 240, 240]]);
    expect(a).toMatchObject({ granted: 720, taken: 480, reserved: 0, remaining: 240, expired: 0, unfunded: 0 });
  });

  it('expires what a grant has left once its own date has passed, whatever grants were earned later (frappe hrms #2247)', () => {
    const lots = [lot('a', '2026-11-07', 240), lot('b', '2026-12-05', 480)];
    const onExpiry = allocateLieu(lots, [], '2027-02-05');
    expect(onExpiry.lots.map((state) => state.expired)).toEqual([0, 0]);
    const after = allocateLieu(lots, [], '2027-02-06');
    expect(after.lots.map((state) => [state.remaining, state.expired])).toEqual([[0, 240], [480, 0]]);
    expect(after).toMatchObject({ remaining: 480, expired: 240 });
  });

  it('funds leave only on dates within a grant\'s validity: not before it was earned, not after it expired', () => {
    const lots = [lot('a', '2026-11-07', 240)];
    expect(allocateLieu(lots, [use('before', '2026-11-06', 60)], '2026-11-01').unfunded).toBe(60);
    expect(allocateLieu(lots, [use('after', '2027-02-06', 60)], '2026-11-01').unfunded).toBe(60);
    expect(allocateLieu(lots, [use('last', '2027-02-05', 60)], '2026-11-01').unfunded).toBe(0);
  });

  it('funds approved leave before a pending request of the same date, and counts the pending one as reserved', () => {
    const a = allocateLieu([lot('a', '2026-11-07', 300)], [use('p', '2026-12-01', 210, 'reserved'), use('t', '2026-12-01', 270)], '2026-11-10');
    expect(a).toMatchObject({ taken: 270, reserved: 30, unfunded: 180, remaining: 0 });
  });

  it('refuses a spend beyond what is valid on its dates, saying how much of it could be funded', () => {
    const lots = [lot('a', '2026-11-07', 240)];
    expect(checkLieuSpend(lots, [], [use('n', '2027-02-04', 210, 'reserved')], '2027-01-20')).toEqual({ ok: true });
    expect(checkLieuSpend(lots, [], [use('n', '2027-02-08', 210, 'reserved')], '2027-01-20')).toEqual({ ok: false, available: 0, requested: 210 });
    expect(checkLieuSpend(lots, [use('t', '2027-01-04', 180)], [use('n', '2027-01-05', 210, 'reserved')], '2027-01-01')).toEqual({ ok: false, available: 60, requested: 210 });
  });

  it('does not blame a new spend for minutes already unfunded (a day recomputed with fewer hours)', () => {
    const lots = [lot('a', '2026-11-07', 60), lot('b', '2026-12-05', 480)];
    const uses = [use('old', '2026-11-10', 120)];
    expect(checkLieuSpend(lots, uses, [use('n', '2026-12-07', 480, 'reserved')], '2026-12-01')).toEqual({ ok: true });
    expect(checkLieuSpend(lots, uses, [use('n', '2026-12-07', 481, 'reserved')], '2026-12-01')).toEqual({ ok: false, available: 480, requested: 481 });
  });

  it('a month\'s figures: earned in it, taken in it, left after it, expired in it (pending requests left out)', () => {
    const lots = [lot('a', '2026-11-07', 240), lot('b', '2026-12-05', 480)];
    const uses = [use('r', '2027-01-25', 420), use('p', '2027-01-27', 60, 'reserved')];
    expect(lieuMonth(lots, uses, '2026-11-01', '2026-11-30')).toEqual({ earned: 240, taken: 0, remaining: 240, expired: 0 });
    expect(lieuMonth(lots, uses, '2027-01-01', '2027-01-31')).toEqual({ earned: 0, taken: 420, remaining: 300, expired: 0 });
    expect(lieuMonth(lots, uses, '2027-02-01', '2027-02-28')).toEqual({ earned: 0, taken: 0, remaining: 300, expired: 0 });
    expect(lieuMonth(lots, uses, '2027-03-01', '2027-03-31')).toEqual({ earned: 0, taken: 0, remaining: 0, expired: 300 });
  });

  it('reads minutes as hours with two decimals', () => {
    expect([210, 270, 480, 20, -90].map(minutesToHours)).toEqual([3.5, 4.5, 8, 0.33, -1.5]);
  });
});

describe('Time off in lieu: what a request takes (issue 22, H-ATT-10)', () => {
  const office = (date: string) => buildShiftDay(date, { code: 'office', sessions: [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }] }, 'Asia/Shanghai');
  const duty = (date: string) => buildShiftDay(date, { code: 'duty', sessions: [{ start: '16:00', end: '24:00' }] }, 'Asia/Shanghai');
  const span = (startDate: string, startHalf: 'am' | 'pm' | null, endDate: string, endHalf: 'am' | 'pm' | null) => ({ startDate, startHalf, endDate, endHalf });

  it('the office sessions: 210 minutes the morning, 270 the afternoon, 480 a whole day; rest days take nothing', () => {
    const shiftOn = (date: string) => (date === '2027-01-23' ? null : office(date));
    expect(lieuCharges(span('2027-01-25', 'am', '2027-01-25', 'am'), ['2027-01-25'], shiftOn)).toEqual([{ date: '2027-01-25', minutes: 210 }]);
    expect(lieuCharges(span('2027-01-25', 'pm', '2027-01-25', null), ['2027-01-25'], shiftOn)).toEqual([{ date: '2027-01-25', minutes: 270 }]);
    expect(lieuCharges(span('2027-01-22', 'pm', '2027-01-25', 'am'), ['2027-01-22', '2027-01-23', '2027-01-24', '2027-01-25'], (date) => (date.endsWith('23') || date.endsWith('24') ? null : office(date)))).toEqual([
      { date: '2027-01-22', minutes: 270 },
      { date: '2027-01-25', minutes: 210 },
    ]);
  });

  it('the duty shift (one session from 16:00) is taken by afternoon leave, whole, and not by morning leave', () => {
    expect(lieuCharges(span('2027-01-25', 'pm', '2027-01-25', null), ['2027-01-25'], duty)).toEqual([{ date: '2027-01-25', minutes: 480 }]);
    expect(lieuCharges(span('2027-01-25', 'am', '2027-01-25', 'am'), ['2027-01-25'], duty)).toEqual([]);
  });
});

describe('The lieu allowance rule (issue 22)', () => {
  it('needs expiresAfterDays from 1 to 3650 and no days; the other kinds refuse expiresAfterDays', () => {
    expect(allowanceRuleProblems({ kind: 'lieu', days: null, allowNegative: false, expiresAfterDays: 90 })).toEqual([]);
    expect(allowanceRuleProblems({ kind: 'lieu', days: null, allowNegative: false, expiresAfterDays: null })).toEqual([expect.objectContaining({ field: 'expiresAfterDays' })]);
    expect(allowanceRuleProblems({ kind: 'lieu', days: 3, allowNegative: false, expiresAfterDays: 0 }).map((p) => p.field)).toEqual(['days', 'expiresAfterDays']);
    expect(allowanceRuleProblems({ kind: 'per_year', days: 3, allowNegative: false, expiresAfterDays: 90 })).toEqual([expect.objectContaining({ field: 'expiresAfterDays' })]);
  });
});
