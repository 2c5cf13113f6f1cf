import type { TableColumnsType } from 'antd';
import type { Schemas } from '../../api/client';
import type { MessageKey, Translate } from '../../i18n';
import type { Language } from '../../i18n/language-store';
import { formatFen } from '../../lib/money';
import type { ReportRow } from './report-data';

type Counts = Schemas['ReportCountsDto'];

/** One numeric column of the report, read the same way from a person's row and from the totals. */
interface Measure {
  key: string;
  title: string;
  /** Explains the column (the API's description), as the header's tooltip. */
  hint?: string;
  kind: 'count' | 'days' | 'money';
  value: (counts: Counts) => number;
}

interface Group {
  title: string;
  measures: Measure[];
}

/**
 * Every column GET /reports/monthly returns (ReportRowDto), grouped as finance reads them: who,
 * attendance, leave per type (the types the month has), money (fen shown as yuan).
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
      title: t('fin.group.attendance'),
      measures: [
        count('scheduledDays'),
        count('presentDays'),
        count('lateCount'),
        count('lateMinutes'),
        count('seriousLateCount'),
        count('earlyLeaveCount'),
        count('missingPunchCount'),
        count('correctionCount'),
        count('absenceDays', 'days'),
        count('exemptDays', 'days'),
        count('holidayDays'),
        count('dutyShifts'),
        count('pendingDays'),
      ],
    },
    {
      title: t('fin.group.leave'),
      measures: leaveCodes.map((code) => ({ key: `leave.${code}`, title: leaveName(code), kind: 'days' as const, value: (c: Counts) => c.leaveDays[code] ?? 0 })),
    },
    {
      title: t('fin.group.money'),
      measures: [
        { key: 'penalties.lateFen', title: t('fin.col.penaltyLate'), kind: 'money', value: (c: Counts) => c.penalties.lateFen },
        { key: 'penalties.seriousLateFen', title: t('fin.col.penaltySeriousLate'), kind: 'money', value: (c: Counts) => c.penalties.seriousLateFen },
        { key: 'penalties.absenceFen', title: t('fin.col.penaltyAbsence'), kind: 'money', value: (c: Counts) => c.penalties.absenceFen },
        { key: 'penalties.missingPunchFen', title: t('fin.col.penaltyMissingPunch'), kind: 'money', value: (c: Counts) => c.penalties.missingPunchFen },
        { key: 'penalties.correctionFen', title: t('fin.col.penaltyCorrection'), kind: 'money', value: (c: Counts) => c.penalties.correctionFen },
        count('penaltiesFen', 'money'),
        { key: 'bonus.fullAttendanceFen', title: t('fin.col.bonusFullAttendance'), hint: t('fin.hint.fullAttendance'), kind: 'money', value: (c: Counts) => c.bonus.fullAttendanceFen },
        count('bonusFen', 'money'),
        count('finesFen', 'money'),
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

// One formatter per language: the table formats hundreds of cells per render (see lib/money.ts).
const numberFormats = new Map<Language, Intl.NumberFormat>();

export function formatMeasure(measure: Measure, value: number, language: Language): string {
  if (measure.kind === 'money') return formatFen(value, language);
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language, { maximumFractionDigits: 1 })));
  return format.format(value);
}

/**
 * Column widths: English headers are longer words than Chinese ones ("Scheduled", "Seriously late"),
 * which must wrap between words, never inside one.
 */
const MEASURE_WIDTH = { 'zh-CN': { count: 96, days: 96, money: 120 }, en: { count: 116, days: 116, money: 124 } } as const;

export function measureWidth(kind: Measure['kind'], language: Language): number {
  return MEASURE_WIDTH[language][kind];
}

export function measureColumns(groups: Group[], language: Language): TableColumnsType<ReportRow> {
  return groups.map((group) => ({
    title: group.title,
    key: group.title,
    children: group.measures.map((measure) => ({
      key: measure.key,
      title: measure.hint ? <span title={measure.hint}>{measure.title}</span> : measure.title,
      width: measureWidth(measure.kind, language),
      align: 'right' as const,
      sorter: (a: ReportRow, b: ReportRow) => measure.value(a) - measure.value(b),
      // The cell itself carries the column and the zero tint: no element inside it, as the report
      // draws hundreds of cells at once and each element costs style and layout work.
      onCell: (row: ReportRow) => ({ className: measure.value(row) === 0 ? 'fin-zero' : undefined, 'data-measure': measure.key }) as React.TdHTMLAttributes<HTMLTableCellElement>,
      render: (_: unknown, row: ReportRow) => formatMeasure(measure, measure.value(row), language),
    })),
  }));
}

export type { Group, Measure };
