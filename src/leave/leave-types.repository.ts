import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../database/modify-returning';
import type { UpdateLeaveTypeDto } from './dto/leave.dto';

export interface LeaveTypeRow {
  code: string;
  name_zh: string;
  name_en: string;
  paid: boolean;
  active: boolean;
}

/** The owner of leave_type (H-ATT-1: the types are data). A type is never deleted, only retired (active = false). */
@Injectable()
export class LeaveTypesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** In the order they were created (the order the catalogue shows them in). */
  list(): Promise<LeaveTypeRow[]> {
    return this.dataSource.query('SELECT * FROM leave_type ORDER BY created_at, code');
  }

  async exists(manager: EntityManager, code: string): Promise<boolean> {
    return ((await manager.query('SELECT 1 FROM leave_type WHERE code = $1', [code])) as unknown[]).length > 0;
  }

  /** Whether a request may still name the type: it exists and is not retired. */
  async isActive(manager: EntityManager, code: string): Promise<boolean> {
    const rows: { active: boolean }[] = await manager.query('SELECT active FROM leave_type WHERE code = $1', [code]);
    return rows[0]?.active === true;
  }

  async insert(manager: EntityManager, input: { code: string; nameZh: string; nameEn: string; paid: boolean }): Promise<LeaveTypeRow> {
    const rows: LeaveTypeRow[] = await manager.query('INSERT INTO leave_type (code, name_zh, name_en, paid) VALUES ($1, $2, $3, $4) RETURNING *', [input.code, input.nameZh, input.nameEn, input.paid]);
    return rows[0];
  }

  /** Locks the type for a change, so that the audit row's "before" is what the change replaced. */
  async findForUpdate(manager: EntityManager, code: string): Promise<LeaveTypeRow | null> {
    const rows: LeaveTypeRow[] = await manager.query('SELECT * FROM leave_type WHERE code = $1 FOR UPDATE', [code]);
    return rows[0] ?? null;
  }

  /** Fields left out keep their values. */
  async update(manager: EntityManager, code: string, input: UpdateLeaveTypeDto): Promise<LeaveTypeRow> {
    const rows = await modifyReturning<LeaveTypeRow>(
      manager,
      `UPDATE leave_type SET name_zh = coalesce($2, name_zh), name_en = coalesce($3, name_en), paid = coalesce($4, paid), active = coalesce($5, active) WHERE code = $1 RETURNING *`,
      [code, input.nameZh ?? null, input.nameEn ?? null, input.paid ?? null, input.active ?? null],
    );
    return rows[0];
  }
}
