import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LieuUseState } from '../domain/leave-balance/lieu';
import type { LieuCharge } from '../domain/leave-balance/lieu-charges';

/** A grant as stored: a final judged day's lieu minutes, or the office adding minutes. */
export interface LieuGrantRow {
  staff_id: string;
  source: 'overtime' | 'office';
  id: string;
  date: string;
  minutes: number;
}

/** A use as stored: a 调休 request's minutes on a date (held or taken by its status), or the office taking minutes. */
export interface LieuUseRow {
  staff_id: string;
  source: 'request' | 'office';
  id: string;
  date: string;
  minutes: number;
  state: LieuUseState;
}

export interface LieuAdjustmentRow {
  id: string;
  staff_id: string;
  date: string;
  minutes: number;
  reason: string;
  created_by: string;
  created_at: Date;
}

// A request holds its minutes while pending, has taken them once approved (or filed), and after it
// was ended early (销假) has taken those of the days before the person came back.
const USES = `
  SELECT l.staff_id, 'request' AS source, l.id::text || ':' || c.date AS id, c.date, c.minutes,
         CASE WHEN l.status = 'pending' THEN 'reserved' ELSE 'taken' END AS state
    FROM lieu_charge c JOIN leave_request l ON l.id = c.request_id
   WHERE (l.status IN ('pending', 'approved', 'filed') OR (l.taken_until IS NOT NULL AND c.date <= l.taken_until))
  UNION ALL
  SELECT staff_id, 'office', 'office:' || id, date, -minutes, 'taken' FROM lieu_adjustment WHERE minutes < 0`;

const GRANTS = `
  SELECT staff_id, 'overtime' AS source, 'day:' || date AS id, date, lieu_minutes AS minutes
    FROM attendance_day WHERE lieu_minutes > 0 AND status <> 'pending'
  UNION ALL
  SELECT staff_id, 'office', 'office:' || id, date, minutes FROM lieu_adjustment WHERE minutes > 0`;

/**
 * The time off in lieu balance's rows (issue 22): grants read from the judged days (written by the
 * attendance engine) and the office's adjustments; uses from the 调休 requests' charges and the
 * adjustments. The balance itself is worked out by the pure allocation (domain/leave-balance/lieu).
 */
@Injectable()
export class LieuRepository {
  /** The grants of these people (every one: null), earned on or before `through`. */
  grants(manager: EntityManager, staffIds: string[] | null, through: string): Promise<LieuGrantRow[]> {
    return manager.query(`SELECT * FROM (${GRANTS}) g WHERE ($1::uuid[] IS NULL OR staff_id = ANY($1::uuid[])) AND date <= $2::date ORDER BY staff_id, date, id`, [staffIds, through]);
  }

  /** The uses of these people (every one: null), dated on or before `through`. */
  uses(manager: EntityManager, staffIds: string[] | null, through: string): Promise<LieuUseRow[]> {
    return manager.query(`SELECT * FROM (${USES}) u WHERE ($1::uuid[] IS NULL OR staff_id = ANY($1::uuid[])) AND date <= $2::date ORDER BY staff_id, date, id`, [staffIds, through]);
  }

  /** The office's adjustments of a person, oldest first. */
  adjustments(manager: EntityManager, staffId: string): Promise<LieuAdjustmentRow[]> {
    return manager.query(`SELECT id::text, staff_id, date, minutes, reason, created_by, created_at FROM lieu_adjustment WHERE staff_id = $1 ORDER BY id`, [staffId]);
  }

  async insertCharges(manager: EntityManager, requestId: string, charges: LieuCharge[]): Promise<void> {
    if (charges.length === 0) return;
    await manager.query(`INSERT INTO lieu_charge (request_id, date, minutes) SELECT $1, * FROM unnest($2::date[], $3::int[])`, [requestId, charges.map((c) => c.date), charges.map((c) => c.minutes)]);
  }

  async insertAdjustment(manager: EntityManager, input: { staffId: string; date: string; minutes: number; reason: string; createdBy: string }): Promise<LieuAdjustmentRow> {
    const [row]: LieuAdjustmentRow[] = await manager.query(
      `INSERT INTO lieu_adjustment (staff_id, date, minutes, reason, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id::text, staff_id, date, minutes, reason, created_by, created_at`,
      [input.staffId, input.date, input.minutes, input.reason, input.createdBy],
    );
    return row;
  }
}
