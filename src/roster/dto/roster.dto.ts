import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiInt, ApiUuid } from '../../common/api-properties';
import { MonthField, UuidField, UuidListField } from '../../common/fields';

export class RosterDayDto {
  @ApiDate()
  date: string;

  @ApiUuid({ nullable: true, description: 'The person on duty; null: a gap (H-ATT-2 wants exactly one)' })
  staffId: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 100 })
  name: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 32 })
  employeeNo: string | null;

  @ApiProperty({ enum: ['manual', 'generated'], nullable: true, type: String })
  source: string | null;
}

export class RosterMonthDto {
  @ApiProperty({ example: '2026-11', maxLength: 7 })
  month: string;

  @ApiProperty({ type: [RosterDayDto], maxItems: 31 })
  days: RosterDayDto[];

  @ApiInt(0, 31, { description: 'Dates with nobody on duty' })
  gaps: number;
}

export class PutRosterDto {
  @UuidField()
  staffId: string;
}

export class GenerateRosterDto {
  @MonthField()
  month: string;

  @UuidListField({ type: [String], format: 'uuid', minItems: 1, maxItems: 1000, description: 'The rotation, in order' })
  staffIds: string[];
}
