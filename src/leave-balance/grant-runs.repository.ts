import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface GrantRunRow {
  id: number;
  started_at: Date;
  finished_at: Date | null;
  through_date: string;
  from_year: number;
  people: number;
  entries: number;
  problems: GrantProblem[];
  outcome: 'running' | 'done' | 'failed';
}

/** What a run could not write, and why (a closed month, a ledger that breaks its rules…). */
export interface GrantProblem {
  /** Null for a problem of the whole run. */
  staffId: string | null;
  leaveType: string | null;
  year: number;
  code: string;
  message: string;
}

/** The owner of leave_grant_run: every pass of the grant sweep, so that each is visible (issue 16). */
@Injectable()
export class GrantRunsRepository {
  /** The last run that finished its work: the next one catches up from its date. */
  async lastDone(manager: EntityManager): Promise<GrantRunRow | null> {
    const rows: GrantRunRow[] = await manager.query(`SELECT * FROM leave_grant_run WHERE outcome = 'done' ORDER BY id DESC LIMIT 1`);
    return rows[0] ?? null;
  }

  async start(manager: EntityManager, run: { startedAt: Date; throughDate: string; fromYear: number }): Promise<number> {
    const rows: { id: number }[] = await manager.query(
      `INSERT INTO leave_grant_run (started_at, through_date, from_year, outcome) VALUES ($1, $2, $3, 'running') RETURNING id`,
      [run.startedAt, run.throughDate, run.fromYear],
    );
    return Number(rows[0].id);
  }

  async finish(manager: EntityManager, id: number, result: { finishedAt: Date; people: number; entries: number; problems: GrantProblem[]; outcome: 'done' | 'failed' }): Promise<void> {
    await manager.query(`UPDATE leave_grant_run SET finished_at = $2, people = $3, entries = $4, problems = $5::jsonb, outcome = $6 WHERE id = $1`, [
      id,
      result.finishedAt,
      result.people,
      result.entries,
      JSON.stringify(result.problems),
      result.outcome,
    ]);
  }

  /** The latest runs, newest first. */
  latest(manager: EntityManager, limit: number): Promise<GrantRunRow[]> {
    return manager.query('SELECT * FROM leave_grant_run ORDER BY id DESC LIMIT $1', [limit]);
  }
}
