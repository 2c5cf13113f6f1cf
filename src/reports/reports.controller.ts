import { Body, Controller, Get, Headers, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiSignedIn } from '../common/api-docs';
import { FinancePolicyDto, FinancePolicyListDto, MonthlyGridDto, MonthlyReportDto, PutFinancePolicyDto, ReportQueryDto } from './dto/report.dto';
import { FinancePolicyService } from './finance-policy.service';
import { MonthlyReportRepository } from './monthly-report.repository';
import { MonthlyReportService } from './monthly-report.service';
import { ApiReportResponse, XLSX } from './report-api-docs';
import { streamGridCsv, streamSummaryCsv, streamXlsx } from './report-export';

function formatOf(query: ReportQueryDto, accept: string | undefined): 'json' | 'csv' | 'xlsx' {
  if (query.format) return query.format;
  if (accept?.includes('text/csv')) return 'csv';
  if (accept?.includes(XLSX)) return 'xlsx';
  return 'json';
}

@ApiTags('reports')
@ApiSignedIn()
@Controller()
export class ReportsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: MonthlyReportService,
    private readonly repository: MonthlyReportRepository,
    private readonly policies: FinancePolicyService,
  ) {}

  @Get('reports/monthly')
  @ApiOperation({
    summary: "The monthly attendance report (H-ORG-2, H-ATT-1, H-ATT-7)",
    description:
      'One row per person employed at any time in the month; finance and admin see everyone, a supervisor their reports, an employee their own row. ' +
      'JSON (paginated, with company totals), CSV (UTF-8 with BOM; ?lang=zh for Chinese headers) or XLSX (summary and grid sheets), by ?format= or Accept. CSV and XLSX stream.',
  })
  @ApiReportResponse(MonthlyReportDto, 'The report')
  @ApiErrors(400)
  async monthly(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto, @Headers('accept') accept: string | undefined, @Res() response: Response): Promise<void> {
    const format = formatOf(query, accept);
    if (format === 'json') {
      response.json(await this.reports.json(actor, query.month, query.page, query.pageSize));
      return;
    }
    const context = await this.reports.context(actor, query.month);
    const types = await this.repository.leaveTypes(this.dataSource.manager);
    if (format === 'csv') await streamSummaryCsv(response, this.dataSource, this.repository.reportSql(), context, types, query.lang ?? 'en');
    else await streamXlsx(response, this.dataSource, this.repository.reportSql(), context, types, query.lang ?? 'en');
  }

  @Get('reports/monthly/grid')
  @ApiOperation({
    summary: 'The daily grid (考勤表): one line per person, one code per date',
    description: '√ present, 迟 late, 旷 absence, 早 early leave (counted as absence), 事/病/婚/丧 leave, 差 business trip, 休 holiday or rest, 值 on duty, 待 pending, empty: not employed.',
  })
  @ApiReportResponse(MonthlyGridDto, 'The grid (as XLSX: the same workbook as the report, whose second sheet is the grid)')
  @ApiErrors(400)
  async grid(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto, @Headers('accept') accept: string | undefined, @Res() response: Response): Promise<void> {
    const format = formatOf(query, accept);
    if (format === 'json') {
      response.json(await this.reports.grid(actor, query.month, query.page, query.pageSize));
      return;
    }
    const context = await this.reports.context(actor, query.month);
    if (format === 'csv') await streamGridCsv(response, this.dataSource, context, query.lang ?? 'en');
    else await streamXlsx(response, this.dataSource, this.repository.reportSql(), context, await this.repository.leaveTypes(this.dataSource.manager), query.lang ?? 'en');
  }

  @Get('finance-policy')
  @Roles('finance', 'admin')
  @ApiOperation({ summary: "Finance's penalty and bonus policy, every version (H-ATT-7)" })
  @ApiOkResponse({ type: FinancePolicyListDto })
  @ApiErrors(403)
  async policyVersions(): Promise<FinancePolicyListDto> {
    return { items: await this.policies.versions() };
  }

  @Put('finance-policy')
  @Roles('finance')
  @ApiOperation({ summary: "Set finance's policy from a month on (finance) — 考勤奖惩以财务制度为准", description: 'Amounts in integer fen. 409 MONTH_CLOSED for a closed month.' })
  @ApiOkResponse({ type: FinancePolicyDto })
  @ApiErrors(400, 403, 409)
  putPolicy(@CurrentActor() actor: Actor, @Body() body: PutFinancePolicyDto): Promise<FinancePolicyDto> {
    return this.policies.put(actor, body);
  }
}
