import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../domain/errors/domain-error';

export const monthClosed = (months: string[]) =>
  new DomainError('conflict', 'MONTH_CLOSED', `Finance has closed ${months.join(', ')}: its days can no longer change`, [
    { field: 'month', message: months.join(', ') },
  ], { months: months.join('、') });

/**
 * SQL condition for statements that keep to open months: the month of `dateExpr` is not closed (a
 * month without a row has never been closed). The lock's one rule, for other owners' queries.
 */
export const notClosedMonthSql = (dateExpr: string): string =>
  `NOT EXISTS (SELECT 1 FROM accounting_month m WHERE m.month = to_char(${dateExpr}, 'YYYY-MM') AND m.state = 'closed')`;

/**
 * The one check every write that changes a dated fact goes through. It share-locks the months'
 * rows, so a month close (which takes the row exclusively) waits for writes in flight and later
 * writes see the month closed: a write either lands before the close's snapshot or is refused.
 */
@Injectable()
export class MonthLockService {
  async assertOpen(manager: EntityManager, dates: Iterable<string>): Promise<void> {
    const closed = await this.shareLock(manager, dates);
    if (closed.size > 0) throw monthClosed([...closed].sort());
  }

  /**
   * Share-locks the months of these dates for the rest of the transaction and returns the closed
   * ones, for writes that refuse line by line (punch batches) instead of as a whole.
   */
  async shareLock(manager: EntityManager, dates: Iterable<string>): Promise<Set<string>> {
    const months = [...new Set([...dates].map((date) => date.slice(0, 7)))].sort();
    if (months.length === 0) return new Set();
    const lock = (): Promise<{ month: string; state: string }[]> =>
      manager.query(`SELECT month, state FROM accounting_month WHERE month = ANY($1::text[]) ORDER BY month FOR SHARE`, [months]);
    let rows = await lock();
    if (rows.length < months.length) {
      // A month is written down the first time something touches it, so that there is a row to lock.
      await manager.query(`INSERT INTO accounting_month (month) SELECT unnest($1::text[]) ON CONFLICT (month) DO NOTHING`, [months]);
      rows = await lock();
    }
    return new Set(rows.filter((row) => row.state === 'closed').map((row) => row.month));
  }

  /** Closed months among the given ones, without locking (for reads and background work). */
  async closedAmong(manager: EntityManager, months: string[]): Promise<Set<string>> {
    const rows: { month: string }[] = await manager.query(`SELECT month FROM accounting_month WHERE month = ANY($1::text[]) AND state = 'closed'`, [months]);
    return new Set(rows.map((row) => row.month));
  }

  /** Every month with a row, oldest first, and its state. */
  states(manager: EntityManager): Promise<{ month: string; state: string }[]> {
    return manager.query('SELECT month, state FROM accounting_month ORDER BY month');
  }

  /**
   * Takes a month's row exclusively for a close or reopen (creating it when no write has yet):
   * writes in flight hold it shared, so the close waits for them. Returns its state.
   */
  async lockExclusively(manager: EntityManager, month: string, create: boolean): Promise<string | null> {
    if (create) await manager.query('INSERT INTO accounting_month (month) VALUES ($1) ON CONFLICT (month) DO NOTHING', [month]);
    const rows: { state: string }[] = await manager.query('SELECT state FROM accounting_month WHERE month = $1 FOR UPDATE', [month]);
    return rows[0]?.state ?? null;
  }

  async setState(manager: EntityManager, month: string, state: 'open' | 'closed', at: Date, by: string): Promise<void> {
    await manager.query('UPDATE accounting_month SET state = $2, changed_at = $3, changed_by = $4 WHERE month = $1', [month, state, at, by]);
  }

}
