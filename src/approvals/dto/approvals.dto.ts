import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiUuid } from '../../common/api-properties';
import { PageDto } from '../../common/pagination';

export class ApprovalItemDto {
  @ApiProperty({ enum: ['leave', 'exemption', 'punch_correction', 'overtime'] })
  kind: string;

  @ApiUuid({ description: 'The id for POST /leave-requests/{id}/…, /exemptions/{id}/…, /punch-corrections/{id}/… or /overtime-requests/{id}/…' })
  id: string;

  @ApiUuid()
  staffId: string;

  @ApiProperty({ maxLength: 100 })
  staffName: string;

  @ApiProperty({ maxLength: 32 })
  employeeNo: string;

  @ApiProperty({ enum: ['decision', 'filing'], description: 'decision: approve or reject; filing: file with the office (admins)' })
  waitingFor: string;

  @ApiDate()
  startDate: string;

  @ApiDate()
  endDate: string;

  @ApiProperty({ maxLength: 300, example: 'personal 2026-12-03 → 2026-12-04 (1.5 working days)' })
  summary: string;

  @ApiDateTime()
  submittedAt: string;
}

export class ApprovalPageDto extends PageDto(ApprovalItemDto, 'ApprovalPageDto') {}
