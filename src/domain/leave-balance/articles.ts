/**
 * The law that statutory paid annual leave (带薪年休假) implements, cited by every step of an
 * entitlement's explanation (issue 16):
 *   条例      《职工带薪年休假条例》, 国务院令第514号, in force 2008-01-01
 *   实施办法  《企业职工带薪年休假实施办法》, 人力资源和社会保障部令第1号, in force 2008-09-18
 * "以上" in both includes the number itself (《民法典》第一千二百五十九条): 20 days "以上" is ≥ 20.
 */
export type Article =
  | '条例 第二条'
  | '条例 第三条'
  | '条例 第四条'
  | '条例 第五条'
  | '实施办法 第三条'
  | '实施办法 第四条'
  | '实施办法 第五条'
  | '实施办法 第八条'
  | '实施办法 第十条'
  | '实施办法 第十二条';

/**
 * Where the law leaves a case open, the product decides; each decision has an id, cited by the
 * steps that apply it, so that the explanation, the code and the test that proves it can be found
 * together (`grep AL-D1`).
 *
 * AL-D1 Crossing the 10- or 20-year line during the year. Neither the 条例 nor the 实施办法 says
 *   which band governs that year (人社厅函〔2009〕149号 defines 累计工作时间 and 连续工作, not
 *   this). Decision: split the year at the anniversary and prorate each part with the method of
 *   实施办法 第五条/第十二条 (calendar days ÷ 365 × that part's full-year days), add the parts and
 *   drop the fraction once, at the end ("分段折算", how HR practice commonly settles it; no
 *   national text was found that prescribes it, so the company may want its counsel to confirm).
 *   It lies between the two other readings (the band at the start of the year,
 *   the band at its end) and gives each day the band the person had on it.
 * AL-D2 Becoming eligible (12 continuous months, 实施办法 第三条) during the year. Decision: the
 *   calendar days of the year from the eligibility date on ÷ 365 × the full-year days, fraction
 *   dropped — 实施办法 第五条 applied from the day the person meets 第三条, the position of a
 *   newcomer who is already eligible when hired.
 * AL-D3 When a year of service is complete. Service counts from the first day of work, so year n
 *   is complete at the end of the day before the n-th anniversary, and the anniversary is the
 *   first day with n years. An anniversary of 29 February in a common year is 1 March (the period
 *   ends on the last day of February, as 《民法典》第二百零二条 has it for a missing day).
 * AL-D4 Counting days. "剩余日历天数" runs from the hire (or eligibility) date to 31 December, both
 *   included; "已过日历天数" from 1 January (or the hire date) to the leaving date, both included
 *   (leftOn is the last day employed, as everywhere in Kaoqin). The divisor is 365 even in a leap
 *   year, because the formula of 第五条/第十二条 says "÷365天"; a whole leap year in the company
 *   still yields the full-year days, since ⌊366 × d ÷ 365⌋ = d for every d ≤ 15.
 * AL-D5 Months of sick leave (条例 第四条). A month is 30 calendar days, and the caller counts the
 *   calendar days of sick leave with the rest days and holidays inside it, as sick-leave time is
 *   counted for the medical period (劳部发〔1995〕236号: 病休期间，公休、假日和法定节日包括在内).
 *   The threshold (2, 3 or 4 months) is that of the band the person reaches by the end of the
 *   year in the company: of the two bands of a crossing year, the one kinder to the employee.
 * AL-D6 The leaver's fraction (实施办法 第十二条). The whole expression, prorated days minus the
 *   days taken, is what "折算后不足1整天的部分不支付" rounds down, so half days taken are
 *   subtracted before the fraction is dropped.
 * AL-D7 "Had already taken" (实施办法 第八条). Any annual leave taken in the year before the
 *   exclusion arose counts; the caller, who sees the dates, says so.
 */
/** The divisor of 实施办法 第五条 and 第十二条, also in leap years (AL-D4). */
export const PRORATION_DIVISOR = 365;

/** Untaken statutory days are paid at 300% of the daily wage (条例 第五条, 实施办法 第十条). */
export const UNTAKEN_PAY_PERCENT = 300;
