import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiUuid } from '../../common/api-properties';
import { PageDto } from '../../common/pagination';
import { GRANTABLE_ROLES, GrantableRole } from '../../domain/roles';
import { type Language, LANGUAGES } from '../../domain/i18n/language';
import { Staff } from '../staff.entity';

export class StaffDto {
  @ApiUuid({ example: '9b2f3c1e-8a4d-4f3b-9c1a-2e6d5f7a8b90' })
  id: string;

  @ApiProperty({ example: 'E0042', maxLength: 32 })
  employeeNo: string;

  @ApiProperty({ example: '王芳', maxLength: 100 })
  name: string;

  @ApiProperty({ example: 'wangfang', maxLength: 64 })
  username: string;

  @ApiProperty({ example: 'presales_service', nullable: true, type: String, maxLength: 40 })
  positionCode: string | null;

  @ApiUuid({ nullable: true, description: 'The direct supervisor (H-ORG-3)' })
  supervisorId: string | null;

  @ApiProperty({ enum: GRANTABLE_ROLES, isArray: true, maxItems: 2, description: 'Granted roles; everyone is an employee' })
  roles: GrantableRole[];

  @ApiProperty({ description: 'Has at least one direct report (derived, H-ORG-3)' })
  isSupervisor: boolean;

  @ApiDate({ example: '2025-03-01' })
  hiredOn: string;

  @ApiDate({ example: '2017-07-01', description: '参加工作时间 (实施办法 第四条): service for annual leave counts from it' })
  workStartedOn: string;

  @ApiDate({ nullable: true, example: null })
  leftOn: string | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ nullable: true, type: String, example: 'wang@example.com', maxLength: 254, description: 'Where notification e-mail goes; null: none' })
  email: string | null;

  @ApiProperty({ enum: [...LANGUAGES, null], nullable: true, example: null, description: "The language of the person's e-mail; null: the company's default" })
  language: Language | null;

  @ApiDateTime()
  createdAt: string;

  @ApiDateTime()
  updatedAt: string;
}

export class StaffPageDto extends PageDto(StaffDto, 'StaffPageDto') {}

/** The only way a staff row leaves the service: never with its password hash. */
export function toStaffDto(staff: Staff, isSupervisor: boolean): StaffDto {
  return {
    id: staff.id,
    employeeNo: staff.employeeNo,
    name: staff.name,
    username: staff.username,
    positionCode: staff.positionCode,
    supervisorId: staff.supervisorId,
    roles: [...staff.roles].sort(),
    isSupervisor,
    hiredOn: staff.hiredOn,
    workStartedOn: staff.workStartedOn,
    leftOn: staff.leftOn,
    active: staff.active,
    email: staff.email,
    language: staff.language,
    createdAt: staff.createdAt.toISOString(),
    updatedAt: staff.updatedAt.toISOString(),
  };
}
