import { Body, Headers, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { PutRoute, ReadRoute, SignedInController } from '../common/routes';
import { languageFromQuery } from '../domain/i18n/language';
import type { Language } from '../domain/i18n/language';
import { ReaderLanguage } from '../common/i18n/request-language';
import { FinancePolicyDto, FinancePolicyListDto, MonthlyGridDto, MonthlyReportDto, MonthlyReportQueryDto, PutFinancePolicyDto, ReportQueryDto } from './dto/report.dto';
import { FinancePolicyService } from './finance-policy.service';
import { ExportSourceService } from './export/export-source.service';
import { streamXlsx } from './export/xlsx-export';
import { MonthlyReportService } from './monthly-report.service';
import { ReportRoute, XLSX } from './report-api-docs';
import { streamGridCsv, streamSummaryCsv } from './report-export';

type Format = 'json' | 'csv' | 'xlsx';

/** What differs between the summary and the grid: the JSON page, and the CSV (XLSX holds both as sheets). */
interface ReportFormats {
  json: () => Promise<unknown>;
  csv: typeof streamSummaryCsv;
}

function formatOf(query: ReportQueryDto, accept: string | undefined): Format {
  if (query.format) return query.format;
  if (accept?.includes('text/csv')) return 'csv';
  if (accept?.includes(XLSX)) return 'xlsx';
  return 'json';
}

@SignedInController('reports', '/')
export class ReportsController {
  constructor(
    private readonly reports: MonthlyReportService,
    private readonly exports: ExportSourceService,
    private readonly policies: FinancePolicyService,
  ) {}

  @ReportRoute('reports/monthly', MonthlyReportDto, 'The report', {
    summary: "The monthly attendance report (H-ORG-2, H-ATT-1, H-ATT-7)",
    description:
      'One row per person employed at any time in the month; finance and admin see everyone, a supervisor their reports, an employee their own row. ' +
      'JSON (paginated, with company totals; money in integer fen), CSV (UTF-8 with BOM) or XLSX (汇总 and 考勤表 sheets), by ?format= or Accept. ' +
      "CSV and XLSX are in ?lang=, else Accept-Language, else the company's default language (zh-CN): positions and leave types by name, money in yuan (XLSX: numbers formatted ¥#,##0.00), " +
      'a title block with the company, month, generated time and, for a closed month, 已结账 with the close time and snapshot SHA-256; A4 landscape print setup. ' +
      'An open month streams from the stored days; a closed month is built from its snapshot, so it is the same at every download except the generated time.',
  })
  monthly(@CurrentActor() actor: Actor, @Query() query: MonthlyReportQueryDto, @Headers('accept') accept: string | undefined, @ReaderLanguage() reader: Language, @Res() response: Response): Promise<void> {
    return this.send({ json: () => this.reports.json(actor, query.month, query.page, query.pageSize), csv: streamSummaryCsv }, actor, query, formatOf(query, accept), reader, response);
  }

  @ReportRoute('reports/monthly/grid', MonthlyGridDto, 'The grid (as XLSX: the same workbook as the report, whose second sheet is the grid)', {
    summary: 'The daily grid (考勤表): one line per person, one code per date',
    description: '√ present, 迟 late, 旷 absence, 早 early leave (counted as absence), 事/病/婚/丧 leave, 差 business trip, 休 holiday or rest, 值 on duty, 待 pending, empty: not employed.',
  })
  grid(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto, @Headers('accept') accept: string | undefined, @ReaderLanguage() reader: Language, @Res() response: Response): Promise<void> {
    return this.send({ json: () => this.reports.grid(actor, query.month, query.page, query.pageSize), csv: streamGridCsv }, actor, query, formatOf(query, accept), reader, response);
  }

  @ReadRoute('finance-policy', FinancePolicyListDto, { summary: "Finance's penalty and bonus policy, every version (H-ATT-7)", errors: [403] })
  @Roles('finance', 'admin')
  async policyVersions(): Promise<FinancePolicyListDto> {
    return { items: await this.policies.versions() };
  }

  @PutRoute('finance-policy', FinancePolicyDto, { summary: "Set finance's policy from a month on (finance) — 考勤奖惩以财务制度为准", description: 'Amounts in integer fen. 409 MONTH_CLOSED for a closed month.', errors: [400, 403, 409] })
  @Roles('finance')
  putPolicy(@CurrentActor() actor: Actor, @Body() body: PutFinancePolicyDto): Promise<FinancePolicyDto> {
    return this.policies.put(actor, body);
  }

  /** One report in the asked format: JSON a page at a time, CSV and XLSX streamed whole in the reader's language. */
  private async send(report: ReportFormats, actor: Actor, query: ReportQueryDto, format: Format, reader: Language, response: Response): Promise<void> {
    if (format === 'json') {
      response.json(await report.json());
      return;
    }
    const source = await this.exports.source(actor, query.month);
    const language = languageFromQuery(query.lang) ?? reader;
    if (format === 'csv') await report.csv(response, source, language);
    else await streamXlsx(response, source, language);
  }
}
