import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ApiDateTime } from '../../common/api-properties';
import { EnumField, TextField } from '../../common/fields';
import { PageDto, PageQueryDto } from '../../common/pagination';
import { AuditEntry } from '../audit-entry.entity';

export class AuditEntryDto {
  @ApiProperty({ example: 42, type: 'integer', format: 'int64', minimum: 1, maximum: 9007199254740991 })
  id: number;

  @ApiDateTime()
  at: string;

  @ApiProperty({ enum: ['staff', 'device', 'system'] })
  actorKind: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 100 })
  actorId: string | null;

  @ApiProperty({ example: 'staff.update', maxLength: 100 })
  action: string;

  @ApiProperty({ example: 'staff', maxLength: 100 })
  entity: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 100 })
  entityId: string | null;

  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'The record before the change, as a JSON object of its fields (its shape is that of the entity named by `entity`); null when the change created it' })
  before: unknown;

  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'The record after the change, as a JSON object of its fields; null when the change removed it or the action has no resulting record' })
  after: unknown;

  @ApiProperty({ nullable: true, type: String, maxLength: 64, pattern: '^[A-Za-z0-9._:-]{1,64}$', description: 'X-Request-Id of the request that made the change (null outside requests)' })
  requestId: string | null;
}

export class AuditPageDto extends PageDto(AuditEntryDto, 'AuditPageDto') {}

export class AuditQueryDto extends PageQueryDto {
  @TextField({ example: 'staff', maxLength: 100, optional: 'or-null' })
  entity?: string;

  @TextField({ maxLength: 100, optional: 'or-null' })
  entityId?: string;

  @TextField({ maxLength: 100, optional: 'or-null' })
  actorId?: string;

  @ApiPropertyOptional({ maxLength: 64, description: 'Only the rows one request wrote (its X-Request-Id)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  requestId?: string;

  @EnumField(['staff', 'device', 'system'], { optional: 'or-null' })
  actorKind?: string;
}

export function toAuditEntryDto(entry: AuditEntry): AuditEntryDto {
  return {
    id: Number(entry.id),
    at: entry.at.toISOString(),
    actorKind: entry.actorKind,
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
    requestId: entry.requestId,
  };
}
