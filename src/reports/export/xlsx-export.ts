import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { Language } from '../../domain/i18n/language';
import { baseGridCode, CORRECTED_MARK } from '../../domain/money';
import type { ReportCountsDto } from '../dto/report.dto';
import { addToTotals } from '../monthly-report.service';
import { attachment, totalRow } from '../report-export';
import {
  DAY_MARK_LABEL,
  DAY_MARKS,
  GRID_HEAD,
  LEGEND_TITLE,
  legend,
  PRESENT_COUNT_LABEL,
  SHEET_NAMES,
  summaryColumns,
  titleLines,
  WEEKDAY_LABEL,
  WEEKDAYS,
} from './export-labels';
import type { ExportSource } from './export-source.service';
import { Turns } from '../../common/in-turns';

/** Yuan as numbers, so that sums in Excel work; the format shows them as money. */
export const MONEY_FORMAT = '¥#,##0.00';

// One colour per grid code (ARGB); leave codes share one.
const FILL: Record<string, string> = {
  '√': 'FFC6EFCE', 值: 'FFBDD7EE', 迟: 'FFFFEB9C', 旷: 'FFFFC7CE', 早: 'FFF4B084', 差: 'FFD9D2E9', 休: 'FFEDEDED', 待: 'FFFFFFFF',
};
const LEAVE_FILL = 'FFDDEBF7';
const HOLIDAY_FILL = 'FFFFC7CE';
const MAKEUP_FILL = 'FFFFEB9C';
const HEADER_FILL = 'FFD9D9D9';
const PRESENT_CODES = new Set(['√', '值', '迟']);

const TITLE_ROWS = 3;

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
export const fillOf = (cell: string): string | null => {
  const code = baseGridCode(cell);
  return code === '' || code === CORRECTED_MARK ? null : (FILL[code] ?? LEAVE_FILL);
};

/** Printed as finance files it: A4 (paper size 9) landscape, one page wide, as many pages tall as needed, header rows on every page. */
const pageSetup = (headerRows: string): Partial<ExcelJS.PageSetup> => ({
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: headerRows,
  horizontalCentered: true,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
});

function writeTitle(sheet: ExcelJS.Worksheet, lines: string[], width: number): void {
  lines.forEach((text, i) => {
    const row = sheet.addRow([text]);
    row.getCell(1).font = i === 0 ? { bold: true, size: 14 } : { size: 10 };
    sheet.mergeCells(i + 1, 1, i + 1, Math.max(width, 1));
    row.commit();
  });
}

/**
 * The monthly XLSX as a Chinese finance office reads it (DingTalk's 月度汇总 and 考勤表): a title
 * block (company, month, generated time in the company zone, 已结账 with the close time and the
 * snapshot's SHA-256), headers by name, money in yuan with a ¥ number format, a totals row, the
 * grid with weekday and holiday rows and a legend, and a print setup for A4. Streamed row by row.
 */
export async function streamXlsx(response: Response, source: ExportSource, language: Language): Promise<void> {
  response
    .status(200)
    .setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .setHeader('Content-Disposition', attachment(source.month, 'report', 'xlsx'));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: response, useStyles: true, useSharedStrings: false });
  const names = SHEET_NAMES[language];

  const columns = summaryColumns(source.labels, language);
  const summary = workbook.addWorksheet(names.summary, {
    views: [{ state: 'frozen', ySplit: TITLE_ROWS + 1, xSplit: 2 }],
    pageSetup: pageSetup(`${TITLE_ROWS + 1}:${TITLE_ROWS + 1}`),
  });
  summary.columns = columns.map((column, i) => ({ width: i === 1 ? 12 : column.money ? 14 : Math.max(8, Math.min(16, column.header[language].length * (language === 'en' ? 1 : 2) + 2)) }));
  writeTitle(summary, titleLines(source.title, 'summary', language), columns.length);
  const header = summary.addRow(columns.map((column) => column.header[language]));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = solid(HEADER_FILL);
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  header.commit();
  const addSummaryRow = (values: (string | number)[], bold: boolean) => {
    const row = summary.addRow(values.map((value, i) => (columns[i].money ? Number(value) / 100 : value)));
    columns.forEach((column, i) => {
      if (column.money) row.getCell(i + 1).numFmt = MONEY_FORMAT;
    });
    if (bold) row.font = { bold: true };
    row.commit();
  };
  let totals: ReportCountsDto | null = null;
  // exceljs builds each row's XML on this thread: a turn for the event loop every few tens of ms.
  const turns = new Turns();
  for await (const row of source.summaryRows()) {
    totals = addToTotals(totals, row);
    addSummaryRow(columns.map((column) => column.value(row)), false);
    await turns.pass();
  }
  if (totals) addSummaryRow(columns.map((column) => column.value(totalRow(totals as ReportCountsDto, language))), true);
  summary.commit();

  const dayCount = source.days.length;
  const grid = workbook.addWorksheet(names.grid, {
    views: [{ state: 'frozen', ySplit: TITLE_ROWS + 3, xSplit: 2 }],
    pageSetup: pageSetup(`${TITLE_ROWS + 1}:${TITLE_ROWS + 3}`),
  });
  grid.columns = [{ width: 10 }, { width: 12 }, ...source.days.map(() => ({ width: 4.5 }))];
  writeTitle(grid, titleLines(source.title, 'grid', language), dayCount + 2);
  const marks = DAY_MARKS[language];
  const headRows = [
    [...GRID_HEAD[language], ...source.days.map((day) => day.date.slice(8))],
    ['', WEEKDAY_LABEL[language], ...source.days.map((day) => WEEKDAYS[language][DateTime.fromISO(day.date, { zone: 'UTC' }).weekday - 1])],
    ['', DAY_MARK_LABEL[language], ...source.days.map((day) => (day.kind === 'holiday' ? marks.holiday : day.kind === 'makeup_workday' ? marks.makeup_workday : ''))],
  ];
  for (const values of headRows) {
    const row = grid.addRow(values);
    row.eachCell((cell, column) => {
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center' };
      const day = source.days[column - 3];
      cell.fill = solid(day?.kind === 'holiday' ? HOLIDAY_FILL : day?.kind === 'makeup_workday' ? MAKEUP_FILL : HEADER_FILL);
    });
    source.days.forEach((day, i) => {
      if (day.kind === 'holiday' && day.name) row.getCell(i + 3).note = day.name;
    });
    row.commit();
  }
  const present = new Array<number>(dayCount).fill(0);
  for await (const line of source.gridRows()) {
    const row = grid.addRow([line.employeeNo, line.name, ...line.codes]);
    line.codes.forEach((code, i) => {
      if (PRESENT_CODES.has(baseGridCode(code))) present[i] += 1;
      const colour = fillOf(code);
      if (colour) row.getCell(i + 3).fill = solid(colour);
      row.getCell(i + 3).alignment = { horizontal: 'center' };
    });
    row.commit();
    await turns.pass();
  }
  const totalsRow = grid.addRow([totalRow({} as ReportCountsDto, language).employeeNo, PRESENT_COUNT_LABEL[language], ...present]);
  totalsRow.font = { bold: true };
  totalsRow.commit();
  grid.addRow([]).commit();
  const legendTitle = grid.addRow([LEGEND_TITLE[language]]);
  legendTitle.font = { bold: true };
  legendTitle.commit();
  for (const entry of legend(source.labels, language)) {
    const row = grid.addRow([entry.code, entry.meaning]);
    const colour = fillOf(entry.code);
    if (colour) row.getCell(1).fill = solid(colour);
    row.getCell(1).alignment = { horizontal: 'center' };
    row.commit();
  }
  grid.commit();
  await workbook.commit();
}
