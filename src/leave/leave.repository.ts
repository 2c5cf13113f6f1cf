import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { scopedWhere } from '../staff/visibility-sql';
import { LeaveSpan, slotsOf } from '../domain/leave-rules';
import type { LeaveStatus } from '../domain/leave-workflow';


export interface LeaveRow {
  id: string;
  staff_id: string;
  type_code: string;
  start_date: string;
  start_half: 'am' | 'pm' | null;
  end_date: string;
  end_half: 'am' | 'pm' | null;
  working_days: number;
  reason: string;
  emergency: boolean;
  status: LeaveStatus;
  created_at: Date;
  approver_id: string | null;
}

export interface LeaveFilter {
  scopeViewerId: string | null;
  staffId?: string;
  status?: string;
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

const range = (span: LeaveSpan) => {
  const [from, to] = slotsOf(span);
  return `[${from},${to})`;
};

// The approver shown with each request: the direct supervisor while active, else the admins (null).
const SELECT = `
  SELECT l.*, CASE WHEN sup.active THEN s.supervisor_id END AS approver_id
    FROM leave_request l JOIN staff s ON s.id = l.staff_id LEFT JOIN staff sup ON sup.id = s.supervisor_id`;

@Injectable()
export class LeaveRepository {
  async overlapping(manager: EntityManager, staffId: string, span: LeaveSpan): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM leave_request WHERE staff_id = $1 AND slots && $2::int4range AND status IN ('pending', 'approved', 'filed') LIMIT 1`,
      [staffId, range(span)],
    );
    return rows.length > 0;
  }

  async insert(manager: EntityManager, staffId: string, type: string, span: LeaveSpan, workingDays: number, reason: string, emergency: boolean): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO leave_request (staff_id, type_code, start_date, start_half, end_date, end_half, slots, working_days, reason, emergency, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7::int4range, $8, $9, $10, 'pending') RETURNING id`,
      [staffId, type, span.startDate, span.startHalf, span.endDate, span.endHalf, range(span), workingDays, reason, emergency],
    );
    return rows[0].id;
  }

  async find(manager: EntityManager, id: string): Promise<LeaveRow | null> {
    const rows: LeaveRow[] = await manager.query(`${SELECT} WHERE l.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Locks the request for a transition: of two racing decisions the second sees the first's outcome. */
  async lock(manager: EntityManager, id: string): Promise<LeaveRow | null> {
    const rows: LeaveRow[] = await manager.query(`${SELECT} WHERE l.id = $1 FOR UPDATE OF l`, [id]);
    return rows[0] ?? null;
  }

  async setStatus(manager: EntityManager, id: string, status: LeaveStatus, actorId: string, capacity: string | null, now: Date): Promise<void> {
    const columns: Record<LeaveStatus, string> = {
      pending: '',
      approved: 'decided_at = $3, decided_by = $4, decided_as = $5',
      rejected: 'decided_at = $3, decided_by = $4, decided_as = $5',
      filed: 'filed_at = $3, filed_by = $4',
      cancelled: 'cancelled_at = $3, cancelled_by = $4',
    };
    const params = status === 'approved' || status === 'rejected' ? [id, status, now, actorId, capacity] : [id, status, now, actorId];
    await manager.query(`UPDATE leave_request SET status = $2, ${columns[status]} WHERE id = $1`, params);
  }

  async list(manager: EntityManager, filter: LeaveFilter): Promise<{ rows: LeaveRow[]; total: number }> {
    const { condition, params } = scopedWhere('l.staff_id', filter.scopeViewerId, [
      ['l.staff_id = ?', filter.staffId],
      ['l.status = ?', filter.status],
      ['l.end_date >= ?', filter.from],
      ['l.start_date <= ?', filter.to],
    ]);
    const count: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM leave_request l ${condition}`, params);
    const rows: LeaveRow[] = await manager.query(
      `${SELECT} ${condition} ORDER BY l.start_date DESC, l.created_at DESC OFFSET ${Number(filter.offset)} LIMIT ${Number(filter.limit)}`,
      params,
    );
    return { rows, total: count[0].n };
  }
}
