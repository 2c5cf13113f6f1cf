import { Body, Param, Query } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiDateParam } from '../common/api-docs';
import { MonthQueryDto } from '../common/month-query.dto';
import { dateParam } from '../common/params';
import { DeleteRoute, PutRoute, ReadRoute, SignedInController } from '../common/routes';
import { CalendarService } from './calendar.service';
import { CalendarDayDto, CalendarMonthDto, PutCalendarDayDto } from './dto/calendar.dto';

@SignedInController('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @ReadRoute(undefined, CalendarMonthDto, { summary: 'Each date of a month with its kind and where it came from (H-ATT-2)', description: "China's statutory holidays and make-up workdays come from the pinned chinese-days package; an admin can override any date.", errors: [400] })
  month(@Query() query: MonthQueryDto): Promise<CalendarMonthDto> {
    return this.calendar.month(query.month);
  }

  @PutRoute(':date', CalendarDayDto, { summary: 'Override a date: declare or cancel a holiday, add a make-up workday (admin)', errors: [400, 403, 409] })
  @Roles('admin')
  @ApiDateParam('2026-10-01')
  put(@CurrentActor() actor: Actor, @Param('date', dateParam()) date: string, @Body() body: PutCalendarDayDto): Promise<CalendarDayDto> {
    return this.calendar.put(actor, date, body);
  }

  @DeleteRoute(':date', 'Removed', { summary: 'Remove an override: the date follows the statutory calendar and the work week again (admin)', errors: [400, 403, 404, 409] })
  @Roles('admin')
  @ApiDateParam('2026-10-01')
  async remove(@CurrentActor() actor: Actor, @Param('date', dateParam()) date: string): Promise<void> {
    await this.calendar.remove(actor, date);
  }
}
