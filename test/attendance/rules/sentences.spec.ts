import { FACT_KINDS, FactKind, FactOf } from '../../../src/domain/attendance/facts';
import { clauseLabel, explainDay, factSentence } from '../../../src/domain/attendance/sentences';
import { classifyDay } from '../../../src/domain/attendance/classify-day';
import { LANGUAGES } from '../../../src/domain/i18n/language';
import { dayInput, punchesAt, SICK_FULL } from './fixtures';

const D = '2026-05-06';
const t = (time: string, date = D) => ({ date, time });

/** One fact of every kind: typed as a complete map, so a new kind without a sample does not compile. */
const SAMPLES: { [K in FactKind]: FactOf<K> } = {
  not_employed: { kind: 'not_employed', clause: 'H-ATT-2', date: D },
  holiday_off: { kind: 'holiday_off', clause: 'H-ATT-2', holidayName: '劳动节' },
  rest_day: { kind: 'rest_day', clause: 'H-ATT-2' },
  rostered_on_holiday: { kind: 'rostered_on_holiday', clause: 'H-ATT-2', holidayName: '国庆节', shiftCode: 'duty' },
  rostered_on_rest_day: { kind: 'rostered_on_rest_day', clause: 'H-ATT-2', shiftCode: 'duty' },
  makeup_workday: { kind: 'makeup_workday', clause: 'H-ATT-2', shiftCode: 'office' },
  shift: { kind: 'shift', clause: 'H-ATT-3', shiftCode: 'office', sessions: [{ start: t('08:30'), end: t('12:00') }, { start: t('13:00'), end: t('17:30') }] },
  punches_ignored: { kind: 'punches_ignored', clause: 'H-ATT-7', times: [t('09:00'), t('01:10', '2026-05-07')], because: 'no_shift' },
  leave: { kind: 'leave', clause: 'H-ATT-10', leaveTypeCode: 'sick', leaveTypeName: { zh: '病假', en: 'Sick leave' }, part: 'am', coversSession: true, shiftCode: 'office' },
  business_trip: { kind: 'business_trip', clause: 'H-ATT-8', from: t('09:00'), to: t('11:00') },
  pending: { kind: 'pending', clause: 'H-ATT-7', until: t('06:00', '2026-05-07') },
  arrived_on_time: { kind: 'arrived_on_time', clause: 'H-ATT-5', at: t('08:25') },
  arrived_within_grace: { kind: 'arrived_within_grace', clause: 'H-ATT-5', at: t('08:40'), lateMinutes: 10, graceMinutes: 15 },
  arrived_late: { kind: 'arrived_late', clause: 'H-ATT-5', at: t('08:47'), lateMinutes: 17 },
  arrived_seriously_late: { kind: 'arrived_seriously_late', clause: 'H-ATT-5', at: t('09:05'), lateMinutes: 35, seriousLateMinutes: 30 },
  late_counted_absent: { kind: 'late_counted_absent', clause: 'H-ATT-5', absentAfterLateMinutes: 60, share: 1 },
  left_on_time: { kind: 'left_on_time', clause: 'H-ATT-6', at: t('00:00', '2026-05-07') },
  left_early: { kind: 'left_early', clause: 'H-ATT-6', at: t('17:00'), earlyMinutes: 30, share: 0.5 },
  no_clock_out_early_leave: { kind: 'no_clock_out_early_leave', clause: 'H-ATT-6', share: 1 },
  no_clock_out_excused: { kind: 'no_clock_out_excused', clause: 'H-ATT-6' },
  no_clock_in_absent: { kind: 'no_clock_in_absent', clause: 'H-ATT-7', share: 1 },
  no_clock_in_excused: { kind: 'no_clock_in_excused', clause: 'H-ATT-7' },
  no_punches: { kind: 'no_punches', clause: 'H-ATT-7' },
  never_at_work: { kind: 'never_at_work', clause: 'H-ATT-7' },
  verdict_present: { kind: 'verdict_present', clause: 'H-ATT-1' },
  verdict_late: { kind: 'verdict_late', clause: 'H-ATT-1', lateMinutes: 17 },
  verdict_absent: { kind: 'verdict_absent', clause: 'H-ATT-1', absenceDays: 1 },
  verdict_leave: { kind: 'verdict_leave', clause: 'H-ATT-1' },
  verdict_exempt: { kind: 'verdict_exempt', clause: 'H-ATT-1' },
  corrected_punch: { kind: 'corrected_punch', clause: 'H-ATT-7', at: t('17:30'), requestedBy: 'Wang Fang', approvedBy: 'Li Lei', approvedAs: 'supervisor' },
  overtime_approved: { kind: 'overtime_approved', clause: '劳动法第44条', window: { start: t('18:00'), end: t('20:00') }, compensation: 'pay' },
  overtime_credited: { kind: 'overtime_credited', clause: '劳动法第44条', overtimeKind: 'workday', minutes: 180, ratePercent: 150, lieuMinutes: 0, countedMinutes: 195, unitMinutes: 30 },
  overtime_not_worked: { kind: 'overtime_not_worked', clause: '劳动法第44条' },
  overtime_break: { kind: 'overtime_break', clause: '劳动法第44条', breakMinutes: 30, afterMinutes: 240 },
  overtime_capped: { kind: 'overtime_capped', clause: '劳动法第41条', capMinutes: 180 },
  recorded_sentence: { kind: 'recorded_sentence', clause: 'H-ATT-6', text: 'no clock-out record — treated as early leave, counted as absence for the day' },
};

const CJK = /[\u4e00-\u9fff]/;

describe('Day explanations in both languages (issue 21)', () => {
  it.each([...FACT_KINDS])('every kind of fact has a sentence in every language: %s', (kind) => {
    const fact = SAMPLES[kind];
    expect(fact.kind).toBe(kind);
    for (const language of LANGUAGES) {
      const sentence = factSentence(fact, D, language);
      expect(sentence.startsWith(`${clauseLabel(fact.clause, language)}${language === 'en' ? ': ' : '：'}`)).toBe(true);
      expect(sentence.length).toBeGreaterThan(clauseLabel(fact.clause, language).length + 2);
      expect(sentence).not.toMatch(/undefined|null|NaN|\[object/);
    }
    expect(factSentence(fact, D, 'zh-CN')).toMatch(CJK);
    expect(factSentence(fact, D, 'zh-CN')).not.toBe(factSentence(fact, D, 'en'));
  });

  it('H-ATT-6: a missing clock-out reads as the office writes it, in Chinese and in English', () => {
    expect(factSentence(SAMPLES.no_clock_out_early_leave, D, 'zh-CN')).toBe('H-ATT-6：无下班打卡记录，按早退处理，当日计旷工');
    expect(factSentence(SAMPLES.no_clock_out_early_leave, D, 'en')).toBe('H-ATT-6: no clock-out record — treated as early leave, counted as absence for the day');
    expect(factSentence({ ...SAMPLES.no_clock_out_early_leave, share: 0.5 }, D, 'zh-CN')).toBe('H-ATT-6：无下班打卡记录，按早退处理，计旷工半天');
  });

  it('H-ATT-3/H-ATT-4: times read relative to the day: 24:00, 次日 / next day, 前一日 / previous day', () => {
    expect(factSentence(SAMPLES.shift, D, 'zh-CN')).toBe('H-ATT-3：行政班 08:30–12:00、13:00–17:30');
    expect(factSentence(SAMPLES.left_on_time, D, 'zh-CN')).toBe('H-ATT-6：24:00 下班打卡，未早退');
    expect(factSentence(SAMPLES.pending, D, 'zh-CN')).toBe('H-ATT-7：打卡时段至 次日06:00 结束，暂未判定');
    expect(factSentence(SAMPLES.pending, D, 'en')).toBe('H-ATT-7: clock records open until 06:00 next day — not judged yet');
    expect(factSentence({ kind: 'arrived_late', clause: 'H-ATT-5', at: t('23:50', '2026-05-05'), lateMinutes: 5 }, D, 'zh-CN')).toBe('H-ATT-5：前一日23:50 上班打卡，迟到 5 分钟');
  });

  it('H-ATT-10: leave types are named in the reader\'s language, never by code', () => {
    expect(factSentence(SAMPLES.leave, D, 'zh-CN')).toBe('H-ATT-10：病假（上午）');
    expect(factSentence(SAMPLES.leave, D, 'en')).toBe('H-ATT-10: sick leave (morning)');
  });

  it('H-ATT-1: one classified day, the same facts, two languages', () => {
    const result = classifyDay(dayInput({ punches: punchesAt(D, '08:47:00', '17:30:00') }));
    expect(explainDay(result.facts, D, 'zh-CN')).toEqual(['H-ATT-3：行政班 08:30–12:00、13:00–17:30', 'H-ATT-5：08:47 上班打卡，迟到 17 分钟', 'H-ATT-6：17:30 下班打卡，未早退', 'H-ATT-1：迟到 17 分钟']);
    expect(explainDay(result.facts, D, 'en')).toEqual(['H-ATT-3: office shift 08:30–12:00, 13:00–17:30', 'H-ATT-5: arrived 08:47, 17 min late', 'H-ATT-6: left 17:30, not early', 'H-ATT-1: late, 17 min']);
    const onLeave = classifyDay(dayInput({ leave: [SICK_FULL] }));
    expect(onLeave.facts).toContainEqual(expect.objectContaining({ kind: 'leave', leaveTypeCode: 'sick' }));
    expect(explainDay(onLeave.facts, D, 'zh-CN')).toContain('H-ATT-1：请假，当日无需出勤');
  });
});
