import { Body, Query } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ActionRoute, ReadRoute, SignedInController } from '../common/routes';
import type { Language } from '../domain/i18n/language';
import { ReaderLanguage } from '../common/i18n/request-language';
import { MonthQueryDto, StaffMonthQueryDto } from '../common/month-query.dto';
import { AttendanceViewService } from './attendance-view.service';
import { AttendanceDayDto, AttendanceMonthDto, RecomputeResultDto } from './dto/attendance-day.dto';

@SignedInController('attendance')
export class AttendanceController {
  constructor(private readonly view: AttendanceViewService) {}

  @ReadRoute(undefined, AttendanceMonthDto, {
    summary: "One explained result per date of a person's month (H-ATT-1, H-ATT-5 … H-ATT-9)",
    description:
      'Always up to date: results are recomputed whenever an input changes, and pending days are finalised once their punch window closes. ' +
      'Punches are compared to the second; partial minutes of lateness and early leave round up. Visible as staff records are. ' +
      'Each day carries its facts (for machines) and the same facts as sentences in the reader\'s language (Accept-Language: zh-CN or en; else the company default).',
    errors: [400, 404],
  })
  month(@CurrentActor() actor: Actor, @Query() query: StaffMonthQueryDto, @ReaderLanguage() language: Language): Promise<AttendanceMonthDto> {
    return this.view.month(actor, query.staffId, query.month, language);
  }

  @ReadRoute('today', AttendanceDayDto, { summary: "The signed-in employee's result for today so far" })
  today(@CurrentActor() actor: Actor, @ReaderLanguage() language: Language): Promise<AttendanceDayDto> {
    return this.view.today(actor, language);
  }

  @ActionRoute('recompute', RecomputeResultDto, { summary: 'Rebuild a month from its inputs (admin, finance)', description: 'Idempotent: running it twice changes nothing. 409 MONTH_CLOSED for a closed month.', errors: [400, 403, 409] })
  @Roles('admin', 'finance')
  recompute(@Body() body: MonthQueryDto): Promise<RecomputeResultDto> {
    return this.view.recomputeMonth(body.month);
  }
}
