import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CompanyClock } from '../policy/company-clock';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { monthRange } from '../domain/calendar/calendar-day';
import { Clock } from '../policy/clock';
import { DomainError, notFound } from '../domain/errors/domain-error';
import { modifyReturning } from '../database/modify-returning';
import { canonicalJson } from '../domain/money';
import { ExportSourceService } from '../reports/export/export-source.service';
import { MonthlyReportService } from '../reports/monthly-report.service';
import { MonthDto } from './dto/month.dto';

interface SnapshotRow {
  id: number;
  month: string;
  body: string;
  sha256: string;
  closed_at: Date;
  closed_by: string;
  reopened_at: Date | null;
  reopened_by: string | null;
  reopen_reason: string | null;
}

/**
 * Finance closes a month (H-ORG-2): the report is stored as an immutable snapshot with the SHA-256
 * of its canonical JSON, and the month's days are locked. The close takes the month's row
 * exclusively, so it waits for writes in flight (they hold it shared) and later writes see it closed.
 */
@Injectable()
export class MonthsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: MonthlyReportService,
    private readonly exports: ExportSourceService,
    private readonly companyClock: CompanyClock,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<MonthDto[]> {
    const months: { month: string; state: string }[] = await this.dataSource.query('SELECT month, state FROM accounting_month ORDER BY month');
    const snapshots: SnapshotRow[] = await this.dataSource.query('SELECT id, month, sha256, closed_at, closed_by, reopened_at, reopened_by, reopen_reason FROM month_snapshot ORDER BY id');
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
      await manager.query('INSERT INTO accounting_month (month) VALUES ($1) ON CONFLICT (month) DO NOTHING', [month]);
      const rows: { state: string }[] = await manager.query('SELECT state FROM accounting_month WHERE month = $1 FOR UPDATE', [month]);
      if (rows[0].state === 'closed') throw new DomainError('conflict', 'MONTH_CLOSED', `${month} is closed already`, [], { months: month });
      const { to } = monthRange(month);
      const today = await this.companyClock.today(manager);
      if (to >= today) throw new DomainError('unprocessable', 'MONTH_NOT_OVER', `${month} is not over yet (today is ${today})`, [{ field: 'month', message: 'must be over' }], { month, today });
      const context = await this.reports.context(null, month, manager);
      const pending: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM attendance_day WHERE status = 'pending' AND date BETWEEN $1 AND $2`, [context.from, context.to]);
      if (pending[0].n > 0) {
        throw new DomainError('unprocessable', 'MONTH_HAS_PENDING_DAYS', `${pending[0].n} day(s) of ${month} are still pending`, [{ field: 'month', message: `${pending[0].n} pending day(s)` }], { month, count: pending[0].n });
      }
      const closedAt = this.clock.now();
      const report = await this.reports.full(context, manager);
      // The names, calendar and grid of the moment too: the month's exports are built from this alone.
      const extras = await this.exports.snapshotExtras(manager, month);
      const body = canonicalJson({ month, closedAt: closedAt.toISOString(), closedBy: actor.id, policy: context.policy, rows: report.rows, totals: report.totals, rosterGaps: report.rosterGaps, ...extras });
      const sha256 = createHash('sha256').update(body, 'utf8').digest('hex');
      await manager.query('INSERT INTO month_snapshot (month, body, sha256, closed_at, closed_by) VALUES ($1, $2, $3, $4, $5)', [month, body, sha256, closedAt, actor.id]);
      await manager.query(`UPDATE accounting_month SET state = 'closed', changed_at = $2, changed_by = $3 WHERE month = $1`, [month, closedAt, actor.id]);
      await this.audit.record(manager, actor, { action: 'month.close', entity: 'accounting_month', entityId: month, before: { state: 'open' }, after: { state: 'closed', sha256 } });
    });
    return this.one(month);
  }

  /** Unlocks a closed month with a reason; every snapshot is kept. */
  async reopen(actor: Actor, month: string, reason: string): Promise<MonthDto> {
    await this.dataSource.transaction(async (manager) => {
      const rows: { state: string }[] = await manager.query('SELECT state FROM accounting_month WHERE month = $1 FOR UPDATE', [month]);
      if (rows[0]?.state !== 'closed') throw new DomainError('conflict', 'MONTH_NOT_CLOSED', `${month} is not closed`, [], { month });
      const now = this.clock.now();
      await manager.query(`UPDATE accounting_month SET state = 'open', changed_at = $2, changed_by = $3 WHERE month = $1`, [month, now, actor.id]);
      await modifyReturning(
        manager,
        `UPDATE month_snapshot SET reopened_at = $2, reopened_by = $3, reopen_reason = $4
          WHERE id = (SELECT max(id) FROM month_snapshot WHERE month = $1) RETURNING id`,
        [month, now, actor.id, reason],
      );
      await this.audit.record(manager, actor, { action: 'month.reopen', entity: 'accounting_month', entityId: month, before: { state: 'closed' }, after: { state: 'open', reason } });
    });
    return this.one(month);
  }

  /** The latest closed snapshot, byte for byte as stored. */
  async report(month: string): Promise<{ body: string; sha256: string }> {
    const rows: SnapshotRow[] = await this.dataSource.query('SELECT body, sha256 FROM month_snapshot WHERE month = $1 ORDER BY id DESC LIMIT 1', [month]);
    if (rows.length === 0) throw notFound(`A closed report of ${month}`, 'MONTH_NEVER_CLOSED', { month });
    return rows[0];
  }

  private async one(month: string): Promise<MonthDto> {
    return (await this.list()).find((item) => item.month === month) as MonthDto;
  }
}
