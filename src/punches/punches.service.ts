import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DayChanges } from '../policy/day-changes';
import { assignedDateOf } from '../domain/attendance/person-days';
import { AuditService } from '../audit/audit.service';
import type { TokenClaims } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import { currentRequestId } from '../observability/request-context';
import type { Actor } from '../domain/actor';
import { addDays } from '../domain/calendar/calendar-day';
import { Clock } from '../policy/clock';
import { readDateTime } from '../common/date-time';
import { localDate } from '../domain/time/company-time';
import { Page, pageOf, pageOffset } from '../common/pagination';
import { MonthLockService } from '../policy/month-lock.service';
import type { EmploymentSpan } from '../domain/policy';
import { PolicyRepository } from '../policy/policy.repository';
import { SettingsRepository } from '../policy/settings.repository';
import { StaffAccessService } from '../staff/staff-access.service';
import { ClockResultDto, ManualPunchDto, PunchDto, PunchListQueryDto, toPunchDto } from './dto/punch.dto';
import { PunchIngestService } from './punch-ingest.service';
import { ClockInOutcome, PunchRow, PunchesRepository } from './punches.repository';
import { ClockInMemo } from './clock-in-memo';
import { alreadyVoided, invalidAt, punchExists, punchNotFound, rangeOutOfBounds, singleLineRefused } from './punches.errors';

/** The UTC calendar date of an instant: within a day of its local date in any zone. */
const utcDate = (instant: Date): string => instant.toISOString().slice(0, 10);

@Injectable()
export class PunchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly punches: PunchesRepository,
    private readonly ingest: PunchIngestService,
    private readonly dayChanges: DayChanges,
    private readonly monthLock: MonthLockService,
    private readonly settings: SettingsRepository,
    private readonly policies: PolicyRepository,
    private readonly access: StaffAccessService,
    private readonly audit: AuditService,
    private readonly time: Clock,
    private readonly auth: AuthService,
    private readonly memo: ClockInMemo,
  ) {}

  /**
   * The signed-in employee clocks now: the server's clock decides the time. One statement in the
   * common case (PunchesRepository.clockIn), which also checks the caller's staff row for the guard
   * (ChecksOwnSignIn); around a closed month, or the first write of a month, the batch path decides
   * with the rules which date the punch counts on.
   */
  async clock(claims: TokenClaims): Promise<ClockResultDto> {
    const at = new Date(Math.floor(this.time.now().getTime() / 1000) * 1000);
    const outcome = await this.punches.clockIn(claims.staffId, claims.tokenVersion, at, currentRequestId());
    // Refused exactly as the guard refuses a revoked token; the statement stored nothing for it.
    const actor = this.auth.actorForState(claims, outcome?.signIn ?? null);
    const { open, inserted, existing, employment, policyText, first, last } = outcome as ClockInOutcome;
    if (open) {
      // Neither: the same second was stored by a concurrent request after this statement began.
      const row = inserted ?? existing ?? ((await this.punches.findAt(this.dataSource.manager, actor.id, at)) as PunchRow);
      const policy = this.memo.policyOf(policyText);
      const assigned = row.voided_at ? null : this.memo.assignedDate(policy, employment, row.at, first, last);
      return { punch: toPunchDto(row, assigned, policy.timeZone, (instant, zone) => this.memo.localTime(instant, zone)), duplicate: inserted === null };
    }
    // The statement has just read the signed-in person, who is active: no need to look them up again.
    const me = { id: actor.id, employee_no: actor.id, active: true };
    const result = await this.dataSource.transaction(async (manager) => {
      const ingested = await this.ingest.ingestIn(
        manager, actor, [{ ok: true, index: 0, employeeNo: me.employee_no, at, sourceLabel: null }],
        { source: 'clock', deviceId: null, reason: null }, 'punch.clock', new Map([[me.employee_no, me]]),
      );
      // Thrown inside the transaction, so a refused clock-in leaves nothing behind, not even its audit row.
      if (ingested.rejected.length > 0) throw singleLineRefused(ingested.rejected[0], 'at');
      return ingested;
    });
    return { punch: await this.describe((await this.punches.findAt(this.dataSource.manager, me.id, at)) as PunchRow), duplicate: result.inserted === 0 };
  }

  /** An admin enters a punch the clock missed, with a reason (source `manual`, audited). */
  async manual(actor: Actor, input: ManualPunchDto): Promise<PunchDto> {
    const zone = await this.settings.timeZone();
    const reading = readDateTime(input.at, zone);
    if (!reading.ok) throw invalidAt(reading.problem);
    const at = reading.instant;
    const employeeNo = await this.access.employeeNoOf(input.staffId);
    const result = await this.dataSource.transaction(async (manager) => {
      const outcome = await this.ingest.ingestIn(manager, actor, [{ ok: true, index: 0, employeeNo, at, sourceLabel: null }], { source: 'manual', deviceId: null, reason: input.reason }, 'punch.manual');
      if (outcome.rejected.length > 0) throw singleLineRefused(outcome.rejected[0], 'at');
      if (outcome.inserted === 0) throw punchExists();
      return outcome;
    });
    return this.describe((await this.punches.findById(this.dataSource.manager, result.insertedIds[0])) as PunchRow);
  }

  /** Punches are never edited: a wrong one is voided with a reason, and its day recomputed. */
  async void(actor: Actor, id: string, reason: string): Promise<PunchDto> {
    const voided = await this.dataSource.transaction(async (manager) => {
      const punch = await this.punches.findById(manager, id, true);
      if (!punch) throw punchNotFound();
      if (punch.voided_at) throw alreadyVoided();
      const rules = await this.assignments(manager, punch.staff_id, utcDate(punch.at), utcDate(punch.at));
      const day = localDate(punch.at, rules.zone);
      const scope = { staffIds: [punch.staff_id], from: addDays(day, -1), to: addDays(day, 1) };
      await this.monthLock.assertOpen(manager, [rules.dateOf(punch) ?? day]);
      const after = await this.punches.void(manager, id, actor.id, reason, this.time.now());
      await this.dayChanges.changed(manager, scope);
      await this.audit.record(manager, actor, { action: 'punch.void', entity: 'punch', entityId: id, before: { voidedAt: null }, after: { voidedAt: after.voided_at, voidReason: reason } });
      return after;
    });
    return this.describe(voided);
  }

  /**
   * Inside the caller's transaction: the punch an approved make-up request adds (source
   * `correction`, linked to it). The caller checks the month and announces the day.
   */
  async addCorrectionPunch(manager: EntityManager, actor: Actor, staffId: string, at: Date, correctionId: string, reason: string): Promise<string> {
    const id = await this.punches.insertCorrection(manager, staffId, at, correctionId, reason, actor.id);
    if (id === null) throw punchExists();
    await this.audit.record(manager, actor, { action: 'punch.correction', entity: 'punch', entityId: id, after: { staffId, at: at.toISOString(), source: 'correction', correctionId } });
    return id;
  }

  /** Inside the caller's transaction: voids the punch a make-up request added, with a reason (never deleted). */
  async voidCorrectionPunch(manager: EntityManager, actor: Actor, correctionId: string, reason: string): Promise<void> {
    const punch = await this.punches.findByCorrection(manager, correctionId);
    if (!punch) return;
    const after = await this.punches.void(manager, punch.id, actor.id, reason, this.time.now());
    await this.audit.record(manager, actor, { action: 'punch.void', entity: 'punch', entityId: punch.id, before: { voidedAt: null }, after: { voidedAt: after.voided_at, voidReason: reason } });
  }

  async list(actor: Actor, query: PunchListQueryDto): Promise<Page<PunchDto>> {
    await this.access.assertVisible(actor, query.staffId);
    if (query.to < query.from || addDays(query.from, 366) < query.to) {
      throw rangeOutOfBounds();
    }
    const zone = await this.settings.timeZone();
    const { fromInstant, toInstant } = PunchIngestService.instantRange(query.from, query.to, zone);
    const { rows, total } = await this.punches.listForStaff(this.dataSource.manager, query.staffId, fromInstant, toInstant, pageOffset(query), query.pageSize);
    const rules = await this.assignments(this.dataSource.manager, query.staffId, query.from, query.to);
    return pageOf(rows.map((row) => toPunchDto(row, rules.dateOf(row), rules.zone)), total, query);
  }

  /**
   * The date each punch of one person counts on (null: voided, or in no punch window), by the rules
   * as they stand, for punches whose dates lie in [from, to] (local or UTC: the Policy is loaded
   * with three days to spare, enough for the neighbours that decide a window).
   */
  private async assignments(manager: EntityManager, staffId: string, from: string, to: string): Promise<{ zone: string; dateOf: (punch: PunchRow) => string | null }> {
    const policy = await this.policies.load(manager, addDays(from, -3), addDays(to, 3));
    const person = (await this.punches.employment(manager, [staffId])).get(staffId) as EmploymentSpan;
    return { zone: policy.timeZone, dateOf: (punch) => (punch.voided_at ? null : assignedDateOf(policy, person, punch.at)) };
  }

  private async describe(row: PunchRow): Promise<PunchDto> {
    const rules = await this.assignments(this.dataSource.manager, row.staff_id, utcDate(row.at), utcDate(row.at));
    return toPunchDto(row, rules.dateOf(row), rules.zone);
  }
}
