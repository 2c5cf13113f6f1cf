import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiSignedIn } from '../common/api-docs';
import { pageOf, pageOffset } from '../common/pagination';
import { AuditEntry } from './audit-entry.entity';
import { AuditPageDto, AuditQueryDto, toAuditEntryDto } from './dto/audit-entry.dto';

@ApiTags('audit')
@ApiSignedIn()
@Controller('audit-log')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Read the audit log, newest first (admin)', description: 'Append-only: there is no route that changes or deletes audit rows, and the database refuses it too.' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors(400, 403)
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
