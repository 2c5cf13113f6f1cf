import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { leaveTypeNotFound, leaveTypeTaken } from './leave.errors';
import { CreateLeaveTypeDto, LeaveTypeDto, UpdateLeaveTypeDto } from './dto/leave.dto';
import { LeaveTypeRow, LeaveTypesRepository } from './leave-types.repository';

const toDto = (row: LeaveTypeRow): LeaveTypeDto => ({ code: row.code, nameZh: row.name_zh, nameEn: row.name_en, paid: row.paid, active: row.active });

/** H-ATT-1: leave types are data (code, Chinese and English name, paid or not). */
@Injectable()
export class LeaveTypesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly types: LeaveTypesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<LeaveTypeDto[]> {
    return (await this.types.list()).map(toDto);
  }

  async create(actor: Actor, input: CreateLeaveTypeDto): Promise<LeaveTypeDto> {
    return this.dataSource.transaction(async (manager) => {
      if (await this.types.exists(manager, input.code)) throw leaveTypeTaken();
      const created = toDto(await this.types.insert(manager, input));
      await this.audit.record(manager, actor, { action: 'leave_type.create', entity: 'leave_type', entityId: input.code, after: created });
      return created;
    });
  }

  async update(actor: Actor, code: string, input: UpdateLeaveTypeDto): Promise<LeaveTypeDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.types.findForUpdate(manager, code);
      if (!current) throw leaveTypeNotFound();
      const after = toDto(await this.types.update(manager, code, input));
      await this.audit.record(manager, actor, { action: 'leave_type.update', entity: 'leave_type', entityId: code, before: toDto(current), after });
      return after;
    });
  }
}
