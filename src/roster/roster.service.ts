import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DayChanges } from '../policy/day-changes';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { addDays, datesBetween, monthRange } from '../domain/calendar/calendar-day';
import { MonthLockService } from '../policy/month-lock.service';
import { isEmployedOn } from '../domain/policy';
import { GenerateRosterDto, RosterDayDto, RosterMonthDto } from './dto/roster.dto';
import { notAvailable, rosterDayEmpty, unknownStaffIds } from './roster.errors';
import { RosterRepository, RosterStaff } from './roster.repository';

@Injectable()
export class RosterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roster: RosterRepository,
    private readonly dayChanges: DayChanges,
    private readonly monthLock: MonthLockService,
    private readonly audit: AuditService,
  ) {}

  async month(month: string, manager: EntityManager = this.dataSource.manager): Promise<RosterMonthDto> {
    const { from, to } = monthRange(month);
    const assigned = new Map((await this.roster.between(manager, from, to)).map((row) => [row.date, row]));
    const days: RosterDayDto[] = datesBetween(from, to).map((date) => {
      const row = assigned.get(date);
      return { date, staffId: row?.staff_id ?? null, name: row?.name ?? null, employeeNo: row?.employee_no ?? null, source: row?.source ?? null };
    });
    return { month, days, gaps: days.filter((day) => day.staffId === null).length };
  }

  /** Dates in [from, to] with nobody on duty: a month's report shows them (a close stores the count). */
  gaps(manager: EntityManager, from: string, to: string): Promise<number> {
    return this.roster.gaps(manager, from, to);
  }

  /**
   * H-ATT-2: puts one person on duty. An empty date is inserted (of two concurrent requests the
   * primary key lets exactly one win); an occupied one is reassigned.
   */
  async put(actor: Actor, date: string, staffId: string): Promise<RosterDayDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.monthLock.assertOpen(manager, [date]);
      const person = await this.roster.staff(manager, staffId);
      if (!person || !(await this.isAvailable(manager, person, date))) throw notAvailable(date);
      const current = await this.roster.lockDate(manager, date);
      if (current) await this.roster.reassign(manager, date, staffId, actor.id);
      else await this.roster.insert(manager, date, staffId, 'manual', actor.id);
      await this.recompute(manager, [staffId, ...(current ? [current.staff_id] : [])], date);
      const after = (await this.month(date.slice(0, 7), manager)).days.find((day) => day.date === date) as RosterDayDto;
      await this.audit.record(manager, actor, { action: 'roster.put', entity: 'duty_roster', entityId: date, before: current ? { staffId: current.staff_id } : null, after });
      return after;
    });
  }

  async remove(actor: Actor, date: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.monthLock.assertOpen(manager, [date]);
      const removed = await this.roster.delete(manager, date);
      if (!removed) throw rosterDayEmpty(date);
      await this.recompute(manager, [removed.staff_id], date);
      await this.audit.record(manager, actor, { action: 'roster.delete', entity: 'duty_roster', entityId: date, before: { staffId: removed.staff_id }, after: null });
    });
  }

  /**
   * Fills the month's empty dates round-robin in the given order, skipping whoever is not
   * available that day; never overwrites an assignment (a date nobody can take stays a gap).
   */
  async generate(actor: Actor, input: GenerateRosterDto): Promise<RosterMonthDto> {
    return this.dataSource.transaction(async (manager) => {
      const { from, to } = monthRange(input.month);
      await this.monthLock.assertOpen(manager, [from]);
      const people: (RosterStaff | null)[] = [];
      for (const id of input.staffIds) people.push(await this.roster.staff(manager, id));
      const unknown = input.staffIds.filter((_, i) => people[i] === null);
      if (unknown.length > 0) throw unknownStaffIds(unknown);
      const rotation = people as RosterStaff[];
      const taken = new Set((await this.roster.between(manager, from, to)).map((row) => row.date));
      const onLeave = await this.roster.onLeaveBetween(manager, input.staffIds, from, to);
      const generated: { date: string; staffId: string }[] = [];
      let next = 0;
      for (const date of datesBetween(from, to)) {
        if (taken.has(date)) continue;
        for (let tried = 0; tried < rotation.length; tried++) {
          const candidate = rotation[(next + tried) % rotation.length];
          if (candidate.active && isEmployedOn(candidate, date) && !onLeave.has(`${candidate.id}|${date}`)) {
            generated.push({ date, staffId: candidate.id });
            next = (next + tried + 1) % rotation.length;
            break;
          }
        }
      }
      const inserted = await this.roster.insertMany(manager, generated, actor.id);
      if (inserted.length > 0) {
        await this.dayChanges.changed(manager, { staffIds: [...new Set(inserted.map((row) => row.staffId))], from: addDays(from, -1), to });
      }
      await this.audit.record(manager, actor, { action: 'roster.generate', entity: 'duty_roster', entityId: input.month, after: { assigned: inserted } });
      return this.month(input.month, manager);
    });
  }

  private async isAvailable(manager: EntityManager, person: RosterStaff, date: string): Promise<boolean> {
    if (!person.active || !isEmployedOn(person, date)) return false;
    return !(await this.roster.onLeaveBetween(manager, [person.id], date, date)).has(`${person.id}|${date}`);
  }

  private async recompute(manager: EntityManager, staffIds: string[], date: string): Promise<void> {
    await this.dayChanges.changed(manager, { staffIds: [...new Set(staffIds)], from: addDays(date, -1), to: addDays(date, 1) });
  }
}
