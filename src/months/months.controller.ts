import { Body, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-docs';
import { ActionRoute, ReadRoute, SignedInController } from '../common/routes';
import { validationFailed } from '../domain/errors/domain-error';
import { MONTH_PATTERN } from '../common/validators';
import { ClosedMonthReportDto, MonthDto, MonthListDto, ReopenMonthDto } from './dto/month.dto';
import { MonthsService } from './months.service';

const monthParam = {
  transform(value: unknown): string {
    if (typeof value === 'string' && MONTH_PATTERN.test(value)) return value;
    throw validationFailed([{ field: 'month', message: 'month must be YYYY-MM' }]);
  },
};
const ApiMonthParam = () => ApiParam({ name: 'month', schema: { type: 'string', pattern: MONTH_PATTERN.source, maxLength: 7 }, example: '2026-11' });

@SignedInController('months')
export class MonthsController {
  constructor(private readonly months: MonthsService) {}

  @ReadRoute(undefined, MonthListDto, { summary: 'Months with their state and every close', errors: [403] })
  @Roles('finance', 'admin')
  async list(): Promise<MonthListDto> {
    return { items: await this.months.list() };
  }

  @ActionRoute(':month/close', MonthDto, {
    summary: 'Close a month (finance) — H-ORG-2',
    description: 'Allowed once the month is over and no day is pending. Stores the report as an immutable snapshot with a SHA-256 of its canonical JSON and locks the month: every write that would change one of its days gets 409 MONTH_CLOSED.',
    errors: [400, 403, 409, 422],
  })
  @Roles('finance')
  @ApiMonthParam()
  close(@CurrentActor() actor: Actor, @Param('month', monthParam) month: string): Promise<MonthDto> {
    return this.months.close(actor, month);
  }

  @ActionRoute(':month/reopen', MonthDto, { summary: 'Reopen a closed month with a reason (finance); the snapshot is kept', errors: [400, 403, 409] })
  @Roles('finance')
  @ApiMonthParam()
  reopen(@CurrentActor() actor: Actor, @Param('month', monthParam) month: string, @Body() body: ReopenMonthDto): Promise<MonthDto> {
    return this.months.reopen(actor, month, body.reason);
  }

  @Get(':month/report')
  @Roles('finance', 'admin')
  @ApiMonthParam()
  @ApiOperation({ summary: 'The latest closed snapshot of a month, byte for byte (X-Content-SHA256 carries its hash)' })
  @ApiOkResponse({
    description: 'The canonical JSON stored at the close',
    type: ClosedMonthReportDto,
    headers: {
      'X-Content-SHA256': { description: 'SHA-256 of the body, hex', schema: { type: 'string', pattern: '^[0-9a-f]{64}$', maxLength: 64 } },
      ETag: { description: 'The SHA-256 in quotes: send it as If-None-Match to be answered 304 while the snapshot is the same', schema: { type: 'string', pattern: '^"[0-9a-f]{64}"$', maxLength: 66 } },
    },
  })
  @ApiResponse({ status: 304, description: 'Not modified: If-None-Match named the latest snapshot\'s ETag; no body' })
  @ApiErrors(400, 403, 404)
  async report(@Param('month', monthParam) month: string, @Res() response: Response): Promise<void> {
    const { body, sha256 } = await this.months.report(month);
    // The stored hash is the ETag: Express would otherwise hash the whole body again (11.6 MB at
    // 10,000 people) on the thread that serves every request.
    response
      .status(200)
      .setHeader('Content-Type', 'application/json; charset=utf-8')
      .setHeader('X-Content-SHA256', sha256)
      .setHeader('ETag', `"${sha256}"`)
      .send(Buffer.from(body, 'utf8'));
  }
}
