import type { ErrorDetail } from '../errors/domain-error';
import type { CarryOverSetting } from './carry-over';
import { DEFAULT_CARRY_OVER } from './carry-over';

/**
 * How much of a leave type a person has (issue 16), a setting of the type that applies from a date:
 *   none            unlimited, no balance kept (事假 personal leave)
 *   per_year        `days` each calendar year
 *   per_occurrence  at most `days` per request (婚假 marriage leave); checked per request, no balance kept
 *   statutory       statutory paid annual leave (./annual-leave.ts)
 *   lieu            time off in lieu (调休, issue 22): grants of rest-day overtime minutes, each
 *                   expiring `expiresAfterDays` after its earning date (./lieu.ts); no yearly ledger
 * `allowNegative`: a request may take the balance (or the occurrence's days) below zero.
 */
export const ALLOWANCE_KINDS = ['none', 'per_year', 'per_occurrence', 'statutory', 'lieu'] as const;
export type AllowanceKind = (typeof ALLOWANCE_KINDS)[number];

export interface AllowanceRule {
  effectiveFrom: string;
  kind: AllowanceKind;
  days: number | null;
  allowNegative: boolean;
  /** A lieu rule only: the days a grant may be used after the day it was earned. */
  expiresAfterDays: number | null;
}

/** Issue 22: a grant of time off in lieu expires 90 days after it was earned unless the office says otherwise. */
export const DEFAULT_LIEU_EXPIRY_DAYS = 90;

/** A type without a rule keeps no balance. */
export const NO_ALLOWANCE: AllowanceRule = { effectiveFrom: '1970-01-01', kind: 'none', days: null, allowNegative: true, expiresAfterDays: null };

/** Kinds whose balance is a ledger per calendar year. */
export const keepsYearBalance = (rule: AllowanceRule): boolean => rule.kind === 'per_year' || rule.kind === 'statutory';

/**
 * The version in force on `date`: the latest that started on or before it. Unlike the attendance
 * settings (../settings.ts), nothing is in force before the first version: a balance is not kept
 * for years before its rule began.
 */
export function inForceOn<V extends { effectiveFrom: string }>(versions: readonly V[], date: string): V | null {
  let found: V | null = null;
  for (const version of versions) if (version.effectiveFrom <= date && (found === null || version.effectiveFrom > found.effectiveFrom)) found = version;
  return found;
}

export const ruleOn = (versions: readonly AllowanceRule[], date: string): AllowanceRule => inForceOn(versions, date) ?? NO_ALLOWANCE;

/** Why a rule cannot be stored, one detail per field; empty when it can. */
export function allowanceRuleProblems(rule: Omit<AllowanceRule, 'effectiveFrom'>): ErrorDetail[] {
  if (rule.kind === 'lieu') {
    const expiry = rule.expiresAfterDays;
    const problems: ErrorDetail[] = [];
    if (rule.days !== null) problems.push({ field: 'days', message: 'days must be left out for a lieu rule' });
    if (expiry === null || !Number.isInteger(expiry) || expiry < 1 || expiry > 3650) problems.push({ field: 'expiresAfterDays', message: 'expiresAfterDays must be a whole number of days from 1 to 3650' });
    return problems;
  }
  if (rule.expiresAfterDays !== null) return [{ field: 'expiresAfterDays', message: `expiresAfterDays must be left out for a ${rule.kind} rule` }];
  const fixed = rule.kind === 'per_year' || rule.kind === 'per_occurrence';
  if (!fixed) return rule.days === null ? [] : [{ field: 'days', message: `days must be left out for a ${rule.kind} rule` }];
  const ok = rule.days !== null && Number.isFinite(rule.days) && rule.days > 0 && rule.days <= 365 && Number.isInteger(rule.days * 2);
  return ok ? [] : [{ field: 'days', message: 'days must be more than 0 and at most 365, in half days' }];
}

/** A version of the company's carry-over setting. */
export interface CarryOverVersion {
  effectiveFrom: string;
  setting: CarryOverSetting;
}

/** The setting that closes `year`: the one in force on its 31 December (./carry-over.ts closeYear). */
export const carryOverClosing = (versions: readonly CarryOverVersion[], year: number): CarryOverSetting =>
  inForceOn(versions, `${year}-12-31`)?.setting ?? DEFAULT_CARRY_OVER;
