import type { EntityManager } from 'typeorm';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DayChanges } from '../policy/day-changes';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { overrideNotFound } from './calendar.errors';
import { MonthLockService } from '../policy/month-lock.service';
import { calendarOn } from '../domain/policy';
import { PolicyRepository } from '../policy/policy.repository';
import { addDays, datesBetween, monthRange } from '../domain/calendar/calendar-day';
import { CalendarMonthDto, PutCalendarDayDto } from './dto/calendar.dto';
import { CalendarOverridesRepository } from '../policy/calendar-overrides.repository';

@Injectable()
export class CalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyRepository,
    private readonly overrides: CalendarOverridesRepository,
    private readonly dayChanges: DayChanges,
    private readonly monthLock: MonthLockService,
    private readonly audit: AuditService,
  ) {}

  async month(month: string): Promise<CalendarMonthDto> {
    const { from, to } = monthRange(month);
    const policy = await this.policies.load(this.dataSource.manager, from, to);
    return { month, days: datesBetween(from, to).map((date) => calendarOn(policy, date)) };
  }

  /** An admin declares or cancels a holiday or a make-up workday; everyone's days around it are recomputed. */
  async put(actor: Actor, date: string, input: PutCalendarDayDto): Promise<CalendarMonthDto['days'][number]> {
    return this.dataSource.transaction(async (manager) => {
      await this.monthLock.assertOpen(manager, [date]);
      const before = await this.overrides.find(manager, date);
      await this.overrides.put(manager, date, input.kind, input.name ?? null, actor.id);
      await this.recomputeAround(manager, date);
      const policy = await this.policies.load(manager, date, date);
      const after = calendarOn(policy, date);
      await this.audit.record(manager, actor, { action: 'calendar.put', entity: 'calendar_override', entityId: date, before, after });
      return after;
    });
  }

  async remove(actor: Actor, date: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.monthLock.assertOpen(manager, [date]);
      const removed = await this.overrides.remove(manager, date);
      if (!removed) throw overrideNotFound(date);
      await this.recomputeAround(manager, date);
      await this.audit.record(manager, actor, { action: 'calendar.delete', entity: 'calendar_override', entityId: date, before: removed, after: null });
    });
  }

  // The neighbours too: a changed day moves the split of the punch windows next to it.
  private recomputeAround(manager: EntityManager, date: string): Promise<void> {
    return this.dayChanges.changed(manager, { staffIds: null, from: addDays(date, -1), to: addDays(date, 1) });
  }
}
