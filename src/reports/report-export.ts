import type { Response } from 'express';
import { csvCell } from './csv-cell';
import type { Language } from '../domain/i18n/language';
import type { ReportCountsDto, ReportRowDto } from './dto/report.dto';
import { GRID_HEAD, summaryColumns, TOTAL_LABEL, yuan } from './export/export-labels';
import type { ExportSource } from './export/export-source.service';
import { addToTotals } from './monthly-report.service';

export async function write(response: Response, text: string): Promise<void> {
  if (!response.write(text)) await new Promise<void>((resolve) => response.once('drain', () => resolve()));
}

export const attachment = (month: string, kind: string, extension: string) => `attachment; filename="kaoqin-${kind}-${month}.${extension}"`;

/** The totals line of a summary: counts summed, the label in the first column. */
export const totalRow = (totals: ReportCountsDto, language: Language) =>
  ({ ...totals, staffId: '', employeeNo: TOTAL_LABEL[language], name: '', positionCode: null }) as ReportRowDto;

/**
 * CSV with a BOM (so that Excel reads UTF-8), in the reader's language: positions and leave types
 * by name, money in yuan with two decimals (JSON keeps integer fen), a totals line at the end.
 */
export async function streamSummaryCsv(response: Response, source: ExportSource, language: Language): Promise<void> {
  const columns = summaryColumns(source.labels, language);
  const line = (row: ReportRowDto) => columns.map((column) => { const value = column.value(row); return csvCell(column.money ? yuan(Number(value)) : value); }).join(',');
  response.status(200).setHeader('Content-Type', 'text/csv; charset=utf-8').setHeader('Content-Disposition', attachment(source.month, 'report', 'csv'));
  await write(response, `\uFEFF${columns.map((column) => csvCell(column.header[language])).join(',')}\r\n`);
  let totals: ReportCountsDto | null = null;
  for await (const row of source.summaryRows()) {
    totals = addToTotals(totals, row);
    await write(response, `${line(row)}\r\n`);
  }
  if (totals) await write(response, `${line(totalRow(totals, language))}\r\n`);
  response.end();
}

export async function streamGridCsv(response: Response, source: ExportSource, language: Language): Promise<void> {
  response.status(200).setHeader('Content-Type', 'text/csv; charset=utf-8').setHeader('Content-Disposition', attachment(source.month, 'grid', 'csv'));
  await write(response, `\uFEFF${[...GRID_HEAD[language], ...source.days.map((day) => day.date.slice(8))].map(csvCell).join(',')}\r\n`);
  for await (const row of source.gridRows()) {
    await write(response, `${[row.employeeNo, row.name, ...row.codes].map(csvCell).join(',')}\r\n`);
  }
  response.end();
}
