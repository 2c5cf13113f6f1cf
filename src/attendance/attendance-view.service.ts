import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../domain/actor';
import { addDays, datesBetween, monthRange } from '../domain/calendar/calendar-day';
import { calendarOn } from '../domain/policy';
import { PolicyRepository } from '../policy/policy.repository';
import { MonthLockService } from '../policy/month-lock.service';
import { StaffAccessService } from '../staff/staff-access.service';
import { AttendanceRepository } from './attendance.repository';
import { CompanyClock } from '../policy/company-clock';
import { AttendanceService } from './attendance.service';
import type { Language } from '../domain/i18n/language';
import { notEmployedFact } from '../domain/attendance/explain';
import { explainDay } from '../domain/attendance/sentences';
import { AttendanceDayDto, AttendanceMonthDto, computedToDayDto, RecomputeResultDto, toDayDto } from './dto/attendance-day.dto';

/** Reading day results: stored ones up to today (brought up to date first), computed ones after. */
@Injectable()
export class AttendanceViewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attendance: AttendanceService,
    private readonly companyClock: CompanyClock,
    private readonly days: AttendanceRepository,
    private readonly access: StaffAccessService,
    private readonly monthLock: MonthLockService,
    private readonly policies: PolicyRepository,
  ) {}

  async month(actor: Actor, staffId: string, month: string, language: Language): Promise<AttendanceMonthDto> {
    await this.access.assertVisible(actor, staffId);
    const { from, to } = monthRange(month);
    return { staffId, month, days: await this.between(staffId, from, to, language) };
  }

  async today(actor: Actor, language: Language): Promise<AttendanceDayDto> {
    const today = await this.companyClock.today();
    return (await this.between(actor.id, today, today, language))[0];
  }

  /** finance/admin: rebuild a month from its inputs. Idempotent; a closed month is refused. */
  async recomputeMonth(month: string): Promise<RecomputeResultDto> {
    const { from, to } = monthRange(month);
    return this.dataSource.transaction(async (manager) => {
      await this.monthLock.assertOpen(manager, [from]);
      const today = await this.companyClock.today(manager);
      const last = to < today ? to : today;
      if (from <= last) await this.attendance.recompute(manager, { staffIds: null, from, to: last });
      return { month, days: await this.days.countBetween(manager, from, to) };
    });
  }

  private async between(staffId: string, from: string, to: string, language: Language): Promise<AttendanceDayDto[]> {
    const today = await this.companyClock.today();
    const storedTo = to < today ? to : today;
    const result = new Map<string, AttendanceDayDto>();
    if (from <= storedTo) {
      await this.attendance.ensureFresh({ staffIds: [staffId], from, to: storedTo });
      for (const day of await this.days.daysOf(this.dataSource.manager, staffId, from, storedTo)) result.set(day.date, toDayDto(day, language));
    }
    const futureFrom = addDays(today, 1) > from ? addDays(today, 1) : from;
    if (futureFrom <= to) {
      const { people } = await this.attendance.compute(this.dataSource.manager, { staffIds: [staffId], from: futureFrom, to });
      for (const day of people.get(staffId)?.days ?? []) if (day.schedule.employed) result.set(day.schedule.date, computedToDayDto(day, language));
    }
    return this.fillNotEmployed(from, to, result, language);
  }

  /** Dates without a result are dates the person was not employed on (H-ATT-1 has no category for them). */
  private async fillNotEmployed(from: string, to: string, known: Map<string, AttendanceDayDto>, language: Language): Promise<AttendanceDayDto[]> {
    const policy = known.size === datesBetween(from, to).length ? null : await this.policies.load(this.dataSource.manager, from, to);
    const out: AttendanceDayDto[] = [];
    for (const date of datesBetween(from, to)) {
      const facts = [notEmployedFact(date)];
      out.push(
        known.get(date) ?? {
          date, status: 'not_employed', calendarKind: policy ? calendarOn(policy, date).kind : 'workday', onDuty: false, shiftCode: null, leaveTypeCode: null, firstIn: null, lastOut: null,
          lateMinutes: 0, earlyMinutes: 0, workedMinutes: 0, missingIn: false, missingOut: false, earlyLeave: false, seriousLate: false,
          absenceDays: 0, leaveDays: 0, exemptDays: 0, overtimeKind: null, overtimeMinutes: 0, lieuMinutes: 0, facts, explanation: explainDay(facts, date, language),
        },
      );
    }
    return out;
  }
}
