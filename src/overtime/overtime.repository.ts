import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { scopedWhere } from '../staff/visibility-sql';
import type { Compensation, OvertimeKind } from '../domain/overtime/policy';
import type { OvertimeStatus } from '../domain/overtime-workflow';
import { writeRequestStatus } from '../database/request-status';

export interface OvertimeRow {
  id: string;
  staff_id: string;
  date: string;
  starts_at: Date;
  ends_at: Date;
  day_kind: OvertimeKind;
  compensation: Compensation;
  reason: string;
  status: OvertimeStatus;
  requested_by: string;
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  decided_as: 'supervisor' | 'admin' | null;
  filed_at: Date | null;
  filed_by: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  cap_override_reason: string | null;
  cap_override_by: string | null;
  approver_id: string | null;
}

export interface NewOvertime {
  staffId: string;
  date: string;
  startsAt: Date;
  endsAt: Date;
  dayKind: OvertimeKind;
  compensation: Compensation;
  reason: string;
  requestedBy: string;
  capOverride: { reason: string; by: string } | null;
}

export interface OvertimeFilter {
  scopeViewerId: string | null;
  staffId?: string;
  status?: string;
  offset: number;
  limit: number;
}

// The approver shown with each request: the direct supervisor while active, else the admins (null).
const SELECT = `
  SELECT o.*, CASE WHEN sup.active THEN s.supervisor_id END AS approver_id
    FROM overtime_request o JOIN staff s ON s.id = o.staff_id LEFT JOIN staff sup ON sup.id = s.supervisor_id`;

/** The owner of overtime_request, the overtime requests (加班). */
@Injectable()
export class OvertimeRepository {
  /**
   * Serialises one person's requests, so that two parallel submissions cannot both take what is
   * left under the caps (劳动法 第41条); the exclusion constraint refuses overlapping ones anyway.
   */
  async lockPerson(manager: EntityManager, staffId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('overtime_request'), hashtext($1))`, [staffId]);
  }

  /** The person's live (pending, approved, filed) requests on days of [from, to]. */
  async liveOfStaffBetween(manager: EntityManager, staffId: string, from: string, to: string): Promise<OvertimeRow[]> {
    return manager.query(`${SELECT} WHERE o.staff_id = $1 AND o.date BETWEEN $2 AND $3 AND o.status IN ('pending', 'approved', 'filed') ORDER BY o.starts_at`, [staffId, from, to]);
  }

  async insert(manager: EntityManager, input: NewOvertime): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO overtime_request (staff_id, date, starts_at, ends_at, day_kind, compensation, reason, status, requested_by, cap_override_reason, cap_override_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9, $10) RETURNING id`,
      [input.staffId, input.date, input.startsAt, input.endsAt, input.dayKind, input.compensation, input.reason, input.requestedBy, input.capOverride?.reason ?? null, input.capOverride?.by ?? null],
    );
    return rows[0].id;
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<OvertimeRow | null> {
    const rows: OvertimeRow[] = await manager.query(`${SELECT} WHERE o.id = $1 ${lock ? 'FOR UPDATE OF o' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async setOverride(manager: EntityManager, id: string, reason: string, by: string): Promise<void> {
    await manager.query(`UPDATE overtime_request SET cap_override_reason = $2, cap_override_by = $3 WHERE id = $1`, [id, reason, by]);
  }

  setStatus(manager: EntityManager, id: string, status: OvertimeStatus, actorId: string, capacity: string, now: Date, reason: string | null): Promise<void> {
    return writeRequestStatus(manager, 'overtime_request', id, status, actorId, capacity, now, reason);
  }

  async list(manager: EntityManager, filter: OvertimeFilter): Promise<{ rows: OvertimeRow[]; total: number }> {
    const { condition, params } = scopedWhere('o.staff_id', filter.scopeViewerId, [
      ['o.staff_id = ?', filter.staffId],
      ['o.status = ?', filter.status],
    ]);
    const count: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM overtime_request o ${condition}`, params);
    const rows: OvertimeRow[] = await manager.query(`${SELECT} ${condition} ORDER BY o.date DESC, o.starts_at DESC OFFSET ${Number(filter.offset)} LIMIT ${Number(filter.limit)}`, params);
    return { rows, total: count[0].n };
  }
}
