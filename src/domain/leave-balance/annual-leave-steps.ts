import type { Article } from './articles';

/** An article the law has (./articles.ts): a miswritten citation does not compile. */
type Cite<A extends Article> = A;

/**
 * Why a person has the annual leave they have, as data: each step names the article it applies
 * (and the product decision, where the law leaves the case open) with the numbers it used. The
 * API stores these with the grant and renders them in the reader's language, like the facts of a
 * day (src/domain/attendance/facts.ts); a step never holds a sentence.
 */
export type AnnualLeaveStep =
  /** Not in this company on any day of the year. */
  | { kind: 'not_employed'; article: Cite<'条例 第二条'>; year: number; hiredOn: string; leftOn: string | null }
  /** The service the entitlement reads, counted from 参加工作时间 to the last counted day. */
  | { kind: 'service'; article: Cite<'实施办法 第四条'>; decision: 'AL-D3'; workStartedOn: string; on: string; serviceYears: number }
  | { kind: 'not_yet_eligible'; article: Cite<'实施办法 第三条'>; eligibleFrom: string }
  /** `decision` is AL-D2 when eligibility begins after the first day in the company that year. */
  | { kind: 'eligible'; article: Cite<'实施办法 第三条'>; eligibleFrom: string; decision?: 'AL-D2' }
  /** A stretch of the counted days with one full-year entitlement; AL-D1 when the year has two. */
  | { kind: 'band'; article: Cite<'条例 第三条'>; from: string; to: string; serviceYears: number; fullYearDays: number; calendarDays: number; decision?: 'AL-D1' }
  | { kind: 'full_year'; article: Cite<'条例 第三条'>; days: number }
  /** Σ calendarDays × fullYearDays (the bands) ÷ 365, fraction dropped. `exact` is rounded to 2 places for reading. */
  | { kind: 'prorated'; article: Cite<'实施办法 第五条' | '实施办法 第十二条'>; decision: 'AL-D4'; dayUnits: number; divisor: number; exact: number; days: number }
  /** The exclusion took the year's leave (it arose before any leave was taken). */
  | { kind: 'excluded'; article: Cite<'条例 第四条'>; reason: 'personal_leave' | 'sick_leave'; days: number; thresholdDays: number; decision?: 'AL-D5' }
  /** The exclusion arose after leave was taken: the year keeps it, the next year has none. */
  | { kind: 'excludes_next_year'; article: Cite<'实施办法 第八条'>; decision: 'AL-D7'; reason: 'personal_leave' | 'sick_leave'; days: number; thresholdDays: number; nextYear: number }
  | { kind: 'excluded_by_previous_year'; article: Cite<'实施办法 第八条'>; previousYear: number }
  /** The leaver's untaken days: ⌊(dayUnits − takenDays × 365) ÷ 365⌋, never negative; days taken beyond the share stay taken. */
  | { kind: 'leaving'; article: Cite<'实施办法 第十二条'>; decision: 'AL-D6'; leftOn: string; dayUnits: number; takenDays: number; untakenDays: number; takenBeyondShare: boolean }
  | { kind: 'untaken_pay'; article: Cite<'实施办法 第十条'>; untakenDays: number; payPercent: number };

