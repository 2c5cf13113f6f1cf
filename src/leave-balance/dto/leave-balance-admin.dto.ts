import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiUuid } from '../../common/api-properties';
import { AllowanceRuleDto, ENTRY_CAUSES, ENTRY_KINDS } from './leave-balance.dto';

export class CarryOverVersionDto {
  @ApiDate()
  effectiveFrom: string;

  @ApiProperty({ type: Number, minimum: 0, maximum: 365, description: '0: unused days lapse at the end of the year' })
  maxDays: number;

  @ApiProperty({ nullable: true, type: String, maxLength: 5, example: '03-31', description: 'MM-DD in the next year when carried days expire' })
  expiresOn: string | null;
}

export class CarryOverSettingsDto {
  @ApiProperty({ type: CarryOverVersionDto, description: 'The version that will close this year (in force on its 31 December)' })
  current: CarryOverVersionDto;

  @ApiProperty({ type: [CarryOverVersionDto], maxItems: 1000 })
  versions: CarryOverVersionDto[];
}

export class LeaveTypeRulesDto {
  @ApiProperty({ example: 'annual', maxLength: 40 })
  leaveType: string;

  @ApiProperty({ type: AllowanceRuleDto, nullable: true, description: 'In force today; null: no balance kept' })
  current: AllowanceRuleDto | null;

  @ApiProperty({ type: [AllowanceRuleDto], maxItems: 1000 })
  versions: AllowanceRuleDto[];
}

export class LeaveBalanceSettingsDto {
  @ApiProperty({ type: CarryOverSettingsDto })
  carryOver: CarryOverSettingsDto;

  @ApiProperty({ type: [LeaveTypeRulesDto], maxItems: 1000, description: 'Leave types with an allowance rule; the others keep no balance' })
  rules: LeaveTypeRulesDto[];
}

export class GrantProblemDto {
  @ApiUuid({ nullable: true, description: 'Null: a problem of the whole run' })
  staffId: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 40 })
  leaveType: string | null;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1970, maximum: 2099 })
  year: number;

  @ApiProperty({ example: 'MONTH_CLOSED', maxLength: 64 })
  code: string;

  @ApiProperty({ maxLength: 1000 })
  message: string;
}

export class GrantRunEntryDto {
  @ApiUuid()
  staffId: string;

  @ApiProperty({ example: 'annual', maxLength: 40 })
  leaveType: string;

  @ApiProperty({ enum: ENTRY_KINDS })
  kind: string;

  @ApiProperty({ enum: ENTRY_CAUSES })
  cause: string;

  @ApiProperty({ type: Number, minimum: -1000, maximum: 1000 })
  days: number;

  @ApiDate()
  date: string;
}

export class GrantRunDto {
  @ApiProperty({ type: 'integer', format: 'int64', minimum: 1, maximum: Number.MAX_SAFE_INTEGER })
  id: number;

  @ApiDateTime()
  startedAt: string;

  @ApiDateTime({ nullable: true })
  finishedAt: string | null;

  @ApiDate({ description: 'Company today when it ran: everything due by then is granted or listed in problems' })
  throughDate: string;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1970, maximum: 2099, description: 'The first year it settled for everyone (catching up from the last finished run)' })
  fromYear: number;

  @ApiProperty({ enum: ['running', 'done', 'failed'] })
  outcome: string;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 })
  people: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, description: 'Entries written' })
  entries: number;

  @ApiProperty({ type: [GrantRunEntryDto], maxItems: 1000, description: 'What it wrote (the first 1000 entries)' })
  written: GrantRunEntryDto[];

  @ApiProperty({ type: [GrantProblemDto], maxItems: 501 })
  problems: GrantProblemDto[];
}

export class GrantRunListDto {
  @ApiProperty({ type: [GrantRunDto], maxItems: 20, description: 'The latest runs, newest first' })
  items: GrantRunDto[];
}
