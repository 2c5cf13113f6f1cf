import type { Response } from 'express';
import ExcelJS from 'exceljs';
import QueryStream from 'pg-query-stream';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { datesBetween } from '../calendar/calendar-day';
import { csvCell } from './csv-cell';
import type { ReportRowDto } from './dto/report.dto';
import { GRID_SQL, GridRow, ReportRow } from './monthly-report.repository';
import { addToTotals, gridCells, ReportContext, toReportRow } from './monthly-report.service';

export type Lang = 'en' | 'zh';

interface Column {
  en: string;
  zh: string;
  value: (row: ReportRowDto) => string | number;
}

function summaryColumns(leaveTypes: { code: string; name_zh: string }[]): Column[] {
  return [
    { en: 'Employee no', zh: '工号', value: (r) => r.employeeNo },
    { en: 'Name', zh: '姓名', value: (r) => r.name },
    { en: 'Position', zh: '岗位', value: (r) => r.positionCode ?? '' },
    { en: 'Scheduled days', zh: '应出勤天数', value: (r) => r.scheduledDays },
    { en: 'Present days', zh: '出勤天数', value: (r) => r.presentDays },
    { en: 'Late count', zh: '迟到次数', value: (r) => r.lateCount },
    { en: 'Late minutes', zh: '迟到分钟', value: (r) => r.lateMinutes },
    { en: 'Serious late count', zh: '严重迟到次数', value: (r) => r.seriousLateCount },
    { en: 'Early leave count', zh: '早退次数', value: (r) => r.earlyLeaveCount },
    { en: 'Missing punches', zh: '缺卡次数', value: (r) => r.missingPunchCount },
    { en: 'Absence days', zh: '旷工天数', value: (r) => r.absenceDays },
    ...leaveTypes.map((type): Column => ({ en: `Leave days: ${type.code}`, zh: `${type.name_zh}天数`, value: (r) => r.leaveDays[type.code] ?? 0 })),
    { en: 'Business trip days', zh: '出差天数', value: (r) => r.exemptDays },
    { en: 'Holiday days', zh: '节假日天数', value: (r) => r.holidayDays },
    { en: 'Duty shifts', zh: '值班次数', value: (r) => r.dutyShifts },
    { en: 'Pending days', zh: '待定天数', value: (r) => r.pendingDays },
    { en: 'Penalties (fen)', zh: '扣款（分）', value: (r) => r.penaltiesFen },
    { en: 'Bonus (fen)', zh: '奖金（分）', value: (r) => r.bonusFen },
    { en: 'Disciplinary fines (fen)', zh: '违纪罚款（分）', value: (r) => r.finesFen },
  ];
}

/** Rows of a query through a server-side cursor: memory stays flat however many staff there are. */
async function* cursor<T>(dataSource: DataSource, sql: string, params: unknown[]): AsyncGenerator<T> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    const stream = client.query(new QueryStream(sql, params, { batchSize: 500 }));
    for await (const row of stream) yield row as T;
  } finally {
    await runner.release();
  }
}

async function write(response: Response, text: string): Promise<void> {
  if (!response.write(text)) await new Promise<void>((resolve) => response.once('drain', () => resolve()));
}

const filename = (context: ReportContext, kind: string, extension: string) => `attachment; filename="kaoqin-${kind}-${context.month}.${extension}"`;

/** CSV with a BOM (so that Excel reads UTF-8), headers in English or Chinese, a totals line at the end. */
export async function streamSummaryCsv(response: Response, dataSource: DataSource, sql: string, context: ReportContext, leaveTypes: { code: string; name_zh: string }[], lang: Lang): Promise<void> {
  const columns = summaryColumns(leaveTypes);
  response.status(200).setHeader('Content-Type', 'text/csv; charset=utf-8').setHeader('Content-Disposition', filename(context, 'report', 'csv'));
  await write(response, `\uFEFF${columns.map((column) => csvCell(column[lang])).join(',')}\r\n`);
  let totals = null;
  for await (const raw of cursor<ReportRow>(dataSource, sql, [context.from, context.to, context.viewerId])) {
    const row = toReportRow(raw, context);
    totals = addToTotals(totals, row);
    await write(response, `${columns.map((column) => csvCell(column.value(row))).join(',')}\r\n`);
  }
  if (totals) {
    const totalRow = { ...totals, staffId: '', employeeNo: lang === 'zh' ? '合计' : 'Total', name: '', positionCode: null } as ReportRowDto;
    await write(response, `${columns.map((column) => csvCell(column.value(totalRow))).join(',')}\r\n`);
  }
  response.end();
}

export async function streamGridCsv(response: Response, dataSource: DataSource, context: ReportContext, lang: Lang): Promise<void> {
  const dates = datesBetween(context.from, context.to);
  response.status(200).setHeader('Content-Type', 'text/csv; charset=utf-8').setHeader('Content-Disposition', filename(context, 'grid', 'csv'));
  const head = lang === 'zh' ? ['工号', '姓名'] : ['Employee no', 'Name'];
  await write(response, `\uFEFF${[...head, ...dates.map((date) => date.slice(8))].map(csvCell).join(',')}\r\n`);
  for await (const row of cursor<GridRow>(dataSource, GRID_SQL, [context.from, context.to, context.viewerId])) {
    await write(response, `${[row.employee_no, row.name, ...gridCells(row)].map(csvCell).join(',')}\r\n`);
  }
  response.end();
}

// One colour per status in the grid (ARGB).
const FILL: Record<string, string> = {
  '√': 'FFC6EFCE', 值: 'FFBDD7EE', 迟: 'FFFFEB9C', 旷: 'FFFFC7CE', 早: 'FFF4B084', 差: 'FFD9D2E9', 休: 'FFEDEDED', 待: 'FFFFFFFF',
};
const LEAVE_FILL = 'FFDDEBF7';

/** XLSX with a summary sheet and a grid sheet, streamed row by row (exceljs WorkbookWriter). */
export async function streamXlsx(response: Response, dataSource: DataSource, sql: string, context: ReportContext, leaveTypes: { code: string; name_zh: string }[], lang: Lang): Promise<void> {
  response
    .status(200)
    .setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .setHeader('Content-Disposition', filename(context, 'report', 'xlsx'));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: response, useStyles: true, useSharedStrings: false });
  const columns = summaryColumns(leaveTypes);
  const summary = workbook.addWorksheet(lang === 'zh' ? '汇总' : 'Summary', { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.addRow(columns.map((column) => column[lang])).commit();
  let totals = null;
  for await (const raw of cursor<ReportRow>(dataSource, sql, [context.from, context.to, context.viewerId])) {
    const row = toReportRow(raw, context);
    totals = addToTotals(totals, row);
    summary.addRow(columns.map((column) => column.value(row))).commit();
  }
  if (totals) {
    const totalRow = { ...totals, staffId: '', employeeNo: lang === 'zh' ? '合计' : 'Total', name: '', positionCode: null } as ReportRowDto;
    summary.addRow(columns.map((column) => column.value(totalRow))).commit();
  }
  summary.commit();
  const dates = datesBetween(context.from, context.to);
  const grid = workbook.addWorksheet(lang === 'zh' ? '考勤表' : 'Grid', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  grid.addRow([...(lang === 'zh' ? ['工号', '姓名'] : ['Employee no', 'Name']), ...dates.map((date) => date.slice(8))]).commit();
  for await (const raw of cursor<GridRow>(dataSource, GRID_SQL, [context.from, context.to, context.viewerId])) {
    const cells = gridCells(raw);
    const row = grid.addRow([raw.employee_no, raw.name, ...cells]);
    cells.forEach((code, i) => {
      const colour = code === '' ? null : (FILL[code] ?? LEAVE_FILL);
      if (colour) row.getCell(i + 3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour } };
    });
    row.commit();
  }
  grid.commit();
  await workbook.commit();
}
