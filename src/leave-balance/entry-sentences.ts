import type { Language } from '../domain/i18n/language';

/** A stored explanation step: its kind and the numbers it used (src/domain/leave-balance/annual-leave-steps.ts, grants-due.ts). */
type Step = Record<string, unknown> & { kind: string };

const LEAVE_NAMES = { personal_leave: ['事假', 'personal leave'], sick_leave: ['病假', 'sick leave'] } as const;
const REQUEST_EVENTS: Record<string, [string, string]> = {
  submitted: ['请假申请提交，预扣天数', 'request submitted: days held'],
  approved: ['请假申请批准，预扣转为已休', 'request approved: the held days are taken'],
  rejected: ['请假申请被驳回，退回预扣天数', 'request rejected: held days given back'],
  withdrawn: ['请假申请撤回，退回预扣天数', 'request withdrawn: held days given back'],
  cancelled: ['已批准的请假撤销，退回未休天数', 'approved leave cancelled: the untaken days given back'],
};

/** One step as a [Chinese, English] pair; the article and product decision lead, as a day's clause does. */
function sentence(step: Step): [string, string] {
  const s = (key: string) => String(step[key] ?? '');
  const leave = (key: string) => LEAVE_NAMES[s(key) as keyof typeof LEAVE_NAMES] ?? [s(key), s(key)];
  switch (step.kind) {
    case 'not_employed':
      return [`${s('year')} 年不在本单位工作`, `not in the company in ${s('year')}`];
    case 'service':
      return [`参加工作时间 ${s('workStartedOn')}，至 ${s('on')} 累计工作 ${s('serviceYears')} 年`, `work started ${s('workStartedOn')}: ${s('serviceYears')} year(s) of service by ${s('on')}`];
    case 'not_yet_eligible':
      return [`连续工作满 12 个月后才享受年休假，${s('eligibleFrom')} 起享受`, `annual leave only after 12 months of work: from ${s('eligibleFrom')}`];
    case 'eligible':
      return [`${s('eligibleFrom')} 起连续工作满 12 个月，享受年休假`, `12 months of work complete from ${s('eligibleFrom')}`];
    case 'band':
      return [`${s('from')} 至 ${s('to')}（${s('calendarDays')} 天）工作满 ${s('serviceYears')} 年，全年应休 ${s('fullYearDays')} 天`, `${s('from')} to ${s('to')} (${s('calendarDays')} days) at ${s('serviceYears')} year(s) of service: ${s('fullYearDays')} days a full year`];
    case 'full_year':
      return [`全年 ${s('days')} 天`, `${s('days')} days for the whole year`];
    case 'prorated':
      return [`${s('dayUnits')} ÷ ${s('divisor')} = ${s('exact')}，不足一天的部分不计，折算为 ${s('days')} 天`, `${s('dayUnits')} ÷ ${s('divisor')} = ${s('exact')}, fraction dropped: ${s('days')} days`];
    case 'excluded':
      return [`${leave('reason')[0]} ${s('days')} 天，达到 ${s('thresholdDays')} 天，当年不享受年休假`, `${s('days')} days of ${leave('reason')[1]} (${s('thresholdDays')} or more): no annual leave this year`];
    case 'excludes_next_year':
      return [`已休年休假后${leave('reason')[0]}累计 ${s('days')} 天，达到 ${s('thresholdDays')} 天：${s('nextYear')} 年不享受年休假`, `${s('days')} days of ${leave('reason')[1]} after annual leave was taken: none in ${s('nextYear')}`];
    case 'excluded_by_previous_year':
      return [`${s('previousYear')} 年休假后又出现不享受年休假的情形，本年度不享受`, `an exclusion arose in ${s('previousYear')} after leave was taken: none this year`];
    case 'leaving':
      return [
        `${s('leftOn')} 离职：${s('dayUnits')} ÷ 365 − 已休 ${s('takenDays')} 天，不足一天的部分不计，未休 ${s('untakenDays')} 天${step.takenBeyondShare ? '；多休的天数不扣回' : ''}`,
        `left on ${s('leftOn')}: ${s('dayUnits')} ÷ 365 − ${s('takenDays')} taken, fraction dropped: ${s('untakenDays')} untaken day(s)${step.takenBeyondShare ? '; days taken beyond the share are not clawed back' : ''}`,
      ];
    case 'untaken_pay':
      return [`未休的 ${s('untakenDays')} 天按日工资收入的 ${s('payPercent')}% 支付`, `${s('untakenDays')} untaken day(s) paid at ${s('payPercent')}% of the daily wage`];
    case 'fixed_per_year':
      return [`每年 ${s('days')} 天（${s('ruleFrom')} 起的规则）`, `${s('days')} days a year (rule from ${s('ruleFrom')})`];
    case 'request':
      return REQUEST_EVENTS[s('event')] ?? [s('event'), s('event')];
    case 'carried_expiry':
      return ['上年结转的天数到期未休，作废', 'days carried from last year expired unused'];
    case 'year_end':
      return [`${s('year')} 年结算：结转 ${s('carriedOut')} 天，作废（按未休统计）${s('lapsed')} 天`, `${s('year')} closed: ${s('carriedOut')} day(s) carried on, ${s('lapsed')} lapsed (reported as untaken)`];
    case 'office':
      return ['办公室调整', 'adjusted by the office'];
    default:
      return [step.kind, step.kind];
  }
}

/** The explanation of a ledger entry in the reader's language, each sentence led by its article and decision. */
export function explainEntry(steps: readonly Step[], language: Language): string[] {
  return steps.map((step) => {
    const [zh, en] = sentence(step);
    const source = [step.article, step.decision].filter((part) => typeof part === 'string').join(' · ');
    const text = language === 'en' ? en : zh;
    return source ? `${source}${language === 'en' ? ': ' : '：'}${text}` : text;
  });
}
