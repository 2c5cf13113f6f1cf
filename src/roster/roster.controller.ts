import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiSignedIn } from '../common/api-docs';
import { MonthQueryDto } from '../common/month-query.dto';
import { dateParam } from '../common/params';
import { GenerateRosterDto, PutRosterDto, RosterDayDto, RosterMonthDto } from './dto/roster.dto';
import { RosterService } from './roster.service';

const ApiDateParam = () => ApiParam({ name: 'date', schema: { type: 'string', format: 'date', maxLength: 10 }, example: '2026-11-03' });

@ApiTags('roster')
@ApiSignedIn()
@Controller('roster')
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @Get()
  @ApiOperation({ summary: 'The duty roster of a month, gaps included (H-ATT-2: exactly one person on duty per date)' })
  @ApiOkResponse({ type: RosterMonthDto })
  @ApiErrors(400)
  month(@Query() query: MonthQueryDto): Promise<RosterMonthDto> {
    return this.roster.month(query.month);
  }

  @Put(':date')
  @Roles('admin')
  @ApiDateParam()
  @ApiOperation({ summary: 'Put someone on duty on a date (admin)', description: 'Replaces whoever was on duty. Two concurrent requests for an empty date: one wins, the other gets 409 DUTY_DATE_TAKEN.' })
  @ApiOkResponse({ type: RosterDayDto })
  @ApiErrors(400, 403, 409, 422)
  put(@CurrentActor() actor: Actor, @Param('date', dateParam()) date: string, @Body() body: PutRosterDto): Promise<RosterDayDto> {
    return this.roster.put(actor, date, body.staffId);
  }

  @Delete(':date')
  @HttpCode(204)
  @Roles('admin')
  @ApiDateParam()
  @ApiOperation({ summary: 'Leave a date without a duty person (admin); the gap shows in the roster and the report' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 403, 404, 409)
  async remove(@CurrentActor() actor: Actor, @Param('date', dateParam()) date: string): Promise<void> {
    await this.roster.remove(actor, date);
  }

  @Post('generate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: "Fill a month's empty dates round-robin (admin)", description: 'In the given order, skipping people who are inactive, not yet hired, gone, or on approved leave that day; never overwrites an assignment.' })
  @ApiOkResponse({ type: RosterMonthDto })
  @ApiErrors(400, 403, 409, 422)
  generate(@CurrentActor() actor: Actor, @Body() body: GenerateRosterDto): Promise<RosterMonthDto> {
    return this.roster.generate(actor, body);
  }
}
