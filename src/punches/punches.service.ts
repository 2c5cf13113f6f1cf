import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttendanceService } from '../attendance/attendance.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { addDays } from '../calendar/calendar-day';
import { Clock } from '../common/clock';
import { localDate } from '../common/company-time';
import { DomainError } from '../common/errors/domain-error';
import { Page, pageOf, pageOffset } from '../common/pagination';
import { MonthLockService } from '../months/month-lock.service';
import { SettingsRepository } from '../settings/settings.repository';
import { StaffAccessService } from '../staff/staff-access.service';
import { StaffRepository } from '../staff/staff.repository';
import { staffNotFound } from '../staff/staff.errors';
import { ClockResultDto, ManualPunchDto, PunchDto, PunchListQueryDto, toPunchDto } from './dto/punch.dto';
import { PunchIngestService } from './punch-ingest.service';
import { parsePunchTime } from './punch-lines';
import { PunchRow, PunchesRepository } from './punches.repository';
import { alreadyVoided, onlyStaffClock, punchExists, punchNotFound, singleLineRefused } from './punches.errors';

@Injectable()
export class PunchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly punches: PunchesRepository,
    private readonly ingest: PunchIngestService,
    private readonly attendance: AttendanceService,
    private readonly monthLock: MonthLockService,
    private readonly settings: SettingsRepository,
    private readonly staff: StaffRepository,
    private readonly access: StaffAccessService,
    private readonly audit: AuditService,
    private readonly time: Clock,
  ) {}

  /** The signed-in employee clocks now: the server's clock decides the time. */
  async clock(actor: Actor): Promise<ClockResultDto> {
    if (actor.kind !== 'staff') throw onlyStaffClock();
    // The guard has just loaded the signed-in person, who is active: no need to look them up again.
    const me = { id: actor.id, employee_no: actor.id, active: true };
    const at = new Date(Math.floor(this.time.now().getTime() / 1000) * 1000);
    const result = await this.dataSource.transaction(async (manager) => {
      const outcome = await this.ingest.ingestIn(
        manager, actor, [{ ok: true, index: 0, employeeNo: me.employee_no, at, sourceLabel: null }],
        { source: 'clock', deviceId: null, reason: null }, 'punch.clock', new Map([[me.employee_no, me]]),
      );
      // Thrown inside the transaction, so a refused clock-in leaves nothing behind, not even its audit row.
      if (outcome.rejected.length > 0) throw singleLineRefused(outcome.rejected[0], 'at');
      return outcome;
    });
    if (result.inserted === 1 && result.zone !== null) {
      const row = result.stored[0];
      return { punch: toPunchDto(row, result.assignedDates.get(row.id) ?? null, result.zone), duplicate: false };
    }
    return { punch: await this.describe((await this.punches.findAt(this.dataSource.manager, me.id, at)) as PunchRow), duplicate: true };
  }

  /** An admin enters a punch the clock missed, with a reason (source `manual`, audited). */
  async manual(actor: Actor, input: ManualPunchDto): Promise<PunchDto> {
    const zone = await this.settings.timeZone();
    const at = parsePunchTime(input.at, zone);
    if (!at) throw new DomainError('bad_request', 'VALIDATION_FAILED', 'at is not a valid date-time', [{ field: 'at', message: 'must be ISO 8601' }]);
    const person = await this.staff.findById(input.staffId);
    if (!person) throw staffNotFound();
    const result = await this.dataSource.transaction(async (manager) => {
      const outcome = await this.ingest.ingestIn(manager, actor, [{ ok: true, index: 0, employeeNo: person.employeeNo, at, sourceLabel: null }], { source: 'manual', deviceId: null, reason: input.reason }, 'punch.manual');
      if (outcome.rejected.length > 0) throw singleLineRefused(outcome.rejected[0], 'at');
      if (outcome.inserted === 0) throw punchExists();
      return outcome;
    });
    return this.describe((await this.punches.findById(this.dataSource.manager, result.insertedIds[0])) as PunchRow);
  }

  /** Punches are never edited: a wrong one is voided with a reason, and its day recomputed. */
  async void(actor: Actor, id: string, reason: string): Promise<PunchDto> {
    const zone = await this.settings.timeZone();
    const voided = await this.dataSource.transaction(async (manager) => {
      const punch = await this.punches.findById(manager, id, true);
      if (!punch) throw punchNotFound();
      if (punch.voided_at) throw alreadyVoided();
      const day = localDate(punch.at, zone);
      const scope = { staffIds: [punch.staff_id], from: addDays(day, -1), to: addDays(day, 1) };
      const assigned = await this.assignedDateOf(punch, scope);
      await this.monthLock.assertOpen(manager, [assigned ?? day]);
      const after = await this.punches.void(manager, id, actor.id, reason, this.time.now());
      await this.attendance.recompute(manager, scope);
      await this.audit.record(manager, actor, { action: 'punch.void', entity: 'punch', entityId: id, before: { voidedAt: null }, after: { voidedAt: after.voided_at, voidReason: reason } });
      return after;
    });
    return this.describe(voided);
  }

  async list(actor: Actor, query: PunchListQueryDto): Promise<Page<PunchDto>> {
    await this.access.assertVisible(actor, query.staffId);
    if (query.to < query.from || addDays(query.from, 366) < query.to) {
      throw new DomainError('bad_request', 'VALIDATION_FAILED', 'from must not be after to, and the range at most a year', [{ field: 'to', message: 'out of range' }]);
    }
    const zone = await this.settings.timeZone();
    const { fromInstant, toInstant } = PunchIngestService.instantRange(query.from, query.to, zone);
    const { rows, total } = await this.punches.listForStaff(this.dataSource.manager, query.staffId, fromInstant, toInstant, pageOffset(query), query.pageSize);
    const { people } = await this.attendance.compute(this.dataSource.manager, { staffIds: [query.staffId], from: addDays(query.from, -1), to: addDays(query.to, 1) });
    const assigned = new Map<string, string>();
    for (const day of people.get(query.staffId)?.days ?? []) for (const punch of day.punches) if (punch.id) assigned.set(punch.id, day.schedule.date);
    return pageOf(rows.map((row) => toPunchDto(row, assigned.get(row.id) ?? null, zone)), total, query);
  }

  private async assignedDateOf(punch: PunchRow, scope: { staffIds: string[]; from: string; to: string }): Promise<string | null> {
    const { people } = await this.attendance.compute(this.dataSource.manager, scope);
    for (const day of people.get(punch.staff_id)?.days ?? []) if (day.punches.some((p) => p.id === punch.id)) return day.schedule.date;
    return null;
  }

  private async describe(row: PunchRow): Promise<PunchDto> {
    const zone = await this.settings.timeZone();
    const day = localDate(row.at, zone);
    const assigned = row.voided_at ? null : await this.assignedDateOf(row, { staffIds: [row.staff_id], from: addDays(day, -1), to: addDays(day, 1) });
    return toPunchDto(row, assigned, zone);
  }
}
