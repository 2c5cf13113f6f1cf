import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { Clock } from '../policy/clock';
import { positionCodeTaken, positionNotFound } from './positions.errors';
import { CreatePositionDto, PositionDto, PositionListQueryDto, toPositionDto, UpdatePositionDto } from './dto/position.dto';
import { Position } from './position.entity';
import { PositionsRepository } from './positions.repository';


@Injectable()
export class PositionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly positions: PositionsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Code and names of every position, active or not, in the caller's transaction. */
  labels(manager: EntityManager): Promise<{ code: string; nameZh: string; nameEn: string }[]> {
    return this.positions.labels(manager).then((rows) => rows.map((row) => ({ code: row.code, nameZh: row.name_zh, nameEn: row.name_en })));
  }

  async list(query: PositionListQueryDto): Promise<PositionDto[]> {
    const where = query.active === undefined ? {} : { active: query.active };
    const rows = await this.dataSource.manager.find(Position, { where, order: { code: 'ASC' } });
    return rows.map(toPositionDto);
  }

  async create(actor: Actor, input: CreatePositionDto): Promise<PositionDto> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Position, { code: input.code })) {
        throw positionCodeTaken();
      }
      await manager.insert(Position, { code: input.code, nameZh: input.nameZh, nameEn: input.nameEn, active: true, updatedAt: this.clock.now() });
      const created = toPositionDto((await manager.findOneBy(Position, { code: input.code })) as Position);
      await this.audit.record(manager, actor, { action: 'position.create', entity: 'position', entityId: input.code, after: created });
      return created;
    });
  }

  async update(actor: Actor, code: string, input: UpdatePositionDto): Promise<PositionDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Position, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw positionNotFound();
      const before = toPositionDto(current);
      await manager.update(Position, { code }, { ...input, updatedAt: this.clock.now() });
      const after = toPositionDto((await manager.findOneBy(Position, { code })) as Position);
      await this.audit.record(manager, actor, { action: 'position.update', entity: 'position', entityId: code, before, after });
      return after;
    });
  }
}
