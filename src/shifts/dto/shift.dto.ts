import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches, ValidateNested } from 'class-validator';
import { ApiDate } from '../../common/api-properties';
import { DateField } from '../../common/fields';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export class LocalSessionDto {
  @ApiProperty({ example: '08:30', pattern: CLOCK.source, maxLength: 5 })
  @Matches(CLOCK, { message: 'start must be HH:mm (00:00-23:59)' })
  start: string;

  @ApiProperty({ example: '12:00', pattern: END_CLOCK.source, maxLength: 5, description: '24:00 is midnight at the end of the day' })
  @Matches(END_CLOCK, { message: 'end must be HH:mm (00:00-23:59) or 24:00' })
  end: string;
}

export class ShiftVersionDto {
  @ApiDate()
  effectiveFrom: string;

  @ApiProperty({ type: [LocalSessionDto], maxItems: 4 })
  sessions: LocalSessionDto[];
}

export class ShiftDto {
  @ApiProperty({ enum: ['office', 'duty'] })
  code: string;

  @ApiProperty({ type: [LocalSessionDto], maxItems: 4, description: 'The sessions in force today' })
  sessions: LocalSessionDto[];

  @ApiProperty({ type: [ShiftVersionDto], maxItems: 1000, description: 'Every version, oldest first' })
  versions: ShiftVersionDto[];
}

export class ShiftListDto {
  @ApiProperty({ type: [ShiftDto], maxItems: 2 })
  items: ShiftDto[];
}

export class PutShiftDto {
  @DateField({ example: '2026-12-01' })
  effectiveFrom: string;

  @ApiProperty({ type: [LocalSessionDto], minItems: 1, maxItems: 4, example: [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LocalSessionDto)
  sessions: LocalSessionDto[];
}
