import { ApiProperty } from '@nestjs/swagger';
import { ApiDate } from '../../common/api-properties';
import { EnumField, TextField } from '../../common/fields';

const KINDS = ['workday', 'holiday', 'makeup_workday', 'rest'] as const;

export class CalendarDayDto {
  @ApiDate({ example: '2026-10-01' })
  date: string;

  @ApiProperty({ enum: KINDS })
  kind: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 100, example: '国庆节' })
  name: string | null;

  @ApiProperty({ enum: ['package', 'override', 'work_week'], description: 'package: China\'s statutory calendar (chinese-days); override: set by an admin; work_week: the work-week setting' })
  source: string;
}

export class CalendarMonthDto {
  @ApiProperty({ example: '2026-10', maxLength: 7 })
  month: string;

  @ApiProperty({ type: [CalendarDayDto], maxItems: 31 })
  days: CalendarDayDto[];
}

export class PutCalendarDayDto {
  @EnumField(KINDS, { description: 'holiday: a day off unless rostered on duty (H-ATT-2); makeup_workday: a working day' })
  kind: (typeof KINDS)[number];

  @TextField({ example: '公司年会', nullable: true, type: String, minLength: 1, maxLength: 100, optional: 'or-null' })
  name?: string | null;
}
