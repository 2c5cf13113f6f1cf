import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { SingleLineText, MultiLineText } from '../../common/text';
import { ApprovalEventDto } from '../../approvals/dto/approval-event.dto';
import { PageDto, PageQueryDto } from '../../common/pagination';
import { IsCalendarDate, OptionalNotNull } from '../../common/validators';

const HALVES = ['am', 'pm'] as const;
const STATUSES = ['pending', 'approved', 'rejected', 'cancelled', 'filed'] as const;
const CODE = /^[a-z][a-z0-9_]{1,39}$/;

export class LeaveTypeDto {
  @ApiProperty({ example: 'personal', maxLength: 40 })
  code: string;

  @ApiProperty({ example: '事假', maxLength: 50 })
  nameZh: string;

  @ApiProperty({ example: 'Personal leave', maxLength: 100 })
  nameEn: string;

  @ApiProperty()
  paid: boolean;

  @ApiProperty()
  active: boolean;
}

export class LeaveTypeListDto {
  @ApiProperty({ type: [LeaveTypeDto], maxItems: 1000 })
  items: LeaveTypeDto[];
}

export class CreateLeaveTypeDto {
  @ApiProperty({ example: 'annual', pattern: CODE.source, maxLength: 40 })
  @Matches(CODE, { message: 'code must be 2-40 lower-case letters, digits or _, starting with a letter' })
  code: string;

  @ApiProperty({ example: '年假', minLength: 1, maxLength: 50 })
  @IsString()
  @Length(1, 50)
  @SingleLineText()
  nameZh: string;

  @ApiProperty({ example: 'Annual leave', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @SingleLineText()
  nameEn: string;

  @ApiProperty()
  @IsBoolean()
  paid: boolean;
}

export class UpdateLeaveTypeDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 50 })
  @OptionalNotNull()
  @IsString()
  @Length(1, 50)
  @SingleLineText()
  nameZh?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @OptionalNotNull()
  @IsString()
  @Length(1, 100)
  @SingleLineText()
  nameEn?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  paid?: boolean;

  @ApiPropertyOptional({ description: 'false: no new requests of this type' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class CreateLeaveRequestDto {
  @ApiProperty({ example: 'personal', maxLength: 40, description: 'A leave type code (GET /leave-types)' })
  @IsString()
  @MaxLength(40)
  @SingleLineText()
  type: string;

  @ApiProperty({ format: 'date', example: '2026-12-03' })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ enum: HALVES, nullable: true, type: String, description: "'pm': the first day starts with the afternoon session" })
  @IsOptional()
  @IsIn(HALVES)
  startHalf: 'am' | 'pm' | null = null;

  @ApiProperty({ format: 'date', example: '2026-12-04' })
  @IsCalendarDate()
  endDate: string;

  @ApiProperty({ enum: HALVES, nullable: true, type: String, description: "'am': the last day ends after the morning session" })
  @IsOptional()
  @IsIn(HALVES)
  endHalf: 'am' | 'pm' | null = null;

  @ApiPropertyOptional({ maxLength: 1000, example: 'Family matter', description: 'Required for an emergency request' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @MultiLineText()
  reason?: string;

  @ApiPropertyOptional({ default: false, description: 'H-ATT-11: filed afterwards (today or a past date) for an emergency; needs a reason' })
  @OptionalNotNull()
  @IsBoolean()
  emergency?: boolean;
}

export class LeaveRequestDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  staffId: string;

  @ApiProperty({ example: 'personal', maxLength: 40 })
  type: string;

  @ApiProperty({ format: 'date' })
  startDate: string;

  @ApiProperty({ enum: HALVES, nullable: true, type: String })
  startHalf: string | null;

  @ApiProperty({ format: 'date' })
  endDate: string;

  @ApiProperty({ enum: HALVES, nullable: true, type: String })
  endHalf: string | null;

  @ApiProperty({ example: 1.5, minimum: 0, maximum: 1000, description: 'Working days covered: scheduled days only, half days 0.5' })
  workingDays: number;

  @ApiProperty({ maxLength: 1000 })
  reason: string;

  @ApiProperty()
  emergency: boolean;

  @ApiProperty({ enum: STATUSES })
  status: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Who must decide: the direct supervisor; null: the administrators' })
  approverId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: [ApprovalEventDto], maxItems: 100, description: 'Every transition: who, when, in which capacity, with what comment' })
  history: ApprovalEventDto[];
}

export class LeaveRequestPageDto extends PageDto(LeaveRequestDto, 'LeaveRequestPageDto') {}

export class LeaveListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  staffId?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Requests that end on or after this date' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Requests that start on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

