import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { MultiLineText } from '../../common/text';

export class MonthSnapshotDto {
  @ApiProperty({ format: 'date-time' })
  closedAt: string;

  @ApiProperty({ format: 'uuid' })
  closedBy: string;

  @ApiProperty({ maxLength: 64, description: 'SHA-256 of the canonical JSON served by GET /months/{month}/report' })
  sha256: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  reopenedAt: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  reopenedBy: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000 })
  reopenReason: string | null;
}

export class MonthDto {
  @ApiProperty({ example: '2026-11', maxLength: 7 })
  month: string;

  @ApiProperty({ enum: ['open', 'closed'] })
  state: string;

  @ApiProperty({ type: [MonthSnapshotDto], maxItems: 1000, description: 'Every close, oldest first; all are kept' })
  snapshots: MonthSnapshotDto[];
}

export class MonthListDto {
  @ApiProperty({ type: [MonthDto], maxItems: 10000 })
  items: MonthDto[];
}

export class ReopenMonthDto {
  @ApiProperty({ minLength: 3, maxLength: 1000, example: 'Emergency leave of E0042 approved late' })
  @IsString()
  @Length(3, 1000)
  @MultiLineText()
  reason: string;
}
