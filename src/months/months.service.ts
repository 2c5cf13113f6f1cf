import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompanyClock } from '../policy/company-clock';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { monthRange } from '../domain/calendar/calendar-day';
import { Clock } from '../policy/clock';
import { canonicalJsonInTurns } from '../common/in-turns';
import { ExportSourceService } from '../reports/export/export-source.service';
import { MonthlyReportService } from '../reports/monthly-report.service';
import { AttendanceService } from '../attendance/attendance.service';
import { MonthLockService } from '../policy/month-lock.service';
import { MonthDto } from './dto/month.dto';
import { monthClosedAlready, monthHasPendingDays, monthNeverClosed, monthNotClosed, monthNotOver } from './months.errors';
import { MonthSnapshotsRepository } from '../policy/month-snapshots.repository';
import { Notifier } from '../notifications/notifier';

/**
 * Finance closes a month (H-ORG-2): the report is stored as an immutable snapshot with the SHA-256
 * of its canonical JSON, and the month's days are locked. The close takes the month's row
 * exclusively, so it waits for writes in flight (they hold it shared) and later writes see it closed.
 */
@Injectable()
export class MonthsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly snapshots: MonthSnapshotsRepository,
    private readonly monthLock: MonthLockService,
    private readonly attendance: AttendanceService,
    private readonly reports: MonthlyReportService,
    private readonly exports: ExportSourceService,
    private readonly companyClock: CompanyClock,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
  ) {}

  async list(): Promise<MonthDto[]> {
    const months = await this.monthLock.states(this.dataSource.manager);
    const snapshots = await this.snapshots.list();
    return months.map(({ month, state }) => ({
      month,
      state,
      snapshots: snapshots
        .filter((snapshot) => snapshot.month === month)
        .map((snapshot) => ({
          closedAt: snapshot.closed_at.toISOString(),
          closedBy: snapshot.closed_by,
          sha256: snapshot.sha256,
          reopenedAt: snapshot.reopened_at?.toISOString() ?? null,
          reopenedBy: snapshot.reopened_by,
          reopenReason: snapshot.reopen_reason,
        })),
    }));
  }

  async close(actor: Actor, month: string): Promise<MonthDto> {
    await this.dataSource.transaction(async (manager) => {
      if ((await this.monthLock.lockExclusively(manager, month, true)) === 'closed') throw monthClosedAlready(month);
      const { to } = monthRange(month);
      const today = await this.companyClock.today(manager);
      if (to >= today) throw monthNotOver(month, today);
      const context = await this.reports.context(null, month, manager);
      const pending = await this.attendance.pendingDays(manager, context.from, context.to);
      if (pending > 0) throw monthHasPendingDays(month, pending);
      const closedAt = this.clock.now();
      const report = await this.reports.full(context, manager);
      // The names, calendar and grid of the moment too: the month's exports are built from this alone.
      const extras = await this.exports.snapshotExtras(manager, month);
      const { body, sha256 } = await canonicalJsonInTurns({ month, closedAt: closedAt.toISOString(), closedBy: actor.id, policy: context.policy, rows: report.rows, totals: report.totals, rosterGaps: report.rosterGaps, ...extras });
      await this.snapshots.insert(manager, { month, body, sha256, closedAt, closedBy: actor.id });
      await this.monthLock.setState(manager, month, 'closed', closedAt, actor.id);
      await this.audit.record(manager, actor, { action: 'month.close', entity: 'accounting_month', entityId: month, before: { state: 'open' }, after: { state: 'closed', sha256 } });
      await this.notifier.emitBy(manager, actor.id, { kind: 'month_closed', audience: 'finance', staffId: null, params: { month } });
    });
    return this.one(month);
  }

  /** Unlocks a closed month with a reason; every snapshot is kept. */
  async reopen(actor: Actor, month: string, reason: string): Promise<MonthDto> {
    await this.dataSource.transaction(async (manager) => {
      if ((await this.monthLock.lockExclusively(manager, month, false)) !== 'closed') throw monthNotClosed(month);
      const now = this.clock.now();
      await this.monthLock.setState(manager, month, 'open', now, actor.id);
      await this.snapshots.markReopened(manager, month, now, actor.id, reason);
      await this.audit.record(manager, actor, { action: 'month.reopen', entity: 'accounting_month', entityId: month, before: { state: 'closed' }, after: { state: 'open', reason } });
      await this.notifier.emitBy(manager, actor.id, { kind: 'month_reopened', audience: 'finance', staffId: null, params: { month, reason } });
    });
    return this.one(month);
  }

  /** The latest closed snapshot, byte for byte as stored. */
  async report(month: string): Promise<{ body: string; sha256: string }> {
    const snapshot = await this.snapshots.latest(month);
    if (!snapshot) throw monthNeverClosed(month);
    return snapshot;
  }

  private async one(month: string): Promise<MonthDto> {
    return (await this.list()).find((item) => item.month === month) as MonthDto;
  }
}
