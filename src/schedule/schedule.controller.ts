import { Query } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AttendanceService } from '../attendance/attendance.service';
import type { Actor } from '../domain/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { datesBetween, monthRange } from '../domain/calendar/calendar-day';
import { StaffMonthQueryDto } from '../common/month-query.dto';
import { ReadRoute, SignedInController } from '../common/routes';
import { StaffAccessService } from '../staff/staff-access.service';
import { ScheduleDayDto, ScheduleMonthDto } from './dto/schedule.dto';
import { calendarOn } from '../domain/policy';

@SignedInController('schedule')
export class ScheduleController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attendance: AttendanceService,
    private readonly access: StaffAccessService,
  ) {}

  @ReadRoute(undefined, ScheduleMonthDto, { summary: "A person's schedule for a month: office, duty or off, with local and absolute times and punch windows (H-ATT-2/3/4)", errors: [400, 404] })
  async month(@CurrentActor() actor: Actor, @Query() query: StaffMonthQueryDto): Promise<ScheduleMonthDto> {
    await this.access.assertVisible(actor, query.staffId);
    const { from, to } = monthRange(query.month);
    const { policy, people } = await this.attendance.compute(this.dataSource.manager, { staffIds: [query.staffId], from, to });
    const computed = new Map((people.get(query.staffId)?.days ?? []).map((day) => [day.schedule.date, day]));
    const local = (instant: Date, date: string) => {
      const time = DateTime.fromJSDate(instant, { zone: policy.timeZone });
      return time.toISODate() === date ? time.toFormat('HH:mm') : time.toFormat('HH:mm') === '00:00' ? '24:00' : time.toFormat('HH:mm');
    };
    const days: ScheduleDayDto[] = datesBetween(from, to).map((date) => {
      const day = computed.get(date);
      const calendar = day?.schedule.calendar ?? calendarOn(policy, date);
      const sessions = day?.schedule.shift?.sessions ?? [];
      return {
        date,
        calendarKind: calendar.kind,
        calendarName: calendar.name,
        schedule: day?.schedule.reason ?? 'not_employed',
        sessions: sessions.map((session) => ({ start: local(session.start, date), end: local(session.end, date), startAt: session.start.toISOString(), endAt: session.end.toISOString() })),
        windowOpen: day?.window?.open.toISOString() ?? null,
        windowClose: day?.window?.close.toISOString() ?? null,
      };
    });
    return { staffId: query.staffId, timeZone: policy.timeZone, days };
  }
}
