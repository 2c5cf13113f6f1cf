import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { modifyReturning } from '../database/modify-returning';
import { leaveTypeNotFound, leaveTypeTaken } from './leave.errors';
import { CreateLeaveTypeDto, LeaveTypeDto, UpdateLeaveTypeDto } from './dto/leave.dto';

interface LeaveTypeRow {
  code: string;
  name_zh: string;
  name_en: string;
  paid: boolean;
  active: boolean;
}

const toDto = (row: LeaveTypeRow): LeaveTypeDto => ({ code: row.code, nameZh: row.name_zh, nameEn: row.name_en, paid: row.paid, active: row.active });

/** H-ATT-1: leave types are data (code, Chinese and English name, paid or not). */
@Injectable()
export class LeaveTypesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<LeaveTypeDto[]> {
    const rows: LeaveTypeRow[] = await this.dataSource.query('SELECT * FROM leave_type ORDER BY created_at, code');
    return rows.map(toDto);
  }

  async create(actor: Actor, input: CreateLeaveTypeDto): Promise<LeaveTypeDto> {
    return this.dataSource.transaction(async (manager) => {
      const taken: unknown[] = await manager.query('SELECT 1 FROM leave_type WHERE code = $1', [input.code]);
      if (taken.length > 0) throw leaveTypeTaken();
      const rows: LeaveTypeRow[] = await manager.query('INSERT INTO leave_type (code, name_zh, name_en, paid) VALUES ($1, $2, $3, $4) RETURNING *', [input.code, input.nameZh, input.nameEn, input.paid]);
      const created = toDto(rows[0]);
      await this.audit.record(manager, actor, { action: 'leave_type.create', entity: 'leave_type', entityId: input.code, after: created });
      return created;
    });
  }

  async update(actor: Actor, code: string, input: UpdateLeaveTypeDto): Promise<LeaveTypeDto> {
    return this.dataSource.transaction(async (manager) => {
      const current: LeaveTypeRow[] = await manager.query('SELECT * FROM leave_type WHERE code = $1 FOR UPDATE', [code]);
      if (current.length === 0) throw leaveTypeNotFound();
      const rows = await modifyReturning<LeaveTypeRow>(
        manager,
        `UPDATE leave_type SET name_zh = coalesce($2, name_zh), name_en = coalesce($3, name_en), paid = coalesce($4, paid), active = coalesce($5, active) WHERE code = $1 RETURNING *`,
        [code, input.nameZh ?? null, input.nameEn ?? null, input.paid ?? null, input.active ?? null],
      );
      const after = toDto(rows[0]);
      await this.audit.record(manager, actor, { action: 'leave_type.update', entity: 'leave_type', entityId: code, before: toDto(current[0]), after });
      return after;
    });
  }
}
