import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildShiftDay } from '../attendance/rules/schedule';
import { AttendanceService } from '../attendance/attendance.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { addDays } from '../calendar/calendar-day';
import { DomainError } from '../common/errors/domain-error';
import { MonthLockService } from '../months/month-lock.service';
import { monthsBetween } from '../settings/settings.service';
import { versionOn } from '../settings/settings.types';
import { PutShiftDto, ShiftDto, ShiftVersionDto } from './dto/shift.dto';
import { ShiftCode, SHIFT_CODES, ShiftsRepository } from './shifts.repository';

@Injectable()
export class ShiftsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shifts: ShiftsRepository,
    private readonly attendance: AttendanceService,
    private readonly monthLock: MonthLockService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ShiftDto[]> {
    const [versions, today] = await Promise.all([this.shifts.versions(), this.attendance.today()]);
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
      throw new DomainError('bad_request', 'VALIDATION_FAILED', (error as Error).message, [{ field: 'sessions', message: 'sessions must be in order and must not overlap' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const versions = (await this.shifts.versions(manager)).filter((version) => version.code === code);
      const next = versions.find((version) => version.effectiveFrom > input.effectiveFrom);
      const today = await this.attendance.today(manager);
      const until = next ? addDays(next.effectiveFrom, -1) : today > input.effectiveFrom ? today : input.effectiveFrom;
      await this.monthLock.assertOpen(manager, monthsBetween(input.effectiveFrom, until < input.effectiveFrom ? input.effectiveFrom : until));
      const before = versions.find((version) => version.effectiveFrom === input.effectiveFrom) ?? null;
      const sessions = input.sessions.map(({ start, end }) => ({ start, end }));
      await this.shifts.upsert(manager, { code, effectiveFrom: input.effectiveFrom, sessions }, actor.id);
      await this.attendance.recomputeFrom(manager, null, input.effectiveFrom, next ? addDays(next.effectiveFrom, -1) : undefined);
      const after = { effectiveFrom: input.effectiveFrom, sessions };
      await this.audit.record(manager, actor, { action: 'shift.put', entity: 'shift_version', entityId: `${code}:${input.effectiveFrom}`, before, after });
      return after;
    });
  }
}
