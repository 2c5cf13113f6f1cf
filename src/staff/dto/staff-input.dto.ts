import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { BooleanField, DateField, DistinctListField, EnumField, PatternField, TextField, UuidField } from '../../common/fields';
import { type Language, LANGUAGES } from '../../domain/i18n/language';
import { PageQueryDto } from '../../common/pagination';
import { OptionalNotNull } from '../../common/validators';
import { GRANTABLE_ROLES, GrantableRole } from '../../domain/roles';

const EMPLOYEE_NO = /^[A-Za-z0-9_-]{1,32}$/;
const USERNAME = /^[A-Za-z0-9_.-]{2,64}$/;
const EMPLOYEE_NO_RULE = 'employeeNo must be 1-32 letters, digits, - or _';
const USERNAME_RULE = 'username must be 2-64 letters, digits, ., - or _';
// At most 64 + 1 + 120 + 1 + 63 = 249 characters: within the column's 254.
const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,120}\.[^@\s]{2,63}$/;
const EMAIL_RULE = 'email must be an e-mail address like wang@example.com';
const EMAIL_DOC = 'Where notification e-mail goes (issue 18); null: none';
const LANGUAGE_DOC = "The language of the person's notifications by e-mail; null: the company's default language";
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

  @PatternField({ example: 'wang@example.com', pattern: EMAIL, maxLength: 254, description: EMAIL_DOC, nullable: true, type: String, optional: 'or-null' }, EMAIL_RULE)
  email?: string | null;

  @EnumField(LANGUAGES, { description: LANGUAGE_DOC, nullable: true, type: String, optional: 'or-null' })
  language?: Language | null;
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

  @PatternField({ example: 'wang@example.com', pattern: EMAIL, maxLength: 254, description: EMAIL_DOC, nullable: true, type: String, optional: 'or-null' }, EMAIL_RULE)
  email?: string | null;

  @EnumField(LANGUAGES, { description: LANGUAGE_DOC, nullable: true, type: String, optional: 'or-null' })
  language?: Language | null;
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
