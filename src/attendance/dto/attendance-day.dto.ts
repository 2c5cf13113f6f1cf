import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiInt, ApiUuid } from '../../common/api-properties';
import type { Language } from '../../domain/i18n/language';
import type { StoredDay } from '../attendance.repository';
import type { ComputedDay } from '../../domain/attendance/person-days';
import { DayFact, FACT_KINDS } from '../../domain/attendance/facts';
import { explainDay } from '../../domain/attendance/sentences';
import { OVERTIME_KINDS } from '../../domain/overtime/policy';

const STATUSES = ['present', 'late', 'absent', 'leave', 'exempt', 'holiday', 'rest', 'pending', 'not_employed'];

export class AttendanceDayDto {
  @ApiDate()
  date: string;

  @ApiProperty({ enum: STATUSES, description: 'absent = unexcused absence (旷工); exempt = business trip (因公外出); pending = the punch window has not closed yet' })
  status: string;

  @ApiProperty({ enum: ['workday', 'holiday', 'makeup_workday', 'rest'] })
  calendarKind: string;

  @ApiProperty({ description: 'On the duty roster that day (H-ATT-2)' })
  onDuty: boolean;

  @ApiProperty({ enum: ['office', 'duty'], nullable: true, type: String })
  shiftCode: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 40 })
  leaveTypeCode: string | null;

  @ApiDateTime({ nullable: true, description: 'First punch of the day (H-ATT-7)' })
  firstIn: string | null;

  @ApiDateTime({ nullable: true, description: 'Last punch of the day' })
  lastOut: string | null;

  @ApiInt(0, 1440, { description: 'H-ATT-5; compared to the second, partial minutes round up (08:30:01 is 1 minute late)' })
  lateMinutes: number;

  @ApiInt(0, 1440, { description: 'H-ATT-6; partial minutes round up' })
  earlyMinutes: number;

  @ApiInt(0, 1440, { description: 'Minutes inside the sessions (the lunch break is not worked time)' })
  workedMinutes: number;

  @ApiProperty()
  missingIn: boolean;

  @ApiProperty()
  missingOut: boolean;

  @ApiProperty({ description: 'Left before the end (H-ATT-6): the day counts as unexcused absence' })
  earlyLeave: boolean;

  @ApiProperty()
  seriousLate: boolean;

  @ApiProperty({ enum: [0, 0.5, 1], description: 'What the day counts as unexcused absence' })
  absenceDays: number;

  @ApiProperty({ enum: [0, 0.5, 1] })
  leaveDays: number;

  @ApiProperty({ enum: [0, 0.5, 1] })
  exemptDays: number;

  @ApiProperty({ enum: [...OVERTIME_KINDS, null], nullable: true, type: String, description: 'Overtime credited on the day (加班, 劳动法第44条): workday 150%, rest_day 200%, holiday 300%; null: none' })
  overtimeKind: string | null;

  @ApiInt(0, 1440, { description: 'Overtime minutes credited once the punch window has closed (rounded down to the unit)' })
  overtimeMinutes: number;

  @ApiInt(0, 1440, { description: 'Of rest-day overtime minutes, those taken back as time off in lieu (调休) instead of pay' })
  lieuMinutes: number;

  @ApiProperty({
    type: 'array',
    maxItems: 50,
    description: 'What the rules found, in order, for machines: the clause, the kind of fact and its parameters (local times as {date, time} in the company zone)',
    items: {
      type: 'object',
      required: ['kind', 'clause'],
      properties: { kind: { type: 'string', enum: [...FACT_KINDS] }, clause: { type: 'string', maxLength: 12, example: 'H-ATT-6' } },
      additionalProperties: true,
    },
  })
  facts: DayFact[];

  @ApiProperty({
    type: 'array',
    items: { type: 'string', maxLength: 500 },
    maxItems: 50,
    description: 'The facts as sentences in the reader\'s language (Accept-Language, else the company default), each starting with its clause id',
    example: ['H-ATT-3：行政班 08:30–12:00、13:00–17:30', 'H-ATT-5：08:25 上班打卡，准时', 'H-ATT-6：无下班打卡记录，按早退处理，当日计旷工', 'H-ATT-1：旷工 1 天'],
  })
  explanation: string[];
}

export class AttendanceMonthDto {
  @ApiUuid()
  staffId: string;

  @ApiProperty({ example: '2026-11', maxLength: 7 })
  month: string;

  @ApiProperty({ type: [AttendanceDayDto], maxItems: 31 })
  days: AttendanceDayDto[];
}

export class RecomputeResultDto {
  @ApiProperty({ example: '2026-11', maxLength: 7 })
  month: string;

  @ApiInt(0, 10_000_000, { description: 'Stored day results in the month after the rebuild' })
  days: number;
}

/** A day as answered, from its stored result or computed now. */
export function toDayDto(day: StoredDay, language: Language): AttendanceDayDto {
  return {
    date: day.date,
    status: day.status,
    calendarKind: day.calendarKind,
    onDuty: day.onDuty,
    shiftCode: day.shiftCode,
    leaveTypeCode: day.leaveTypeCode,
    firstIn: day.firstIn?.toISOString() ?? null,
    lastOut: day.lastOut?.toISOString() ?? null,
    lateMinutes: day.lateMinutes,
    earlyMinutes: day.earlyMinutes,
    workedMinutes: day.workedMinutes,
    missingIn: day.missingIn,
    missingOut: day.missingOut,
    earlyLeave: day.earlyLeave,
    seriousLate: day.seriousLate,
    absenceDays: day.absenceDays,
    leaveDays: day.leaveDays,
    exemptDays: day.exemptDays,
    overtimeKind: day.overtime.kind,
    overtimeMinutes: day.overtime.minutes,
    lieuMinutes: day.overtime.lieuMinutes,
    facts: day.facts,
    explanation: explainDay(day.facts, day.date, language),
  };
}

export const computedToDayDto = ({ result, schedule }: ComputedDay, language: Language): AttendanceDayDto =>
  toDayDto({ ...result, calendarKind: schedule.calendar.kind, onDuty: schedule.onDuty }, language);
