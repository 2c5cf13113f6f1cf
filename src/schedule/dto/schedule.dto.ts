import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiUuid } from '../../common/api-properties';

export class ScheduledSessionDto {
  @ApiProperty({ example: '08:30', maxLength: 5, description: 'Local start (company time)' })
  start: string;

  @ApiProperty({ example: '12:00', maxLength: 5, description: 'Local end; 24:00 is midnight' })
  end: string;

  @ApiDateTime()
  startAt: string;

  @ApiDateTime()
  endAt: string;
}

export class ScheduleDayDto {
  @ApiDate()
  date: string;

  @ApiProperty({ enum: ['workday', 'holiday', 'makeup_workday', 'rest'] })
  calendarKind: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 100 })
  calendarName: string | null;

  @ApiProperty({ enum: ['office', 'duty', 'holiday', 'rest', 'not_employed'], description: 'What the person does that day (derived, never stored)' })
  schedule: string;

  @ApiProperty({ type: [ScheduledSessionDto], maxItems: 4 })
  sessions: ScheduledSessionDto[];

  @ApiDateTime({ nullable: true, description: 'Punches from here…' })
  windowOpen: string | null;

  @ApiDateTime({ nullable: true, description: '…until here belong to this day' })
  windowClose: string | null;
}

export class ScheduleMonthDto {
  @ApiUuid()
  staffId: string;

  @ApiProperty({ example: 'Asia/Shanghai', maxLength: 64 })
  timeZone: string;

  @ApiProperty({ type: [ScheduleDayDto], maxItems: 31 })
  days: ScheduleDayDto[];
}
