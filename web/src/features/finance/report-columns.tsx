import type { TableColumnsType } from 'antd';
import type { Schemas } from '../../api/client';
import type { MessageKey, Translate } from '../../i18n';
import type { Language } from '../../i18n/language-store';
import { formatFen } from '../../lib/money';
import type { ReportRow } from './report-data';
import { SortButton, type SortOrder, sortHeaderCell } from './SortButton';

type Counts = Schemas['ReportCountsDto'];

/** One numeric column of the report, read the same way from a person's row and from the totals. */
interface Measure {
  key: string;
  title: string;
  /** Explains the column (the API's description), as the header's tooltip. */
  hint?: string;
  kind: 'count' | 'days' | 'hours' | 'money';
  value: (counts: Counts) => number;
}

/** The report's column groups, in the table's order; finance chooses which the table shows (ColumnChooser). */
export const GROUP_KEYS = ['attendance', 'attendanceDetail', 'leave', 'overtime', 'moneyDetail', 'money'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

/**
 * What the table shows until finance chooses: the day counts, leave and the amounts owed — what a
 * month close is checked against. The details behind them (late minutes, each penalty) are a
 * click away; fewer columns also make the first drawing of a thousand-row table lighter.
 */
export const DEFAULT_GROUPS: readonly GroupKey[] = ['attendance', 'leave', 'money'];

interface Group {
  key: GroupKey;
  title: string;
  measures: Measure[];
}

/**
 * Every column GET /reports/monthly returns (ReportRowDto), grouped as finance reads them: who,
 * attendance and its details, leave per type (the types the month has), the penalties and bonus
 * item by item, and the amounts (fen shown as yuan).
 */
export function reportGroups(t: Translate, leaveCodes: string[], leaveName: (code: string) => string): Group[] {
  const count = (key: keyof Counts & string, kind: Measure['kind'] = 'count'): Measure => ({
    key,
    title: t(`fin.col.${key}` as MessageKey),
    hint: HINTS[key] ? t(HINTS[key]) : undefined,
    kind,
    value: (c) => c[key] as number,
  });
  const groups: Group[] = [
    {
      key: 'attendance',
      title: t('fin.group.attendance'),
      measures: [
        count('scheduledDays'),
        count('presentDays'),
        count('lateCount'),
        count('earlyLeaveCount'),
        count('missingPunchCount'),
        count('correctionCount'),
        count('absenceDays', 'days'),
        count('exemptDays', 'days'),
        count('pendingDays'),
      ],
    },
    {
      key: 'attendanceDetail',
      title: t('fin.group.attendanceDetail'),
      measures: [count('lateMinutes'), count('seriousLateCount'), count('holidayDays'), count('dutyShifts')],
    },
    {
      key: 'leave',
      title: t('fin.group.leave'),
      measures: [
        ...leaveCodes.map((code): Measure => ({ key: `leave.${code}`, title: leaveName(code), kind: 'days', value: (c: Counts) => c.leaveDays[code] ?? 0 })),
        // Absent from snapshots of months closed before balances were kept (read as 0 there).
        { key: 'annualLeaveRemainingDays', title: t('fin.col.annualLeaveRemainingDays'), hint: t('fin.hint.annualLeaveLeft'), kind: 'days', value: (c: Counts) => c.annualLeaveRemainingDays ?? 0 },
        // 调休 in hours (issue 22); absent from snapshots closed before it was kept (read as 0 there).
        { key: 'lieuEarnedHours', title: t('fin.col.lieuEarnedHours'), hint: t('fin.hint.lieuEarned'), kind: 'hours', value: (c: Counts) => c.lieuEarnedHours ?? 0 },
        { key: 'lieuTakenHours', title: t('fin.col.lieuTakenHours'), hint: t('fin.hint.lieuTaken'), kind: 'hours', value: (c: Counts) => c.lieuTakenHours ?? 0 },
        { key: 'lieuRemainingHours', title: t('fin.col.lieuRemainingHours'), hint: t('fin.hint.lieuRemaining'), kind: 'hours', value: (c: Counts) => c.lieuRemainingHours ?? 0 },
        { key: 'lieuExpiredHours', title: t('fin.col.lieuExpiredHours'), hint: t('fin.hint.lieuExpired'), kind: 'hours', value: (c: Counts) => c.lieuExpiredHours ?? 0 },
      ],
    },
    {
      // 劳动法第44条 (issue 22); absent from snapshots closed before overtime was kept (read as 0 there).
      key: 'overtime',
      title: t('fin.group.overtime'),
      measures: [
        { key: 'overtimeWorkdayHours', title: t('fin.col.overtimeWorkdayHours'), kind: 'hours', value: (c: Counts) => c.overtimeWorkdayHours ?? 0 },
        { key: 'overtimeRestDayHours', title: t('fin.col.overtimeRestDayHours'), kind: 'hours', value: (c: Counts) => c.overtimeRestDayHours ?? 0 },
        { key: 'overtimeRestDayLieuHours', title: t('fin.col.overtimeRestDayLieuHours'), hint: t('fin.hint.overtimeRestDayLieu'), kind: 'hours', value: (c: Counts) => c.overtimeRestDayLieuHours ?? 0 },
        { key: 'overtimeHolidayHours', title: t('fin.col.overtimeHolidayHours'), kind: 'hours', value: (c: Counts) => c.overtimeHolidayHours ?? 0 },
        { key: 'overtimeCapOverrides', title: t('fin.col.overtimeCapOverrides'), hint: t('fin.hint.overtimeCapOverrides'), kind: 'count', value: (c: Counts) => c.overtimeCapOverrides ?? 0 },
      ],
    },
    {
      key: 'moneyDetail',
      title: t('fin.group.moneyDetail'),
      measures: [
        { key: 'penalties.lateFen', title: t('fin.col.penaltyLate'), kind: 'money', value: (c: Counts) => c.penalties.lateFen },
        { key: 'penalties.seriousLateFen', title: t('fin.col.penaltySeriousLate'), kind: 'money', value: (c: Counts) => c.penalties.seriousLateFen },
        { key: 'penalties.absenceFen', title: t('fin.col.penaltyAbsence'), kind: 'money', value: (c: Counts) => c.penalties.absenceFen },
        { key: 'penalties.missingPunchFen', title: t('fin.col.penaltyMissingPunch'), kind: 'money', value: (c: Counts) => c.penalties.missingPunchFen },
        { key: 'penalties.correctionFen', title: t('fin.col.penaltyCorrection'), kind: 'money', value: (c: Counts) => c.penalties.correctionFen },
        { key: 'bonus.fullAttendanceFen', title: t('fin.col.bonusFullAttendance'), hint: t('fin.hint.fullAttendance'), kind: 'money', value: (c: Counts) => c.bonus.fullAttendanceFen },
      ],
    },
    {
      key: 'money',
      title: t('fin.group.money'),
      measures: [
        count('penaltiesFen', 'money'),
        count('bonusFen', 'money'),
        count('finesFen', 'money'),
        // Money owed like the bonus, so it is among the default columns; the hours behind it are the overtime group.
        { key: 'overtimePayFen', title: t('fin.col.overtimePayFen'), hint: t('fin.hint.overtimePay'), kind: 'money', value: (c: Counts) => c.overtimePayFen ?? 0 },
      ],
    },
  ];
  return groups.filter((group) => group.measures.length > 0);
}

const HINTS: Partial<Record<string, MessageKey>> = {
  presentDays: 'fin.hint.presentDays',
  earlyLeaveCount: 'fin.hint.earlyLeave',
  missingPunchCount: 'fin.hint.missingPunch',
  correctionCount: 'fin.hint.correctionCount',
  absenceDays: 'fin.hint.absenceDays',
  pendingDays: 'fin.hint.pendingDays',
  finesFen: 'fin.hint.fines',
};

// One formatter per language and precision: the table formats hundreds of cells per render (see lib/money.ts).
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatMeasure(measure: Measure, value: number, language: Language): string {
  if (measure.kind === 'money') return formatFen(value, language);
  // Hours come from minutes (20 min = 0.33 h); days and counts are in tenths at most.
  const digits = measure.kind === 'hours' ? 2 : 1;
  let format = numberFormats.get(`${language}|${digits}`);
  if (!format) numberFormats.set(`${language}|${digits}`, (format = new Intl.NumberFormat(language, { maximumFractionDigits: digits })));
  return format.format(value);
}

/**
 * Column widths: English headers are longer words than Chinese ones ("Scheduled", "Seriously late"),
 * which must wrap between words, never inside one.
 */
const MEASURE_WIDTH = { 'zh-CN': { count: 96, days: 96, hours: 110, money: 120 }, en: { count: 116, days: 116, hours: 124, money: 124 } } as const;

export function measureWidth(kind: Measure['kind'], language: Language): number {
  return MEASURE_WIDTH[language][kind];
}

/** The measure columns under their group headers; `orderOf` says which one sorts the rows, `onSort` is a header's click. */
export function measureColumns(groups: Group[], language: Language, orderOf: (key: string) => SortOrder | null, onSort: (key: string) => void): TableColumnsType<ReportRow> {
  return groups.map((group) => ({
    title: group.title,
    key: group.title,
    children: group.measures.map((measure) => ({
      key: measure.key,
      title: <SortButton label={measure.title} hint={measure.hint} order={orderOf(measure.key)} onSort={() => onSort(measure.key)} />,
      onHeaderCell: () => sortHeaderCell(orderOf(measure.key)),
      width: measureWidth(measure.kind, language),
      align: 'right' as const,
      // The cell itself carries the column and the zero tint: no element inside it, as the report
      // draws hundreds of cells at once and each element costs style and layout work.
      onCell: (row: ReportRow) => ({ className: measure.value(row) === 0 ? 'fin-zero' : undefined, 'data-measure': measure.key }) as React.TdHTMLAttributes<HTMLTableCellElement>,
      render: (_: unknown, row: ReportRow) => formatMeasure(measure, measure.value(row), language),
    })),
  }));
}

export type { Group, Measure };
