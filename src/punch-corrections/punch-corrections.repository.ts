import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { scopedWhere } from '../staff/visibility-sql';
import type { CorrectionKind, PunchDirection } from '../domain/attendance/corrections';
import type { CorrectionStatus } from '../domain/correction-workflow';
import { writeRequestStatus } from '../database/request-status';

export interface CorrectionRow {
  id: string;
  staff_id: string;
  date: string;
  session: number;
  direction: PunchDirection;
  kind: CorrectionKind;
  at: Date;
  recorded_at: Date | null;
  reason: string;
  status: CorrectionStatus;
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  decided_as: 'supervisor' | 'admin' | null;
  filed_at: Date | null;
  filed_by: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  approver_id: string | null;
  punch_id: string | null;
}

export interface NewCorrection {
  staffId: string;
  date: string;
  session: number;
  direction: PunchDirection;
  kind: CorrectionKind;
  at: Date;
  recordedAt: Date | null;
  reason: string;
}

export interface CorrectionFilter {
  scopeViewerId: string | null;
  staffId?: string;
  status?: string;
  offset: number;
  limit: number;
}

// The approver shown with each request: the direct supervisor while active, else the admins (null);
// and the punch its approval added (kept, voided or not, as the evidence of what was done).
const SELECT = `
  SELECT c.*, CASE WHEN sup.active THEN s.supervisor_id END AS approver_id,
         (SELECT p.id FROM punch p WHERE p.correction_id = c.id) AS punch_id
    FROM punch_correction c JOIN staff s ON s.id = c.staff_id LEFT JOIN staff sup ON sup.id = s.supervisor_id`;

/** The owner of punch_correction, the make-up punch requests (补卡). */
@Injectable()
export class PunchCorrectionsRepository {
  /**
   * Serialises one person's requests for one month, so that two parallel submissions cannot both
   * take the last place under the monthly limit.
   */
  async lockMonth(manager: EntityManager, staffId: string, month: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('punch_correction'), hashtext($1 || '|' || $2))`, [staffId, month]);
  }

  /** The person's requests on days of [from, to], with their status (the limit counts some of them). */
  async ofStaffBetween(manager: EntityManager, staffId: string, from: string, to: string): Promise<CorrectionRow[]> {
    return manager.query(`${SELECT} WHERE c.staff_id = $1 AND c.date BETWEEN $2 AND $3 ORDER BY c.date, c.created_at`, [staffId, from, to]);
  }

  async insert(manager: EntityManager, input: NewCorrection): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO punch_correction (staff_id, date, session, direction, kind, at, recorded_at, reason, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending') RETURNING id`,
      [input.staffId, input.date, input.session, input.direction, input.kind, input.at, input.recordedAt, input.reason],
    );
    return rows[0].id;
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<CorrectionRow | null> {
    const rows: CorrectionRow[] = await manager.query(`${SELECT} WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`, [id]);
    return rows[0] ?? null;
  }

  setStatus(manager: EntityManager, id: string, status: CorrectionStatus, actorId: string, capacity: string, now: Date, reason: string | null): Promise<void> {
    return writeRequestStatus(manager, 'punch_correction', id, status, actorId, capacity, now, reason);
  }

  async list(manager: EntityManager, filter: CorrectionFilter): Promise<{ rows: CorrectionRow[]; total: number }> {
    const { condition, params } = scopedWhere('c.staff_id', filter.scopeViewerId, [
      ['c.staff_id = ?', filter.staffId],
      ['c.status = ?', filter.status],
    ]);
    const count: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM punch_correction c ${condition}`, params);
    const rows: CorrectionRow[] = await manager.query(`${SELECT} ${condition} ORDER BY c.date DESC, c.created_at DESC OFFSET ${Number(filter.offset)} LIMIT ${Number(filter.limit)}`, params);
    return { rows, total: count[0].n };
  }
}
