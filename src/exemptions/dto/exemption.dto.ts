import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsOptional, Matches } from 'class-validator';
import { ApprovalEventDto } from '../../approvals/dto/approval-event.dto';
import { ApiDate, ApiDateTime, ApiUuid } from '../../common/api-properties';
import { BooleanField, DateField, MultiLineTextField, TextField } from '../../common/fields';
import { PageDto, PersonStateQueryDto } from '../../common/pagination';
import type { ExemptionRow } from '../exemptions.repository';

const FROM = /^([01]\d|2[0-3]):[0-5]\d$/;
const TO = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const STATUSES = ['pending', 'approved', 'rejected', 'filed', 'revoked'] as const;

export const ATTESTATION_TEMPLATE =
  'I, {supervisor} ({supervisorNo}), certify that {employee} ({employeeNo}) was out on company business on {date} ({window}) at {destination}, and I share the liability for this certification (H-ATT-8, H-ATT-9).';

export class CreateExemptionDto {
  @DateField({ example: '2026-11-03' })
  date: string;

  @ApiProperty({ nullable: true, type: String, example: '08:30', pattern: FROM.source, maxLength: 5, description: 'Local start of the trip; null with `to` null: the whole day' })
  @IsOptional()
  @Matches(FROM, { message: 'from must be HH:mm' })
  from: string | null = null;

  @ApiProperty({ nullable: true, type: String, example: '11:00', pattern: TO.source, maxLength: 5 })
  @IsOptional()
  @Matches(TO, { message: 'to must be HH:mm or 24:00' })
  to: string | null = null;

  @TextField({ example: 'JD logistics centre, Langfang', minLength: 1, maxLength: 200 })
  destination: string;

  @MultiLineTextField({ example: 'Inspect the returned-goods backlog', minLength: 1, maxLength: 1000 })
  reason: string;
}

export class ApproveExemptionDto {
  @ApiProperty({ enum: [true], description: `The supervisor's signature (H-ATT-8, H-ATT-12): must be true. The response records this sentence: "${ATTESTATION_TEMPLATE}"` })
  @Equals(true, { message: 'attest must be true: approving is signing the certification' })
  attest: boolean;

  @MultiLineTextField({ maxLength: 1000, optional: 'or-null' })
  comment?: string;
}

export class RevokeExemptionDto {
  @MultiLineTextField({ example: 'The client confirmed nobody visited that day', minLength: 3, maxLength: 1000 })
  reason: string;

  @BooleanField({ description: 'true: revoked as a false certification (H-ATT-9) — the employee and the approving supervisor share the liability' })
  false: boolean;
}

export class ExemptionDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  staffId: string;

  @ApiDate()
  date: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 5 })
  from: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 5 })
  to: string | null;

  @ApiProperty({ maxLength: 200 })
  destination: string;

  @ApiProperty({ maxLength: 1000 })
  reason: string;

  @ApiProperty({ enum: STATUSES })
  status: string;

  @ApiUuid({ nullable: true, description: 'Who must sign: the direct supervisor; null: the administrators' })
  approverId: string | null;

  @ApiUuid({ nullable: true, description: 'Who signed' })
  certifiedBy: string | null;

  @ApiProperty({ enum: ['supervisor', 'admin'], nullable: true, type: String })
  certifiedAs: string | null;

  @ApiDateTime({ nullable: true })
  certifiedAt: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000, description: 'The exact sentence signed' })
  attestation: string | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000 })
  revokeReason: string | null;

  @ApiProperty({ nullable: true, type: Boolean, description: 'Revoked as a false certification (H-ATT-9)' })
  revokedAsFalse: boolean | null;

  @ApiDateTime()
  createdAt: string;

  @ApiProperty({ type: [ApprovalEventDto], maxItems: 100 })
  history: ApprovalEventDto[];
}

export class ExemptionPageDto extends PageDto(ExemptionDto, 'ExemptionPageDto') {}

// A class and its instances' type under one name, as a class declaration gives: @Query() reads the class from the type.
export const ExemptionListQueryDto = PersonStateQueryDto(STATUSES);
export type ExemptionListQueryDto = InstanceType<typeof ExemptionListQueryDto>;

/** An exemption as answered, but for its history (ApprovalWorkflow.withHistory adds it). The signer shows once it is signed. */
export function toExemptionDto(row: ExemptionRow): Omit<ExemptionDto, 'history'> {
  return {
    id: row.id,
    staffId: row.staff_id,
    date: row.date,
    from: row.from_time,
    to: row.to_time,
    destination: row.destination,
    reason: row.reason,
    status: row.status,
    approverId: row.approver_id,
    certifiedBy: row.attestation ? row.decided_by : null,
    certifiedAs: row.attestation ? row.decided_as : null,
    certifiedAt: row.attestation ? (row.decided_at?.toISOString() ?? null) : null,
    attestation: row.attestation,
    revokeReason: row.revoke_reason,
    revokedAsFalse: row.revoked_as_false,
    createdAt: row.created_at.toISOString(),
  };
}
