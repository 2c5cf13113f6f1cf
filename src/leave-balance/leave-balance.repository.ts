import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { kindColumns, LedgerRow, NewLedgerEntry } from './ledger-rows';

/** A person's balance of one leave type. */
export interface BalanceKey {
  staffId: string;
  leaveType: string;
}

const COLUMNS = `id, staff_id, leave_type_code, year, kind, days, date, of, direction, expires_on, reason, cause, request_id, run_id, explanation, created_by, created_at`;

/**
 * The owner of leave_ledger, the immutable entries whose sum is a balance (issue 16). It only
 * appends (the database refuses anything else). Whoever reads a balance to write against it holds
 * the balance's lock first (`lock`), so that two writers never both spend the same days.
 */
@Injectable()
export class LeaveBalanceRepository {
  /**
   * Locks these balances until the transaction ends: a transaction-scoped advisory lock per person
   * and leave type, taken in one order so that two writers of several balances cannot deadlock.
   * Advisory rather than a row lock: a balance has no row of its own until its first entry.
   */
  async lock(manager: EntityManager, keys: BalanceKey[]): Promise<void> {
    if (keys.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(k) FROM (
         SELECT DISTINCT hashtextextended('leave_balance:' || s || ':' || t, 0) AS k FROM unnest($1::text[], $2::text[]) AS u(s, t) ORDER BY k) keys`,
      [keys.map((key) => key.staffId), keys.map((key) => key.leaveType)],
    );
  }

  /** The entries of one balance in the given years, oldest first. */
  entries(manager: EntityManager, key: BalanceKey, years: number[]): Promise<LedgerRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM leave_ledger WHERE staff_id = $1 AND leave_type_code = $2 AND year = ANY($3::int[]) ORDER BY id`, [key.staffId, key.leaveType, years]);
  }

  /** Every entry of these people from `fromYear` on, oldest first (the grant sweep reads a slice of people at once). */
  entriesOfPeople(manager: EntityManager, staffIds: string[], fromYear: number): Promise<LedgerRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM leave_ledger WHERE staff_id = ANY($1::uuid[]) AND year >= $2 ORDER BY id`, [staffIds, fromYear]);
  }

  /** One person's entries of a year, every type, oldest first. */
  entriesOfYear(manager: EntityManager, staffId: string, year: number): Promise<LedgerRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM leave_ledger WHERE staff_id = $1 AND year = $2 ORDER BY id`, [staffId, year]);
  }

  /** Everyone's entries of these types in a year, by person, oldest first (the year-end statement). */
  entriesOfTypesInYear(manager: EntityManager, leaveTypes: string[], year: number): Promise<LedgerRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM leave_ledger WHERE leave_type_code = ANY($1::text[]) AND year = $2 ORDER BY staff_id, id`, [leaveTypes, year]);
  }

  /** What a request has written, oldest first. */
  entriesOfRequest(manager: EntityManager, requestId: string): Promise<LedgerRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM leave_ledger WHERE request_id = $1 ORDER BY id`, [requestId]);
  }

  /** The entries a grant run wrote, oldest first, at most `limit`. */
  entriesOfRuns(manager: EntityManager, runIds: number[], limit: number): Promise<LedgerRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM leave_ledger WHERE run_id = ANY($1::bigint[]) ORDER BY id LIMIT $2`, [runIds, limit]);
  }

  /** The available days (the sum of the entries) of these balances in these years, keyed `staffId|type|year`. */
  async available(manager: EntityManager, keys: (BalanceKey & { year: number })[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows: { key: string; days: number }[] = await manager.query(
      `SELECT l.staff_id || '|' || l.leave_type_code || '|' || l.year AS key, sum(l.days) AS days
         FROM leave_ledger l JOIN unnest($1::uuid[], $2::text[], $3::int[]) AS k(s, t, y) ON l.staff_id = k.s AND l.leave_type_code = k.t AND l.year = k.y
        GROUP BY l.staff_id, l.leave_type_code, l.year`,
      [keys.map((key) => key.staffId), keys.map((key) => key.leaveType), keys.map((key) => key.year)],
    );
    return new Map(rows.map((row) => [row.key, Number(row.days)]));
  }

  /**
   * Per person, the days of these types left on `date` in its year as taken leave sees them: every
   * entry dated by then except what pending requests hold (reservations and their releases) and the
   * year-end moves (unused days lapsing, days carried on), which are not leave taken or granted.
   */
  async remainingOn(manager: EntityManager, leaveTypes: string[], date: string): Promise<Map<string, number>> {
    if (leaveTypes.length === 0) return new Map();
    const rows: { staff_id: string; days: string }[] = await manager.query(
      `SELECT staff_id, sum(days) AS days FROM leave_ledger
        WHERE leave_type_code = ANY($1::text[]) AND year = $2 AND date <= $3
          AND kind <> 'reservation' AND NOT (kind = 'release' AND of = 'reservation')
          AND NOT (kind = 'expiry' AND of = 'unused') AND NOT (kind = 'carry_over' AND direction = 'out')
        GROUP BY staff_id`,
      [leaveTypes, Number(date.slice(0, 4)), date],
    );
    return new Map(rows.map((row) => [row.staff_id, Number(row.days)]));
  }

  /** People with entries written since `since` in years before `beforeYear`: late entries the sweep must settle. */
  async lateEntries(manager: EntityManager, since: Date, beforeYear: number): Promise<{ staffId: string; year: number }[]> {
    const rows: { staff_id: string; year: number }[] = await manager.query(
      `SELECT DISTINCT staff_id, year FROM leave_ledger WHERE created_at >= $1 AND year < $2`,
      [since, beforeYear],
    );
    return rows.map((row) => ({ staffId: row.staff_id, year: row.year }));
  }

  /** Appends entries; returns the rows written, in order. */
  async insert(manager: EntityManager, entries: NewLedgerEntry[]): Promise<LedgerRow[]> {
    if (entries.length === 0) return [];
    const columns = entries.map(({ entry, ...rest }) => ({ ...rest, entry, ...kindColumns(entry) }));
    return manager.query(
      `INSERT INTO leave_ledger (staff_id, leave_type_code, year, kind, days, date, of, direction, expires_on, reason, cause, request_id, run_id, explanation, created_by)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::smallint[], $4::text[], $5::numeric[], $6::date[], $7::text[], $8::text[], $9::date[], $10::text[], $11::text[], $12::uuid[], $13::bigint[], $14::jsonb[], $15::uuid[])
       RETURNING ${COLUMNS}`,
      [
        columns.map((c) => c.staffId),
        columns.map((c) => c.leaveType),
        columns.map((c) => Number(c.entry.date.slice(0, 4))),
        columns.map((c) => c.entry.kind),
        columns.map((c) => c.entry.days),
        columns.map((c) => c.entry.date),
        columns.map((c) => c.of),
        columns.map((c) => c.direction),
        columns.map((c) => c.expiresOn),
        // Only the office writes a reason of its own; a system adjustment's cause stands for it.
        columns.map((c) => (c.cause === 'office' && c.entry.kind === 'adjustment' ? c.entry.reason : null)),
        columns.map((c) => c.cause),
        columns.map((c) => c.requestId ?? null),
        columns.map((c) => c.runId ?? null),
        columns.map((c) => JSON.stringify(c.explanation)),
        columns.map((c) => c.createdBy ?? null),
      ],
    );
  }
}
