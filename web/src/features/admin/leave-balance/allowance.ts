import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../api/client';
import type { Translate } from '../../../i18n';

export type AllowanceRule = Schemas['AllowanceRuleDto'];
export type AllowanceKind = Schemas['PutAllowanceRuleDto']['kind'];
export const ALLOWANCE_KINDS: readonly AllowanceKind[] = ['none', 'per_year', 'per_occurrence', 'statutory'];
/** The kinds a type may be given: 调休 (code lieu) keeps the lieu kind alone, and no other type may (issue 22). */
export const kindsFor = (code: string): readonly AllowanceKind[] => (code === 'lieu' ? ['lieu'] : ALLOWANCE_KINDS);

/** The allowance rules of every leave type and the company carry-over (GET /leave-balances/settings). */
export function useBalanceSettings() {
  return useQuery({ queryKey: ['leave-balance-settings'], queryFn: () => unwrap(api.GET('/leave-balances/settings')) });
}

/** Days as the service counts them (half days), without a trailing .0. */
const days = (n: number): string => String(Math.round(n * 10) / 10);

/** A rule as the office reads it: "每年 5 天，不可透支"; no rule at all reads as "none". */
export function ruleText(t: Translate, rule: AllowanceRule | null): string {
  if (!rule || rule.kind === 'none') return t('admin.allowance.kind.none');
  if (rule.kind === 'lieu') return `${t('admin.allowance.lieuDays', { days: rule.expiresAfterDays ?? 0 })}${t(rule.allowNegative ? 'admin.allowance.mayGoNegative' : 'admin.allowance.notBelowZero')}`;
  const what = rule.kind === 'statutory' ? t('admin.allowance.kind.statutory') : t(rule.kind === 'per_year' ? 'admin.allowance.perYearDays' : 'admin.allowance.perOccurrenceDays', { days: days(rule.days ?? 0) });
  return `${what}${t(rule.allowNegative ? 'admin.allowance.mayGoNegative' : 'admin.allowance.notBelowZero')}`;
}
