import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../database/modify-returning';

export interface SnapshotRow {
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
 * The owner of month_snapshot: every close's report, kept byte for byte, and its reopening. Beside
 * the month lock, below the features: the month close writes it, the exports of a closed month
 * (which the close itself builds on) read it.
 */
@Injectable()
export class MonthSnapshotsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every snapshot without its body, oldest first. */
  list(): Promise<Omit<SnapshotRow, 'body'>[]> {
    return this.dataSource.query('SELECT id, month, sha256, closed_at, closed_by, reopened_at, reopened_by, reopen_reason FROM month_snapshot ORDER BY id');
  }

  async insert(manager: EntityManager, snapshot: { month: string; body: string; sha256: string; closedAt: Date; closedBy: string }): Promise<void> {
    await manager.query('INSERT INTO month_snapshot (month, body, sha256, closed_at, closed_by) VALUES ($1, $2, $3, $4, $5)', [
      snapshot.month,
      snapshot.body,
      snapshot.sha256,
      snapshot.closedAt,
      snapshot.closedBy,
    ]);
  }

  /** Marks the month's latest snapshot reopened; the snapshot itself is never changed. */
  async markReopened(manager: EntityManager, month: string, at: Date, by: string, reason: string): Promise<void> {
    await modifyReturning(
      manager,
      `UPDATE month_snapshot SET reopened_at = $2, reopened_by = $3, reopen_reason = $4
        WHERE id = (SELECT max(id) FROM month_snapshot WHERE month = $1) RETURNING id`,
      [month, at, by, reason],
    );
  }

  /** The month's latest snapshot and when it was taken (closed months export from it). */
  async latestWithCloseTime(manager: EntityManager, month: string): Promise<{ body: string; sha256: string; closed_at: Date } | null> {
    const rows: { body: string; sha256: string; closed_at: Date }[] = await manager.query(
      'SELECT body, sha256, closed_at FROM month_snapshot WHERE month = $1 ORDER BY id DESC LIMIT 1',
      [month],
    );
    return rows[0] ?? null;
  }

  async latest(month: string): Promise<{ body: string; sha256: string } | null> {
    const rows: { body: string; sha256: string }[] = await this.dataSource.query('SELECT body, sha256 FROM month_snapshot WHERE month = $1 ORDER BY id DESC LIMIT 1', [month]);
    return rows[0] ?? null;
  }
}
