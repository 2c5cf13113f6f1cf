import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { modifyReturning } from '../database/modify-returning';

export type PunchSource = 'clock' | 'batch' | 'import' | 'device' | 'manual';

export interface PunchRow {
  id: string;
  staff_id: string;
  at: Date;
  source: PunchSource;
  source_label: string | null;
  device_id: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: Date;
  voided_at: Date | null;
  voided_by: string | null;
  void_reason: string | null;
}

export interface StaffByNumber {
  id: string;
  employee_no: string;
  active: boolean;
}

export interface NewPunch {
  staffId: string;
  at: Date;
  sourceLabel: string | null;
}

export interface PunchOrigin {
  source: PunchSource;
  deviceId: string | null;
  reason: string | null;
  createdBy: string;
}

@Injectable()
export class PunchesRepository {
  async staffByEmployeeNo(manager: EntityManager, numbers: string[]): Promise<Map<string, StaffByNumber>> {
    const rows: StaffByNumber[] = await manager.query(`SELECT id, employee_no, active FROM staff WHERE employee_no = ANY($1::text[])`, [numbers]);
    return new Map(rows.map((row) => [row.employee_no, row]));
  }

  /**
   * Inserts the punches that are new; the same person at the same second is stored once whatever
   * sent it (the unique constraint decides, so concurrent senders cannot both insert).
   */
  async insertNew(manager: EntityManager, punches: NewPunch[], origin: PunchOrigin): Promise<PunchRow[]> {
    if (punches.length === 0) return [];
    return manager.query(
      `INSERT INTO punch (staff_id, at, source, source_label, device_id, reason, created_by)
       SELECT staff_id, at, $4, label, $5, $6, $7 FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS p(staff_id, at, label)
       ON CONFLICT (staff_id, at) DO NOTHING
       RETURNING *`,
      [punches.map((p) => p.staffId), punches.map((p) => p.at), punches.map((p) => p.sourceLabel), origin.source, origin.deviceId, origin.reason, origin.createdBy],
    );
  }

  async deleteUncommitted(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await manager.query(`DELETE FROM punch WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async findById(manager: EntityManager, id: string, lock = false): Promise<PunchRow | null> {
    const rows: PunchRow[] = await manager.query(`SELECT * FROM punch WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async findAt(manager: EntityManager, staffId: string, at: Date): Promise<PunchRow | null> {
    const rows: PunchRow[] = await manager.query(`SELECT * FROM punch WHERE staff_id = $1 AND at = $2`, [staffId, at]);
    return rows[0] ?? null;
  }

  async void(manager: EntityManager, id: string, actorId: string, reason: string, now: Date): Promise<PunchRow> {
    const rows = await modifyReturning<PunchRow>(
      manager,
      `UPDATE punch SET voided_at = $2, voided_by = $3, void_reason = $4 WHERE id = $1 RETURNING *`,
      [id, now, actorId, reason],
    );
    return rows[0];
  }

  async listForStaff(manager: EntityManager, staffId: string, fromInstant: Date, toInstant: Date, offset: number, limit: number): Promise<{ rows: PunchRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      manager.query(`SELECT * FROM punch WHERE staff_id = $1 AND at >= $2 AND at < $3 ORDER BY at OFFSET $4 LIMIT $5`, [staffId, fromInstant, toInstant, offset, limit]) as Promise<PunchRow[]>,
      manager.query(`SELECT count(*)::int AS n FROM punch WHERE staff_id = $1 AND at >= $2 AND at < $3`, [staffId, fromInstant, toInstant]) as Promise<{ n: number }[]>,
    ]);
    return { rows, total: count[0].n };
  }

  async touchDevice(manager: EntityManager, deviceId: string, now: Date, punched: boolean): Promise<void> {
    await manager.query(`UPDATE device SET last_seen_at = $2, last_punch_at = CASE WHEN $3 THEN $2 ELSE last_punch_at END WHERE id = $1`, [deviceId, now, punched]);
  }
}
