import { DateTime } from 'luxon';
import type { Language } from '../i18n/language';
import type { DayFact, FactKind, FactOf, LocalClock, LocalSpan } from './facts';
import type { DayShare, LeavePart } from './types';

/**
 * Sentences for the facts of a day, in the reader's language: `H-ATT-6：无下班打卡记录，按早退处理，
 * 当日计旷工` or `H-ATT-6: no clock-out record — treated as early leave, counted as absence for the
 * day`. Pure: the same facts and language always give the same sentences. Chinese is written as an
 * office reads it (全角标点, 分钟, 次日), not word for word from the English.
 */

type Render<K extends FactKind> = (fact: FactOf<K>, day: string) => string;
type Sentences = { [K in FactKind]: Record<Language, Render<K>> };

/** A local time relative to the day explained. */
function clock(at: LocalClock, day: string, language: Language): string {
  if (at.date === day) return at.time;
  const next = DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: 1 }).toISODate();
  const previous = DateTime.fromISO(day, { zone: 'UTC' }).minus({ days: 1 }).toISODate();
  if (at.date === next) {
    if (at.time === '00:00') return '24:00';
    return language === 'en' ? `${at.time} next day` : `次日${at.time}`;
  }
  if (at.date === previous) return language === 'en' ? `${at.time} previous day` : `前一日${at.time}`;
  return `${at.date} ${at.time}`;
}

const span = (s: LocalSpan, day: string, language: Language) => `${clock(s.start, day, language)}–${clock(s.end, day, language)}`;

const SHIFT_ZH: Record<string, string> = { office: '行政班', duty: '值班' };
const shiftZh = (code: string) => SHIFT_ZH[code] ?? `${code} 班次`;

const PART_EN: Record<LeavePart, string> = { full: 'whole day', am: 'morning', pm: 'afternoon' };
const PART_ZH: Record<LeavePart, string> = { full: '全天', am: '上午', pm: '下午' };

const shareEn = (share: DayShare) => (share === 1 ? 'the day' : 'the half day');
const absenceZh = (share: DayShare) => (share === 1 ? '当日计旷工' : '计旷工半天');

const holidayEn = (name: string | null) => (name ? `statutory holiday ${name}` : 'statutory holiday');
const holidayZh = (name: string | null) => (name ? `法定节假日（${name}）` : '法定节假日');

const IGNORED_EN = { not_employed: 'not employed', no_shift: 'no shift scheduled', no_work_expected: 'no work expected' } as const;
const IGNORED_ZH = { not_employed: '当日不在职', no_shift: '当日未排班', no_work_expected: '当日无需出勤' } as const;

/** Minutes as hours: `3 小时`, `1 小时 30 分钟`; `3 h`, `1 h 30 min`. */
function duration(minutes: number, language: Language): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const [h, m] = language === 'en' ? [' h', ' min'] : [' 小时', ' 分钟'];
  if (hours === 0) return `${rest}${m}`;
  return rest === 0 ? `${hours}${h}` : `${hours}${h} ${rest}${m}`;
}

const OVERTIME_EN = { workday: 'extended hours', rest_day: 'rest-day work', holiday: 'statutory holiday work' } as const;
const OVERTIME_ZH = { workday: '延长工作时间', rest_day: '休息日加班', holiday: '法定节假日加班' } as const;

function roundedEn(f: FactOf<'overtime_credited'>): string {
  return f.countedMinutes > f.minutes && f.unitMinutes > 1 ? ` (rounded down to ${f.unitMinutes} min units)` : '';
}

function roundedZh(f: FactOf<'overtime_credited'>): string {
  return f.countedMinutes > f.minutes && f.unitMinutes > 1 ? `（按 ${f.unitMinutes} 分钟为单位向下取整）` : '';
}

const SENTENCES: Sentences = {
  not_employed: {
    en: (f) => `not employed on ${f.date} — no attendance expected`,
    'zh-CN': (f) => `${f.date} 不在职，无需考勤`,
  },
  holiday_off: {
    en: (f) => `${holidayEn(f.holidayName)} — day off`,
    'zh-CN': (f) => `${holidayZh(f.holidayName)}，休息`,
  },
  rest_day: {
    en: () => 'no shift scheduled — rest day',
    'zh-CN': () => '未排班，休息日',
  },
  rostered_on_holiday: {
    en: (f) => `${holidayEn(f.holidayName)} — rostered, judged on the ${f.shiftCode} shift`,
    'zh-CN': (f) => `${holidayZh(f.holidayName)}排班，按${shiftZh(f.shiftCode)}考勤`,
  },
  rostered_on_rest_day: {
    en: (f) => `rest day — rostered, judged on the ${f.shiftCode} shift`,
    'zh-CN': (f) => `休息日排班，按${shiftZh(f.shiftCode)}考勤`,
  },
  makeup_workday: {
    en: (f) => `make-up workday — judged on the ${f.shiftCode} shift`,
    'zh-CN': (f) => `调休上班日，按${shiftZh(f.shiftCode)}考勤`,
  },
  shift: {
    en: (f, day) => `${f.shiftCode} shift ${f.sessions.map((s) => span(s, day, 'en')).join(', ')}`,
    'zh-CN': (f, day) => `${shiftZh(f.shiftCode)} ${f.sessions.map((s) => span(s, day, 'zh-CN')).join('、')}`,
  },
  punches_ignored: {
    en: (f, day) => `clock record${f.times.length === 1 ? '' : 's'} at ${f.times.map((t) => clock(t, day, 'en')).join(', ')} ignored — ${IGNORED_EN[f.because]}`,
    'zh-CN': (f, day) => `${f.times.map((t) => clock(t, day, 'zh-CN')).join('、')} 的打卡不计入：${IGNORED_ZH[f.because]}`,
  },
  leave: {
    en: (f) => `${f.leaveTypeName.en.toLowerCase()} (${PART_EN[f.part]})${f.coversSession ? '' : ` — covers no session of the ${f.shiftCode} shift`}`,
    'zh-CN': (f) => `${f.leaveTypeName.zh}（${PART_ZH[f.part]}）${f.coversSession ? '' : `，不涉及${shiftZh(f.shiftCode)}时段`}`,
  },
  business_trip: {
    en: (f, day) => {
      if (f.from && f.to) return `business trip ${clock(f.from, day, 'en')}–${clock(f.to, day, 'en')} approved`;
      if (f.from) return `business trip from ${clock(f.from, day, 'en')} approved`;
      if (f.to) return `business trip until ${clock(f.to, day, 'en')} approved`;
      return 'business trip approved for the whole day';
    },
    'zh-CN': (f, day) => {
      if (f.from && f.to) return `因公外出 ${clock(f.from, day, 'zh-CN')}–${clock(f.to, day, 'zh-CN')}，已批准`;
      if (f.from) return `因公外出，${clock(f.from, day, 'zh-CN')} 起，已批准`;
      if (f.to) return `因公外出，至 ${clock(f.to, day, 'zh-CN')}，已批准`;
      return '全天因公外出，已批准';
    },
  },
  pending: {
    en: (f, day) => `clock records open until ${clock(f.until, day, 'en')} — not judged yet`,
    'zh-CN': (f, day) => `打卡时段至 ${clock(f.until, day, 'zh-CN')} 结束，暂未判定`,
  },
  arrived_on_time: {
    en: (f, day) => `arrived ${clock(f.at, day, 'en')}, on time`,
    'zh-CN': (f, day) => `${clock(f.at, day, 'zh-CN')} 上班打卡，准时`,
  },
  arrived_within_grace: {
    en: (f, day) => `arrived ${clock(f.at, day, 'en')}, ${f.lateMinutes} min late, within the ${f.graceMinutes} min grace period`,
    'zh-CN': (f, day) => `${clock(f.at, day, 'zh-CN')} 上班打卡，晚 ${f.lateMinutes} 分钟，在 ${f.graceMinutes} 分钟宽限内，不计迟到`,
  },
  arrived_late: {
    en: (f, day) => `arrived ${clock(f.at, day, 'en')}, ${f.lateMinutes} min late`,
    'zh-CN': (f, day) => `${clock(f.at, day, 'zh-CN')} 上班打卡，迟到 ${f.lateMinutes} 分钟`,
  },
  arrived_seriously_late: {
    en: (f, day) => `arrived ${clock(f.at, day, 'en')}, ${f.lateMinutes} min late — serious lateness (${f.seriousLateMinutes} min or more)`,
    'zh-CN': (f, day) => `${clock(f.at, day, 'zh-CN')} 上班打卡，迟到 ${f.lateMinutes} 分钟，属严重迟到（${f.seriousLateMinutes} 分钟及以上）`,
  },
  late_counted_absent: {
    en: (f) => `more than ${f.absentAfterLateMinutes} min late — counted as absence for ${shareEn(f.share)}`,
    'zh-CN': (f) => `迟到超过 ${f.absentAfterLateMinutes} 分钟，${absenceZh(f.share)}`,
  },
  left_on_time: {
    en: (f, day) => `left ${clock(f.at, day, 'en')}, not early`,
    'zh-CN': (f, day) => `${clock(f.at, day, 'zh-CN')} 下班打卡，未早退`,
  },
  left_early: {
    en: (f, day) => `left ${clock(f.at, day, 'en')}, ${f.earlyMinutes} min early — counted as absence for ${shareEn(f.share)}`,
    'zh-CN': (f, day) => `${clock(f.at, day, 'zh-CN')} 下班打卡，早退 ${f.earlyMinutes} 分钟，${absenceZh(f.share)}`,
  },
  no_clock_out_early_leave: {
    en: (f) => `no clock-out record — treated as early leave, counted as absence for ${shareEn(f.share)}`,
    'zh-CN': (f) => `无下班打卡记录，按早退处理，${absenceZh(f.share)}`,
  },
  no_clock_out_excused: {
    en: () => 'no clock-out record — excused by setting, judged on arrival only',
    'zh-CN': () => '无下班打卡记录，按设置不计早退，仅按上班打卡判定',
  },
  no_clock_in_absent: {
    en: (f) => `no clock-in record — counted as absence for ${shareEn(f.share)}`,
    'zh-CN': (f) => `无上班打卡记录，${absenceZh(f.share)}`,
  },
  no_clock_in_excused: {
    en: () => 'no clock-in record — excused by setting, judged on departure only',
    'zh-CN': () => '无上班打卡记录，按设置不计旷工，仅按下班打卡判定',
  },
  no_punches: {
    en: () => 'no clock records — unexcused absence',
    'zh-CN': () => '全天无打卡记录，计旷工',
  },
  never_at_work: {
    en: () => 'no minute of the clock records falls inside the working sessions — unexcused absence',
    'zh-CN': () => '打卡时间都不在工作时段内，计旷工',
  },
  verdict_present: { en: () => 'present', 'zh-CN': () => '正常出勤' },
  verdict_late: { en: (f) => `late, ${f.lateMinutes} min`, 'zh-CN': (f) => `迟到 ${f.lateMinutes} 分钟` },
  verdict_absent: { en: (f) => `unexcused absence, ${f.absenceDays} day`, 'zh-CN': (f) => `旷工 ${f.absenceDays} 天` },
  verdict_leave: { en: () => 'on leave — no work expected', 'zh-CN': () => '请假，当日无需出勤' },
  verdict_exempt: { en: () => 'excused by business trip — no work expected', 'zh-CN': () => '因公外出，当日无需出勤' },
  corrected_punch: {
    en: (f, day) => `clock record at ${clock(f.at, day, 'en')} from an approved make-up punch request — asked by ${f.requestedBy}, approved by ${f.approvedBy}${f.approvedAs === 'admin' ? ' (administrator, in place of the supervisor)' : ''}`,
    'zh-CN': (f, day) => `${clock(f.at, day, 'zh-CN')} 的打卡来自已批准的补卡申请：${f.requestedBy} 申请，${f.approvedBy}${f.approvedAs === 'admin' ? '（管理员代主管）' : ''}批准`,
  },
  overtime_approved: {
    en: (f, day) => `approved overtime ${span(f.window, day, 'en')}${f.compensation === 'lieu' ? ', as time off in lieu' : ', paid'}`,
    'zh-CN': (f, day) => `已批准加班 ${span(f.window, day, 'zh-CN')}${f.compensation === 'lieu' ? '，调休' : '，支付加班费'}`,
  },
  overtime_credited: {
    en: (f) => `${OVERTIME_EN[f.overtimeKind]} ${duration(f.minutes, 'en')}, ${f.ratePercent}%${f.lieuMinutes > 0 ? `, of which ${duration(f.lieuMinutes, 'en')} as time off in lieu (not paid)` : ''}${roundedEn(f)}`,
    'zh-CN': (f) => `${OVERTIME_ZH[f.overtimeKind]} ${duration(f.minutes, 'zh-CN')}，${f.ratePercent}%${f.lieuMinutes > 0 ? `，其中 ${duration(f.lieuMinutes, 'zh-CN')}调休（不支付加班费）` : ''}${roundedZh(f)}`,
  },
  overtime_not_worked: {
    en: () => 'approved overtime not worked: no clock records inside the window — nothing credited',
    'zh-CN': () => '已批准的加班时段内没有打卡记录，不计加班',
  },
  overtime_break: {
    en: (f) => `${duration(f.breakMinutes, 'en')} break deducted from overtime of ${duration(f.afterMinutes, 'en')} or more`,
    'zh-CN': (f) => `加班满 ${duration(f.afterMinutes, 'zh-CN')}，扣除休息 ${duration(f.breakMinutes, 'zh-CN')}`,
  },
  overtime_capped: {
    en: (f) => `overtime counted from clock records alone, capped at ${duration(f.capMinutes, 'en')} a day`,
    'zh-CN': (f) => `仅按打卡记录计加班，每日最多计 ${duration(f.capMinutes, 'zh-CN')}`,
  },
  recorded_sentence: {
    en: (f) => f.text,
    'zh-CN': (f) => `${f.text}（英文原记录：该日在启用中文说明前已结账）`,
  },
};

/** A clause as the reader reads it: handbook ids as they are; the Labour Law's articles in English as `Labour Law art. 44`. */
export function clauseLabel(clause: string, language: Language): string {
  const article = /^劳动法第(\d+)条$/.exec(clause);
  return article && language === 'en' ? `Labour Law art. ${article[1]}` : clause;
}

/** One fact as a sentence, starting with its clause (`H-ATT-6：…` in Chinese, `H-ATT-6: …` in English). */
export function factSentence(fact: DayFact, day: string, language: Language): string {
  const render = SENTENCES[fact.kind][language] as (fact: DayFact, day: string) => string;
  return `${clauseLabel(fact.clause, language)}${language === 'en' ? ': ' : '：'}${render(fact, day)}`;
}

/** The explanation of a day in a language: one sentence per fact, in order. */
export function explainDay(facts: readonly DayFact[], day: string, language: Language): string[] {
  return facts.map((fact) => factSentence(fact, day, language));
}
