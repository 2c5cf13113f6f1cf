import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { SingleLineText } from '../../common/text';
import { PageQueryDto } from '../../common/pagination';
import { IsCalendarDate, OptionalNotNull } from '../../common/validators';
import { GRANTABLE_ROLES, GrantableRole } from '../../domain/roles';

const EMPLOYEE_NO = /^[A-Za-z0-9_-]{1,32}$/;
const USERNAME = /^[A-Za-z0-9_.-]{2,64}$/;

export class CreateStaffDto {
  @ApiProperty({ example: 'E0042', pattern: EMPLOYEE_NO.source, maxLength: 32 })
  @IsString()
  @Matches(EMPLOYEE_NO, { message: 'employeeNo must be 1-32 letters, digits, - or _' })
  @SingleLineText()
  employeeNo: string;

  @ApiProperty({ example: '王芳', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @SingleLineText()
  name: string;

  @ApiProperty({ example: 'wangfang', pattern: USERNAME.source, maxLength: 64 })
  @IsString()
  @Matches(USERNAME, { message: 'username must be 2-64 letters, digits, ., - or _' })
  @SingleLineText()
  username: string;

  @ApiPropertyOptional({ description: 'Initial password; without one the person cannot sign in until an admin sets it', minLength: 8, maxLength: 128, format: 'password' })
  @IsOptional()
  @IsString()
  @Length(8, 128)
  @SingleLineText()
  password?: string;

  @ApiPropertyOptional({ example: 'presales_service', nullable: true, type: String, maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @SingleLineText()
  positionCode?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The direct supervisor (H-ORG-3)' })
  @IsOptional()
  @IsUUID()
  supervisorId?: string | null;

  @ApiPropertyOptional({ enum: GRANTABLE_ROLES, isArray: true, maxItems: 2, default: [] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsIn(GRANTABLE_ROLES, { each: true })
  roles?: GrantableRole[];

  @ApiProperty({ format: 'date', example: '2025-03-01' })
  @IsCalendarDate()
  hiredOn: string;
}

export class UpdateStaffDto {
  @ApiPropertyOptional({ example: 'E0042', pattern: EMPLOYEE_NO.source, maxLength: 32 })
  @OptionalNotNull()
  @IsString()
  @Matches(EMPLOYEE_NO, { message: 'employeeNo must be 1-32 letters, digits, - or _' })
  @SingleLineText()
  employeeNo?: string;

  @ApiPropertyOptional({ example: '王芳', minLength: 1, maxLength: 100 })
  @OptionalNotNull()
  @IsString()
  @Length(1, 100)
  @SingleLineText()
  name?: string;

  @ApiPropertyOptional({ example: 'wangfang', pattern: USERNAME.source, maxLength: 64 })
  @OptionalNotNull()
  @IsString()
  @Matches(USERNAME, { message: 'username must be 2-64 letters, digits, ., - or _' })
  @SingleLineText()
  username?: string;

  @ApiPropertyOptional({ example: 'designer', nullable: true, type: String, maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @SingleLineText()
  positionCode?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  supervisorId?: string | null;

  @ApiPropertyOptional({ enum: GRANTABLE_ROLES, isArray: true, maxItems: 2 })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsIn(GRANTABLE_ROLES, { each: true })
  roles?: GrantableRole[];

  @ApiPropertyOptional({ format: 'date', example: '2025-03-01' })
  @OptionalNotNull()
  @IsCalendarDate()
  hiredOn?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'Last working day; deactivate to end employment' })
  @IsOptional()
  @IsCalendarDate()
  leftOn?: string | null;
}

export class DeactivateStaffDto {
  @ApiPropertyOptional({ format: 'date', description: 'Last working day; defaults to today in company time', example: '2026-11-30' })
  @OptionalNotNull()
  @IsCalendarDate()
  leftOn?: string;
}

export class SetPasswordDto {
  @ApiPropertyOptional({ description: 'Required when changing your own password', maxLength: 128, format: 'password' })
  @OptionalNotNull()
  // Only compared with the stored hash, like the sign-in password: not held to the text rules.
  @IsString()
  @MaxLength(128)
  oldPassword?: string;

  @ApiProperty({ minLength: 8, maxLength: 128, format: 'password' })
  @IsString()
  @Length(8, 128)
  @SingleLineText()
  newPassword: string;
}

export class StaffListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches name, username or employee number', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLineText()
  q?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  supervisorId?: string;
}
