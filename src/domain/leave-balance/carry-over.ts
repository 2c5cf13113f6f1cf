import type { ErrorDetail } from '../errors/domain-error';
import { balanceOf } from './balance';
import { isCalendarDate } from './calendar-days';
import type { LedgerEntry } from './ledger-entry';

/**
 * What happens to a year's unused days (a company setting, issue 16). By default they lapse at the
 * end of the year and are reported as untaken (finance pays untaken statutory days at 300%,
 * 条例 第五条). The company may instead carry up to `maxDays` into the next year, where they
 * expire on `expiresOn` (MM-DD) — within that year, as the law lets leave wait one year at most
 * (条例 第五条, 实施办法 第九条).
 */
export type CarryOverSetting = { kind: 'lapse' } | { kind: 'carry'; maxDays: number; expiresOn: string };

export const DEFAULT_CARRY_OVER: CarryOverSetting = { kind: 'lapse' };

/** Why a setting cannot be stored, one detail per field; empty when it can. */
export function carryOverSettingProblems(setting: CarryOverSetting): ErrorDetail[] {
  if (setting.kind === 'lapse') return [];
  const problems: ErrorDetail[] = [];
  if (!(Number.isFinite(setting.maxDays) && setting.maxDays > 0 && setting.maxDays <= 365 && Number.isInteger(setting.maxDays * 2))) {
    problems.push({ field: 'maxDays', message: 'maxDays must be more than 0 and at most 365, in half days' });
  }
  // Checked against a common year, so that 02-29 (missing three years in four) is refused.
  if (!/^\d{2}-\d{2}$/.test(setting.expiresOn) || !isCalendarDate(`2001-${setting.expiresOn}`)) {
    problems.push({ field: 'expiresOn', message: 'expiresOn must be a day of the year written MM-DD (not 02-29)' });
  }
  return problems;
}

/**
 * The expiry entry that brings the expired carried days to what is due on `today`, or null when
 * nothing is. Due once the expiry date has passed: the carried days that leave on or before it did
 * not use, less what has expired already. Written as a difference, so a sweep that missed days
 * catches up, running it twice writes nothing more, and leave filed afterwards for a day before
 * the expiry (H-ATT-11) gives back the carried days it used (an expiry with positive days).
 */
export function carriedExpiryDue(entries: readonly LedgerEntry[], today: string): LedgerEntry | null {
  const balance = balanceOf(entries);
  if (balance.carriedExpiresOn === null || today <= balance.carriedExpiresOn) return null;
  const due = balance.carriedUnused - balance.expired;
  return due === 0 ? null : { kind: 'expiry', of: 'carried', days: -due, date: balance.carriedExpiresOn };
}

export interface YearEnd {
  /** Entries for the closing year: the carried days' expiry (on its date), then those dated 31 December. */
  closing: LedgerEntry[];
  /** Entries for the next year: the days carried into it, dated 1 January. */
  opening: LedgerEntry[];
  /** The year's totals once these are written: days carried on, unused days lapsed (reported as untaken). */
  carriedOut: number;
  lapsed: number;
}

/**
 * Closes a year's ledger: the carried days still unexpired expire, then the year's unused days
 * are carried on up to the setting's limit and the rest lapse. Like the expiry, the entries are
 * the difference between what is due and what earlier runs wrote, so the close can run again after
 * a late entry (a request released after the year ended) and stays exact. `setting` is the one in
 * force on 31 December of the year; settings are effective-dated, so every run reads the same one.
 * A year that ends below zero (a type that may go negative) carries nothing and lapses nothing: the
 * deficit stays in that year for the office to settle.
 */
export function closeYear(entries: readonly LedgerEntry[], year: number, setting: CarryOverSetting): YearEnd {
  const yearEnd = `${year}-12-31`;
  const nextYearStart = `${year + 1}-01-01`;
  const expiry = carriedExpiryDue(entries, nextYearStart);
  const balance = balanceOf(expiry ? [...entries, expiry] : entries);
  // The year's own days left over, as if no earlier close had carried or lapsed any.
  const unused = Math.max(0, balance.available + balance.carriedOut + balance.lapsed);
  const carriedOut = setting.kind === 'carry' ? Math.min(unused, setting.maxDays) : 0;
  const lapsed = unused - carriedOut;
  const carryNow = carriedOut - balance.carriedOut;
  const lapseNow = lapsed - balance.lapsed;
  if (carryNow !== 0 && setting.kind === 'lapse') {
    throw new RangeError(`closeYear ${year}: days were carried into ${year + 1} under a setting that no longer carries; close with the setting in force on ${yearEnd}`);
  }
  const closing: LedgerEntry[] = [
    ...(expiry ? [expiry] : []),
    ...(carryNow !== 0 ? [{ kind: 'carry_over' as const, direction: 'out' as const, days: -carryNow, date: yearEnd }] : []),
    ...(lapseNow !== 0 ? [{ kind: 'expiry' as const, of: 'unused' as const, days: -lapseNow, date: yearEnd }] : []),
  ];
  const opening: LedgerEntry[] =
    carryNow !== 0 && setting.kind === 'carry'
      ? [{ kind: 'carry_over', direction: 'in', days: carryNow, date: nextYearStart, expiresOn: `${year + 1}-${setting.expiresOn}` }]
      : [];
  return { closing, opening, carriedOut, lapsed };
}
