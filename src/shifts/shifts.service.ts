import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildShiftDay, shiftEnd, shiftStart } from '../domain/attendance/schedule';
import { CompanyClock } from '../policy/company-clock';
import { DayChanges } from '../policy/day-changes';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { addDays } from '../domain/calendar/calendar-day';
import { sessionsOutOfOrder, shiftsOverlap } from './shifts.errors';
import { MonthLockService } from '../policy/month-lock.service';
import { monthsBetween } from '../settings/settings.service';
import { versionOn } from '../domain/settings';
import { PutShiftDto, ShiftDto, ShiftVersionDto } from './dto/shift.dto';
import { ShiftCode, SHIFT_CODES, ShiftVersion } from '../domain/shifts';
import { ShiftsRepository } from '../policy/shifts.repository';

@Injectable()
export class ShiftsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shifts: ShiftsRepository,
    private readonly dayChanges: DayChanges,
    private readonly companyClock: CompanyClock,
    private readonly monthLock: MonthLockService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ShiftDto[]> {
    const [versions, today] = await Promise.all([this.shifts.versions(), this.companyClock.today()]);
    return SHIFT_CODES.map((code) => {
      const own = versions.filter((version) => version.code === code);
      return { code, sessions: versionOn(own, today).sessions, versions: own.map(({ effectiveFrom, sessions }) => ({ effectiveFrom, sessions })) };
    });
  }

  /** New sessions for a shift from a date on (H-ATT-3, H-ATT-4); earlier days keep theirs. */
  async put(actor: Actor, code: ShiftCode, input: PutShiftDto): Promise<ShiftVersionDto> {
    try {
      // Any date will do to check order and overlap: the sessions are wall-clock times.
      buildShiftDay('2026-01-05', { code, sessions: input.sessions }, 'UTC');
    } catch (error) {
      throw sessionsOutOfOrder((error as Error).message);
    }
    return this.dataSource.transaction(async (manager) => {
      const all = await this.shifts.versions(manager);
      const clash = nextDayClash(all, { code, effectiveFrom: input.effectiveFrom, sessions: input.sessions });
      if (clash) throw shiftsOverlap(clash.first, clash.second);
      const versions = all.filter((version) => version.code === code);
      const next = versions.find((version) => version.effectiveFrom > input.effectiveFrom);
      const today = await this.companyClock.today(manager);
      const until = next ? addDays(next.effectiveFrom, -1) : today > input.effectiveFrom ? today : input.effectiveFrom;
      await this.monthLock.assertOpen(manager, monthsBetween(input.effectiveFrom, until < input.effectiveFrom ? input.effectiveFrom : until));
      const before = versions.find((version) => version.effectiveFrom === input.effectiveFrom) ?? null;
      const sessions = input.sessions.map(({ start, end }) => ({ start, end }));
      await this.shifts.upsert(manager, { code, effectiveFrom: input.effectiveFrom, sessions }, actor.id);
      await this.dayChanges.changedFrom(manager, { staffIds: null, from: input.effectiveFrom, until: next ? addDays(next.effectiveFrom, -1) : undefined });
      const after = { effectiveFrom: input.effectiveFrom, sessions };
      await this.audit.record(manager, actor, { action: 'shift.put', entity: 'shift_version', entityId: `${code}:${input.effectiveFrom}`, before, after });
      return after;
    });
  }
}

/**
 * A shift may run past midnight (duty until 24:00, or later), but it must end before any shift
 * of the next day starts: otherwise one instant would belong to two days' punch windows (H-ATT-4).
 * Checked for every pair of the versions that can be in force from the day before the new one on,
 * the new one included; wall-clock order is the same in every zone, so UTC dates will do.
 */
function nextDayClash(versions: ShiftVersion[], proposed: ShiftVersion): { first: ShiftVersion; second: ShiftVersion } | null {
  const dayBefore = addDays(proposed.effectiveFrom, -1);
  const candidates = [...versions.filter((v) => !(v.code === proposed.code && v.effectiveFrom === proposed.effectiveFrom)), proposed];
  const inPlay = candidates.filter((version) => {
    const own = candidates.filter((v) => v.code === version.code).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    return version.effectiveFrom >= dayBefore || versionOn(own, dayBefore) === version;
  });
  for (const first of inPlay) {
    for (const second of inPlay) {
      const today = buildShiftDay('2026-01-05', { code: first.code, sessions: first.sessions }, 'UTC');
      const tomorrow = buildShiftDay('2026-01-06', { code: second.code, sessions: second.sessions }, 'UTC');
      if (shiftEnd(today).getTime() > shiftStart(tomorrow).getTime()) return { first, second };
    }
  }
  return null;
}
