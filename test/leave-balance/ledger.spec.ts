import { balanceOf } from '../../src/domain/leave-balance/balance';
import { carriedExpiryDue, carryOverSettingProblems, closeYear, DEFAULT_CARRY_OVER } from '../../src/domain/leave-balance/carry-over';
import { ledgerEntryProblem, type LedgerEntry } from '../../src/domain/leave-balance/ledger-entry';
import { checkSpend } from '../../src/domain/leave-balance/spend';

/** The leave ledger (issue 16): worked examples of a year, its close, the carried days and their expiry. */
const grant = (days: number, date: string): LedgerEntry => ({ kind: 'grant', days, date });
const approved = (days: number, date: string): LedgerEntry[] => [
  { kind: 'reservation', days: -days, date },
  { kind: 'release', of: 'reservation', days, date },
  { kind: 'consumption', days: -days, date },
];
const CARRY_TWO_UNTIL_MARCH = { kind: 'carry', maxDays: 2, expiresOn: '03-31' } as const;

describe('The leave ledger: a year read from its entries', () => {
  it('a request reserves, approval consumes, cancellation after the start gives back the untaken days', () => {
    const entries: LedgerEntry[] = [
      grant(10, '2026-01-01'),
      ...approved(3, '2026-05-11'),
      { kind: 'release', of: 'consumption', days: 1, date: '2026-05-11' }, // cancelled on its third day: 1 untaken
      { kind: 'reservation', days: -1.5, date: '2026-08-03' }, // pending
      { kind: 'adjustment', days: -0.5, date: '2026-06-01', reason: 'half day recorded twice in the old sheet' },
    ];
    expect(balanceOf(entries)).toEqual({
      entitled: 10, adjusted: -0.5, carried: 0, carriedOut: 0, taken: 2, reserved: 1.5, expired: 0, lapsed: 0,
      available: 6, carriedUnused: 0, carriedExpiresOn: null, expiring: null,
    });
  });

  it('each kind keeps its sign, days come in halves, adjustments give a reason', () => {
    expect(ledgerEntryProblem({ kind: 'grant', days: -5, date: '2026-01-01' })?.field).toBe('days');
    expect(ledgerEntryProblem({ kind: 'reservation', days: 1, date: '2026-01-01' })?.field).toBe('days');
    expect(ledgerEntryProblem({ kind: 'consumption', days: -0.3, date: '2026-01-01' })?.field).toBe('days');
    expect(ledgerEntryProblem({ kind: 'release', of: 'reservation', days: 0, date: '2026-01-01' })?.field).toBe('days');
    expect(ledgerEntryProblem({ kind: 'adjustment', days: 2, date: '2026-01-01', reason: ' ' })?.field).toBe('reason');
    expect(ledgerEntryProblem({ kind: 'grant', days: 5, date: '2026-02-30' })?.field).toBe('date');
    expect(ledgerEntryProblem({ kind: 'expiry', of: 'carried', days: 1, date: '2026-03-31' })).toBeNull(); // a correction
  });

  it('条例 第五条: carried days wait one year at most — they expire within the year they were carried into', () => {
    expect(ledgerEntryProblem({ kind: 'carry_over', direction: 'in', days: 2, date: '2027-01-01', expiresOn: '2028-01-31' })?.field).toBe('expiresOn');
    expect(ledgerEntryProblem({ kind: 'carry_over', direction: 'in', days: 2, date: '2027-01-01', expiresOn: '2027-12-31' })).toBeNull();
  });

  it('refuses to read a balance from a ledger that releases more than it reserved', () => {
    expect(() => balanceOf([grant(5, '2026-01-01'), { kind: 'release', of: 'reservation', days: 1, date: '2026-03-02' }])).toThrow('more days released than reserved');
  });
});

describe('The leave ledger: spending (LEAVE_BALANCE_INSUFFICIENT)', () => {
  const balance = balanceOf([grant(5, '2026-01-01'), ...approved(3.5, '2026-04-01')]);

  it('allows what is available, refuses more and says how many days are available', () => {
    expect(checkSpend(balance, 1.5, false)).toEqual({ ok: true });
    expect(checkSpend(balance, 2, false)).toEqual({ ok: false, available: 1.5, shortfall: 0.5 });
  });

  it('a type that may go below zero is never refused', () => {
    expect(checkSpend(balance, 20, true)).toEqual({ ok: true });
  });
});

describe('The leave ledger: year end, carry-over and expiry (条例 第五条)', () => {
  const year2026 = [grant(5, '2026-01-01'), ...approved(2, '2026-05-11')];

  it('by default the unused days lapse at the end of the year and are reported as untaken', () => {
    const close = closeYear(year2026, 2026, DEFAULT_CARRY_OVER);
    expect(close).toEqual({ closing: [{ kind: 'expiry', of: 'unused', days: -3, date: '2026-12-31' }], opening: [], carriedOut: 0, lapsed: 3 });
    expect(balanceOf([...year2026, ...close.closing])).toMatchObject({ available: 0, lapsed: 3 });
  });

  it('carries up to N days into the next year, expiring on the set date; the rest lapses', () => {
    // 3 unused days, 2 may be carried: 2 go to 2027 until 31 March, 1 lapses.
    const close = closeYear(year2026, 2026, CARRY_TWO_UNTIL_MARCH);
    expect(close.closing).toEqual([
      { kind: 'carry_over', direction: 'out', days: -2, date: '2026-12-31' },
      { kind: 'expiry', of: 'unused', days: -1, date: '2026-12-31' },
    ]);
    expect(close.opening).toEqual([{ kind: 'carry_over', direction: 'in', days: 2, date: '2027-01-01', expiresOn: '2027-03-31' }]);
    expect(closeYear([...year2026, ...close.closing], 2026, CARRY_TWO_UNTIL_MARCH)).toEqual({ closing: [], opening: [], carriedOut: 2, lapsed: 1 });
  });

  it('carried days pay for leave before their date first; what is left expires after it, once', () => {
    const year2027 = [{ kind: 'carry_over', direction: 'in', days: 2, date: '2027-01-01', expiresOn: '2027-03-31' } as LedgerEntry, grant(5, '2027-01-01'), ...approved(1, '2027-02-10')];
    expect(balanceOf(year2027)).toMatchObject({ carried: 2, taken: 1, available: 6, carriedUnused: 1, expiring: { days: 1, on: '2027-03-31' } });
    expect(carriedExpiryDue(year2027, '2027-03-31')).toBeNull();
    const expiry = carriedExpiryDue(year2027, '2027-04-01');
    expect(expiry).toEqual({ kind: 'expiry', of: 'carried', days: -1, date: '2027-03-31' });
    const after = [...year2027, expiry!];
    expect(balanceOf(after)).toMatchObject({ available: 5, expired: 1, expiring: null });
    expect(carriedExpiryDue(after, '2027-06-30')).toBeNull();
  });

  it('leave after the expiry date cannot use carried days, leave before it can', () => {
    const year2027 = [{ kind: 'carry_over', direction: 'in', days: 2, date: '2027-01-01', expiresOn: '2027-03-31' } as LedgerEntry, grant(5, '2027-01-01')];
    const balance = balanceOf(year2027);
    expect(checkSpend(balance, 7, false, 0)).toEqual({ ok: true });
    expect(checkSpend(balance, 7, false, 7)).toEqual({ ok: false, available: 5, shortfall: 2 });
    // 3 days from 30 March: 2 before the expiry (carried), 1 after (own).
    expect(checkSpend(balance, 7, false, 5)).toEqual({ ok: true });
  });

  it('H-ATT-11: emergency leave filed after the expiry for a day before it gets its carried day back', () => {
    const expired = [
      { kind: 'carry_over', direction: 'in', days: 2, date: '2027-01-01', expiresOn: '2027-03-31' } as LedgerEntry,
      grant(5, '2027-01-01'),
      { kind: 'expiry', of: 'carried', days: -2, date: '2027-03-31' } as LedgerEntry,
    ];
    expect(checkSpend(balanceOf(expired), 7, false, 0)).toEqual({ ok: true });
    const filed = [...expired, { kind: 'reservation', days: -1, date: '2027-03-30' } as LedgerEntry];
    expect(carriedExpiryDue(filed, '2027-04-02')).toEqual({ kind: 'expiry', of: 'carried', days: 1, date: '2027-03-31' });
  });

  it('closing again after a late release lapses the released days too', () => {
    const pending = [grant(5, '2026-01-01'), { kind: 'reservation', days: -2, date: '2026-12-28' } as LedgerEntry];
    const first = closeYear(pending, 2026, DEFAULT_CARRY_OVER);
    expect(first.lapsed).toBe(3);
    const released = [...pending, ...first.closing, { kind: 'release', of: 'reservation', days: 2, date: '2026-12-28' } as LedgerEntry];
    expect(closeYear(released, 2026, DEFAULT_CARRY_OVER)).toEqual({ closing: [{ kind: 'expiry', of: 'unused', days: -2, date: '2026-12-31' }], opening: [], carriedOut: 0, lapsed: 5 });
  });

  it('checks the company setting', () => {
    expect(carryOverSettingProblems(DEFAULT_CARRY_OVER)).toEqual([]);
    expect(carryOverSettingProblems(CARRY_TWO_UNTIL_MARCH)).toEqual([]);
    expect(carryOverSettingProblems({ kind: 'carry', maxDays: 0, expiresOn: '02-29' }).map((problem) => problem.field)).toEqual(['maxDays', 'expiresOn']);
  });
});
