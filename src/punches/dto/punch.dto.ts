import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateTime } from 'luxon';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { ApiDate, ApiDateTime, ApiInt, ApiUuid } from '../../common/api-properties';
import { IsDateTimeText } from '../../common/date-time';
import { DateField, MultiLineTextField, UuidField } from '../../common/fields';
import { PageDto, PageQueryDto } from '../../common/pagination';
import type { PunchRow } from '../punches.repository';

export const MAX_BATCH = 10_000;

export class PunchDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  staffId: string;

  @ApiDateTime({ description: 'The instant, to the second (H-ATT-7)' })
  at: string;

  @ApiProperty({ example: '2026-11-03T08:29:12+08:00', maxLength: 40, description: 'The same instant in company time' })
  localTime: string;

  @ApiProperty({ enum: ['clock', 'batch', 'import', 'device', 'manual', 'correction'], description: 'correction: added by an approved make-up punch request (补卡)' })
  source: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 64, description: 'Free label given by the sender (terminal name…)' })
  sourceLabel: string | null;

  @ApiUuid({ nullable: true })
  deviceId: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 500, description: 'Why an admin entered it (manual punches)' })
  reason: string | null;

  @ApiDate({ nullable: true, description: 'The date whose shift it belongs to; null when it falls in no punch window (kept, shown, not counted)' })
  assignedDate: string | null;

  @ApiDateTime({ nullable: true })
  voidedAt: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 500 })
  voidReason: string | null;
}

export class PunchPageDto extends PageDto(PunchDto, 'PunchPageDto') {}

export class ClockResultDto {
  @ApiProperty({ type: PunchDto })
  punch: PunchDto;

  @ApiProperty({ description: 'true when a punch of the same second existed already (nothing new was stored)' })
  duplicate: boolean;
}


export class BatchDto {
  @ApiProperty({
    description: `Up to ${MAX_BATCH} punches. Each: { employeeNo, at, source? } where at is RFC 3339 with an offset within ±14:00 (Z or ±HH:MM), or a local date-time without one (read in the company time zone); any other time is a rejected line.`,
    type: 'array',
    maxItems: MAX_BATCH,
    items: {
      type: 'object',
      required: ['employeeNo', 'at'],
      additionalProperties: false,
      properties: {
        employeeNo: { type: 'string', maxLength: 32, pattern: '^[A-Za-z0-9_-]{1,32}$', example: 'E0042' },
        at: { type: 'string', maxLength: 40, example: '2026-11-03T08:29:12+08:00' },
        source: { type: 'string', maxLength: 64, nullable: true, example: 'front-door' },
      },
    },
  })
  @IsArray()
  @ArrayMaxSize(MAX_BATCH)
  punches: unknown[];
}

export class RejectedPunchLineDto {
  @ApiInt(0, 10_000_000, { description: '0-based index of the item (or line − 1 of a file)' })
  index: number;

  @ApiProperty({ enum: ['INVALID_LINE', 'UNKNOWN_EMPLOYEE', 'INACTIVE_EMPLOYEE', 'TIME_UNPARSEABLE', 'TIME_IN_FUTURE', 'MONTH_CLOSED'] })
  reason: string;

  @ApiProperty({ maxLength: 500 })
  message: string;

  @ApiPropertyOptional({ maxLength: 501, description: 'The line as received (files)' })
  raw?: string;
}

export class IngestResultDto {
  @ApiInt(0, 10_000_000)
  received: number;

  @ApiInt(0, 10_000_000, { description: 'New punches stored' })
  inserted: number;

  @ApiInt(0, 10_000_000, { description: 'Punches that were stored already (same person, same second)' })
  duplicates: number;

  @ApiProperty({ type: [RejectedPunchLineDto], maxItems: 10000000 })
  rejected: RejectedPunchLineDto[];
}

export class ManualPunchDto {
  @UuidField()
  staffId: string;

  @ApiProperty({ example: '2026-11-03T08:29:00+08:00', maxLength: 40, description: 'RFC 3339 with an offset within ±14:00 (Z or ±HH:MM), or a local YYYY-MM-DD HH:MM:SS in the company zone' })
  @IsString()
  @MaxLength(40)
  @IsDateTimeText()
  at: string;

  @MultiLineTextField({ example: 'Terminal was down; confirmed by the store manager', minLength: 3, maxLength: 500 })
  reason: string;
}

export class VoidPunchDto {
  @MultiLineTextField({ example: 'Clocked twice by mistake', minLength: 3, maxLength: 500 })
  reason: string;
}

export class PunchListQueryDto extends PageQueryDto {
  @UuidField()
  staffId: string;

  @DateField({ example: '2026-11-01' })
  from: string;

  @DateField({ example: '2026-11-30' })
  to: string;
}

/** A punch's instant in company time, to the second, with its offset. */
export const localTimeOf = (at: Date, zone: string): string => DateTime.fromJSDate(at, { zone }).toISO({ suppressMilliseconds: true }) as string;

export function toPunchDto(row: PunchRow, assignedDate: string | null, zone: string, localTime: (at: Date, zone: string) => string = localTimeOf): PunchDto {
  return {
    id: row.id,
    staffId: row.staff_id,
    at: row.at.toISOString(),
    localTime: localTime(row.at, zone),
    source: row.source,
    sourceLabel: row.source_label,
    deviceId: row.device_id,
    reason: row.reason,
    assignedDate,
    voidedAt: row.voided_at?.toISOString() ?? null,
    voidReason: row.void_reason,
  };
}
