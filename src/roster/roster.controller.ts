import { Body, Param, Query } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiDateParam } from '../common/api-docs';
import { MonthQueryDto } from '../common/month-query.dto';
import { dateParam } from '../common/params';
import { ActionRoute, DeleteRoute, PutRoute, ReadRoute, SignedInController } from '../common/routes';
import { GenerateRosterDto, PutRosterDto, RosterDayDto, RosterMonthDto } from './dto/roster.dto';
import { RosterService } from './roster.service';

@SignedInController('roster')
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @ReadRoute(undefined, RosterMonthDto, { summary: 'The duty roster of a month, gaps included (H-ATT-2: exactly one person on duty per date)', errors: [400] })
  month(@Query() query: MonthQueryDto): Promise<RosterMonthDto> {
    return this.roster.month(query.month);
  }

  @PutRoute(':date', RosterDayDto, { summary: 'Put someone on duty on a date (admin)', description: 'Replaces whoever was on duty. Two concurrent requests for an empty date: one wins, the other gets 409 DUTY_DATE_TAKEN.', errors: [400, 403, 409, 422] })
  @Roles('admin')
  @ApiDateParam('2026-11-03')
  put(@CurrentActor() actor: Actor, @Param('date', dateParam()) date: string, @Body() body: PutRosterDto): Promise<RosterDayDto> {
    return this.roster.put(actor, date, body.staffId);
  }

  @DeleteRoute(':date', 'Removed', { summary: 'Leave a date without a duty person (admin); the gap shows in the roster and the report', errors: [400, 403, 404, 409] })
  @Roles('admin')
  @ApiDateParam('2026-11-03')
  async remove(@CurrentActor() actor: Actor, @Param('date', dateParam()) date: string): Promise<void> {
    await this.roster.remove(actor, date);
  }

  @ActionRoute('generate', RosterMonthDto, { summary: "Fill a month's empty dates round-robin (admin)", description: 'In the given order, skipping people who are inactive, not yet hired, gone, or on approved leave that day; never overwrites an assignment.', errors: [400, 403, 409, 422] })
  @Roles('admin')
  generate(@CurrentActor() actor: Actor, @Body() body: GenerateRosterDto): Promise<RosterMonthDto> {
    return this.roster.generate(actor, body);
  }
}
