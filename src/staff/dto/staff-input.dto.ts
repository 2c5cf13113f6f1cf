import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { BooleanField, DateField, DistinctListField, PatternField, TextField, UuidField } from '../../common/fields';
import { PageQueryDto } from '../../common/pagination';
import { OptionalNotNull } from '../../common/validators';
import { GRANTABLE_ROLES, GrantableRole } from '../../domain/roles';

const EMPLOYEE_NO = /^[A-Za-z0-9_-]{1,32}$/;
const USERNAME = /^[A-Za-z0-9_.-]{2,64}$/;
const EMPLOYEE_NO_RULE = 'employeeNo must be 1-32 letters, digits, - or _';
const USERNAME_RULE = 'username must be 2-64 letters, digits, ., - or _';
const WORK_STARTED_DOC = '参加工作时间: the first day of full-time work anywhere, which annual leave counts service from (实施办法 第四条); not after hiredOn; defaults to hiredOn';

export class CreateStaffDto {
  @PatternField({ example: 'E0042', pattern: EMPLOYEE_NO, maxLength: 32 }, EMPLOYEE_NO_RULE)
  employeeNo: string;

  @TextField({ example: '王芳', minLength: 1, maxLength: 100 })
  name: string;

  @PatternField({ example: 'wangfang', pattern: USERNAME, maxLength: 64 }, USERNAME_RULE)
  username: string;

  @TextField({ description: 'Initial password; without one the person cannot sign in until an admin sets it', minLength: 8, maxLength: 128, format: 'password', optional: 'or-null' })
  password?: string;

  @TextField({ example: 'presales_service', nullable: true, type: String, maxLength: 40, optional: 'or-null' })
  positionCode?: string | null;

  @UuidField({ nullable: true, type: String, description: 'The direct supervisor (H-ORG-3)', optional: 'or-null' })
  supervisorId?: string | null;

  @DistinctListField(GRANTABLE_ROLES, { enum: GRANTABLE_ROLES, isArray: true, maxItems: 2, default: [], optional: 'not-null' })
  roles?: GrantableRole[];

  @DateField({ example: '2025-03-01' })
  hiredOn: string;

  @DateField({ example: '2017-07-01', description: WORK_STARTED_DOC, optional: 'not-null' })
  workStartedOn?: string;
}

export class UpdateStaffDto {
  @PatternField({ example: 'E0042', pattern: EMPLOYEE_NO, maxLength: 32, optional: 'not-null' }, EMPLOYEE_NO_RULE)
  employeeNo?: string;

  @TextField({ example: '王芳', minLength: 1, maxLength: 100, optional: 'not-null' })
  name?: string;

  @PatternField({ example: 'wangfang', pattern: USERNAME, maxLength: 64, optional: 'not-null' }, USERNAME_RULE)
  username?: string;

  @TextField({ example: 'designer', nullable: true, type: String, maxLength: 40, optional: 'or-null' })
  positionCode?: string | null;

  @UuidField({ nullable: true, type: String, optional: 'or-null' })
  supervisorId?: string | null;

  @DistinctListField(GRANTABLE_ROLES, { enum: GRANTABLE_ROLES, isArray: true, maxItems: 2, optional: 'not-null' })
  roles?: GrantableRole[];

  @DateField({ example: '2025-03-01', optional: 'not-null' })
  hiredOn?: string;

  @DateField({ example: '2017-07-01', description: `${WORK_STARTED_DOC}. Left out while hiredOn changes: it moves with hiredOn when it was the same date`, optional: 'not-null' })
  workStartedOn?: string;

  @DateField({ nullable: true, type: String, description: 'Last working day; deactivate to end employment', optional: 'or-null' })
  leftOn?: string | null;
}

export class DeactivateStaffDto {
  @DateField({ description: 'Last working day; defaults to today in company time', example: '2026-11-30', optional: 'not-null' })
  leftOn?: string;
}

export class SetPasswordDto {
  @ApiPropertyOptional({ description: 'Required when changing your own password', maxLength: 128, format: 'password' })
  @OptionalNotNull()
  // Only compared with the stored hash, like the sign-in password: not held to the text rules.
  @IsString()
  @MaxLength(128)
  oldPassword?: string;

  @TextField({ minLength: 8, maxLength: 128, format: 'password' })
  newPassword: string;
}

export class StaffListQueryDto extends PageQueryDto {
  @TextField({ description: 'Matches name, username or employee number', maxLength: 100, optional: 'or-null' })
  q?: string;

  @BooleanField({ type: Boolean, optional: 'or-null', fromText: true })
  active?: boolean;

  @UuidField({ optional: 'or-null' })
  supervisorId?: string;
}
