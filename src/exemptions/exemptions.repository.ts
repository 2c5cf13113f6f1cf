import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { visibleTo } from '../staff/visibility-sql';

import type { ExemptionStatus } from '../domain/exemption-workflow';

export interface ExemptionRow {
  id: string;
  staff_id: string;
  date: string;
  from_time: string | null;
  to_time: string | null;
  destination: string;
  reason: string;
  status: ExemptionStatus;
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  decided_as: 'supervisor' | 'admin' | null;
  attestation: string | null;
  revoke_reason: string | null;
  revoked_as_false: boolean | null;
  approver_id: string | null;
}

const SELECT = `
  SELECT e.*, CASE WHEN sup.active THEN s.supervisor_id END AS approver_id
    FROM exemption e JOIN staff s ON s.id = e.staff_id LEFT JOIN staff sup ON sup.id = s.supervisor_id`;

@Injectable()
export class ExemptionsRepository {
  async insert(manager: EntityManager, staffId: string, date: string, from: string | null, to: string | null, destination: string, reason: string): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO exemption (staff_id, date, from_time, to_time, destination, reason, status) VALUES ($1, $2, $3, $4, $5, $6, 'pending') RETURNING id`,
      [staffId, date, from, to, destination, reason],
    );
    return rows[0].id;
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<ExemptionRow | null> {
    const rows: ExemptionRow[] = await manager.query(`${SELECT} WHERE e.id = $1 ${lock ? 'FOR UPDATE OF e' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async decide(manager: EntityManager, id: string, status: 'approved' | 'rejected', actorId: string, capacity: string, attestation: string | null, now: Date): Promise<void> {
    await manager.query(`UPDATE exemption SET status = $2, decided_at = $3, decided_by = $4, decided_as = $5, attestation = $6 WHERE id = $1`, [id, status, now, actorId, capacity, attestation]);
  }

  async file(manager: EntityManager, id: string, actorId: string, now: Date): Promise<void> {
    await manager.query(`UPDATE exemption SET status = 'filed', filed_at = $2, filed_by = $3 WHERE id = $1`, [id, now, actorId]);
  }

  async revoke(manager: EntityManager, id: string, actorId: string, reason: string, asFalse: boolean, now: Date): Promise<void> {
    await manager.query(`UPDATE exemption SET status = 'revoked', revoked_at = $2, revoked_by = $3, revoke_reason = $4, revoked_as_false = $5 WHERE id = $1`, [id, now, actorId, reason, asFalse]);
  }

  async list(manager: EntityManager, scopeViewerId: string | null, staffId: string | undefined, status: string | undefined, offset: number, limit: number): Promise<{ rows: ExemptionRow[]; total: number }> {
    const condition = `WHERE ${visibleTo('e.staff_id', '$1')}
      AND ($2::uuid IS NULL OR e.staff_id = $2) AND ($3::text IS NULL OR e.status = $3)`;
    const params = [scopeViewerId, staffId ?? null, status ?? null];
    const count: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM exemption e ${condition}`, params);
    const rows: ExemptionRow[] = await manager.query(`${SELECT} ${condition} ORDER BY e.date DESC, e.created_at DESC OFFSET ${Number(offset)} LIMIT ${Number(limit)}`, params);
    return { rows, total: count[0].n };
  }
}
