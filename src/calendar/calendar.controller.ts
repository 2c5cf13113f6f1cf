import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiSignedIn } from '../common/api-docs';
import { MonthQueryDto } from '../common/month-query.dto';
import { dateParam } from '../common/params';
import { CalendarService } from './calendar.service';
import { CalendarDayDto, CalendarMonthDto, PutCalendarDayDto } from './dto/calendar.dto';

const ApiDateParam = () => ApiParam({ name: 'date', schema: { type: 'string', format: 'date', maxLength: 10 }, example: '2026-10-01' });

@ApiTags('calendar')
@ApiSignedIn()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOperation({ summary: 'Each date of a month with its kind and where it came from (H-ATT-2)', description: "China's statutory holidays and make-up workdays come from the pinned chinese-days package; an admin can override any date." })
  @ApiOkResponse({ type: CalendarMonthDto })
  @ApiErrors(400)
  month(@Query() query: MonthQueryDto): Promise<CalendarMonthDto> {
    return this.calendar.month(query.month);
  }

  @Put(':date')
  @Roles('admin')
  @ApiDateParam()
  @ApiOperation({ summary: 'Override a date: declare or cancel a holiday, add a make-up workday (admin)' })
  @ApiOkResponse({ type: CalendarDayDto })
  @ApiErrors(400, 403, 409)
  put(@CurrentActor() actor: Actor, @Param('date', dateParam()) date: string, @Body() body: PutCalendarDayDto): Promise<CalendarDayDto> {
    return this.calendar.put(actor, date, body);
  }

  @Delete(':date')
  @HttpCode(204)
  @Roles('admin')
  @ApiDateParam()
  @ApiOperation({ summary: 'Remove an override: the date follows the statutory calendar and the work week again (admin)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 403, 404, 409)
  async remove(@CurrentActor() actor: Actor, @Param('date', dateParam()) date: string): Promise<void> {
    await this.calendar.remove(actor, date);
  }
}
