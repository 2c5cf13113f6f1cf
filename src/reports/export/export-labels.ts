import type { Language } from '../../domain/i18n/language';
import type { Names } from '../../domain/attendance/facts';
import type { ReportRowDto } from '../dto/report.dto';

/**
 * The words of the CSV and XLSX exports in each language, as a Chinese finance clerk reads a
 * DingTalk 月度汇总 / 考勤表: positions and leave types by name, money in 元.
 */

/** Names of the catalogue entries a report shows, by code. */
export interface ExportLabels {
  positions: Record<string, Names>;
  leaveTypes: ({ code: string } & Names)[];
}

const pick = (names: Names | undefined, language: Language, fallback: string) => (names ? (language === 'en' ? names.en : names.zh) : fallback);

export const positionName = (labels: ExportLabels, code: string | null, language: Language) => (code ? pick(labels.positions[code], language, code) : '');

/** Integer fen as yuan with two decimals, exactly (no floating point): 5000 → "50.00". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A column of the summary: its header in each language, and the cell (money kept in fen here). */
export interface SummaryColumn {
  header: Record<Language, string>;
  value: (row: ReportRowDto) => string | number;
  money?: true;
}

export function summaryColumns(labels: ExportLabels, language: Language): SummaryColumn[] {
  const h = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  return [
    { header: h('工号', 'Employee no'), value: (r) => r.employeeNo },
    { header: h('姓名', 'Name'), value: (r) => r.name },
    { header: h('岗位', 'Position'), value: (r) => positionName(labels, r.positionCode, language) },
    { header: h('应出勤天数', 'Scheduled days'), value: (r) => r.scheduledDays },
    { header: h('出勤天数', 'Present days'), value: (r) => r.presentDays },
    { header: h('迟到次数', 'Late count'), value: (r) => r.lateCount },
    { header: h('迟到分钟', 'Late minutes'), value: (r) => r.lateMinutes },
    { header: h('严重迟到次数', 'Serious late count'), value: (r) => r.seriousLateCount },
    { header: h('早退次数', 'Early leave count'), value: (r) => r.earlyLeaveCount },
    { header: h('缺卡次数', 'Missing punches'), value: (r) => r.missingPunchCount },
    // Snapshots closed before make-up punches existed have no such count: none were made.
    { header: h('补卡次数', 'Make-up punches'), value: (r) => r.correctionCount ?? 0 },
    { header: h('旷工天数', 'Absence days'), value: (r) => r.absenceDays },
    ...labels.leaveTypes.map((type): SummaryColumn => ({ header: h(`${type.zh}（天）`, `${type.en} (days)`), value: (r) => r.leaveDays[type.code] ?? 0 })),
    // Absent from snapshots of months closed before balances were kept: left empty, not 0.
    { header: h('年休假剩余（天）', 'Annual leave left (days)'), value: (r) => r.annualLeaveRemainingDays ?? '' },
    // Issue 22, 调休 in hours; absent from snapshots of months closed before it was kept: left empty.
    { header: h('转调休（小时）', 'Time off in lieu earned (hours)'), value: (r) => r.lieuEarnedHours ?? '' },
    { header: h('调休已休（小时）', 'Time off in lieu taken (hours)'), value: (r) => r.lieuTakenHours ?? '' },
    { header: h('调休剩余（小时）', 'Time off in lieu left (hours)'), value: (r) => r.lieuRemainingHours ?? '' },
    { header: h('调休过期待支付（小时，200%）', 'Expired time off in lieu to pay (hours, 200%)'), value: (r) => r.lieuExpiredHours ?? '' },
    { header: h('出差天数', 'Business trip days'), value: (r) => r.exemptDays },
    { header: h('节假日天数', 'Holiday days'), value: (r) => r.holidayDays },
    { header: h('值班次数', 'Duty shifts'), value: (r) => r.dutyShifts },
    { header: h('待定天数', 'Pending days'), value: (r) => r.pendingDays },
    // Absent from snapshots of months closed before overtime was kept: left empty, not 0.
    { header: h('工作日加班（小时，150%）', 'Workday overtime h (150%)'), value: (r) => r.overtimeWorkdayHours ?? '' },
    { header: h('休息日加班（小时，200%）', 'Rest-day overtime h (200%)'), value: (r) => r.overtimeRestDayHours ?? '' },
    { header: h('其中调休（小时）', 'Of which time off in lieu (h)'), value: (r) => r.overtimeRestDayLieuHours ?? '' },
    { header: h('法定节假日加班（小时，300%）', 'Holiday overtime h (300%)'), value: (r) => r.overtimeHolidayHours ?? '' },
    { header: h('超限加班（次）', 'Overtime cap overrides'), value: (r) => r.overtimeCapOverrides ?? '' },
    { header: h('加班费（元）', 'Overtime pay (yuan)'), value: (r) => r.overtimePayFen ?? 0, money: true },
    { header: h('扣款（元）', 'Penalties (yuan)'), value: (r) => r.penaltiesFen, money: true },
    { header: h('全勤奖（元）', 'Bonus (yuan)'), value: (r) => r.bonusFen, money: true },
    { header: h('违纪罚款（元）', 'Disciplinary fines (yuan)'), value: (r) => r.finesFen, money: true },
  ];
}

export const TOTAL_LABEL: Record<Language, string> = { 'zh-CN': '合计', en: 'Total' };
export const SHEET_NAMES: Record<Language, { summary: string; grid: string }> = { 'zh-CN': { summary: '汇总', grid: '考勤表' }, en: { summary: 'Summary', grid: 'Grid' } };
export const GRID_HEAD: Record<Language, [string, string]> = { 'zh-CN': ['工号', '姓名'], en: ['Employee no', 'Name'] };

/** ISO weekday (1 = Monday) as the grid's second header row writes it. */
export const WEEKDAYS: Record<Language, string[]> = {
  'zh-CN': ['一', '二', '三', '四', '五', '六', '日'],
  en: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
};
export const WEEKDAY_LABEL: Record<Language, string> = { 'zh-CN': '星期', en: 'Day' };
/** The third header row: statutory holiday (休) or make-up workday (班), as Chinese calendars mark them. */
export const DAY_MARK_LABEL: Record<Language, string> = { 'zh-CN': '节假日', en: 'Holiday' };
export const DAY_MARKS: Record<Language, { holiday: string; makeup_workday: string }> = {
  'zh-CN': { holiday: '休', makeup_workday: '班' },
  en: { holiday: 'Hol', makeup_workday: 'Work' },
};
export const PRESENT_COUNT_LABEL: Record<Language, string> = { 'zh-CN': '出勤人数', en: 'Present' };

/** The grid's codes and what they mean; leave codes are the first character of each leave type's Chinese name. */
export function legend(labels: ExportLabels, language: Language): { code: string; meaning: string }[] {
  const zh = language !== 'en';
  return [
    { code: '√', meaning: zh ? '出勤' : 'present' },
    { code: '值', meaning: zh ? '值班（出勤）' : 'on duty (present)' },
    { code: '迟', meaning: zh ? '迟到' : 'late' },
    { code: '早', meaning: zh ? '早退（当日计旷工）' : 'early leave (counted as absence)' },
    { code: '旷', meaning: zh ? '旷工' : 'unexcused absence' },
    ...labels.leaveTypes.map((type) => ({ code: type.zh.slice(0, 1), meaning: zh ? type.zh : type.en.toLowerCase() })),
    { code: '差', meaning: zh ? '因公外出' : 'business trip' },
    { code: '休', meaning: zh ? '休息 / 节假日' : 'rest day or holiday' },
    { code: '待', meaning: zh ? '待定（打卡时段未结束）' : 'pending (punch window still open)' },
    { code: '补', meaning: zh ? '后缀：当日有已批准的补卡（如 √补）' : 'suffix: an approved make-up punch corrected the day (e.g. √补)' },
  ];
}

export const LEGEND_TITLE: Record<Language, string> = { 'zh-CN': '图例', en: 'Legend' };

/** The lines of the title block above each sheet. */
export function titleLines(input: { companyName: string; month: string; generated: string; zone: string; closed: { at: string; sha256: string } | null }, sheet: 'summary' | 'grid', language: Language): string[] {
  if (language === 'en') {
    const what = sheet === 'summary' ? 'Monthly attendance summary' : 'Attendance grid';
    return [
      input.companyName ? `${input.companyName} — ${what}` : what,
      `Month: ${input.month}    Generated: ${input.generated} (${input.zone})`,
      input.closed ? `Closed: ${input.closed.at}    Snapshot SHA-256: ${input.closed.sha256}` : 'Not closed: the figures may still change',
    ];
  }
  const what = sheet === 'summary' ? '考勤月度汇总' : '考勤表';
  return [
    input.companyName ? `${input.companyName} ${what}` : what,
    `月份：${input.month}　　生成时间：${input.generated}（${input.zone}）`,
    input.closed ? `已结账：${input.closed.at}　　快照 SHA-256：${input.closed.sha256}` : '未结账：数据仍可能变动',
  ];
}
