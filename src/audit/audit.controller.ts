import { Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators';
import { pageOf, pageOffset } from '../common/pagination';
import { ReadRoute, SignedInController } from '../common/routes';
import { AuditEntry } from './audit-entry.entity';
import { AuditPageDto, AuditQueryDto, toAuditEntryDto } from './dto/audit-entry.dto';

@SignedInController('audit', 'audit-log')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @ReadRoute(undefined, AuditPageDto, { summary: 'Read the audit log, newest first (admin)', description: 'Append-only: there is no route that changes or deletes audit rows, and the database refuses it too.', errors: [400, 403] })
  @Roles('admin')
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const where = {
      ...(query.entity ? { entity: query.entity } : {}),
      ...(query.entityId ? { entityId: query.entityId } : {}),
      ...(query.actorId ? { actorId: query.actorId } : {}),
      ...(query.requestId ? { requestId: query.requestId } : {}),
      ...(query.actorKind ? { actorKind: query.actorKind as AuditEntry['actorKind'] } : {}),
    };
    const [rows, total] = await this.dataSource.manager.findAndCount(AuditEntry, {
      where,
      order: { id: 'DESC' },
      skip: pageOffset(query),
      take: query.pageSize,
    });
    return pageOf(rows.map(toAuditEntryDto), total, query);
  }
}
