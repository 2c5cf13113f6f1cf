import { ApiProperty } from '@nestjs/swagger';
import { DateField, EnumField, IntField } from '../../common/fields';

/** Why a device line was not stored (the reasons kept with rejected lines). */
export const REJECTION_REASONS = ['INVALID_LINE', 'TIME_UNPARSEABLE', 'UNKNOWN_EMPLOYEE', 'INACTIVE_EMPLOYEE', 'TIME_IN_FUTURE', 'MONTH_CLOSED'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** A day far enough for a terminal clock set to the wrong year, not more. */
const MAX_SKEW_SECONDS = 400 * 86400;

const SKEW_DESCRIPTION =
  'The clock skew accepted, in seconds (positive: the terminal\'s clock ran ahead): subtracted from the time of each line recorded from `from` to `to` (device-local dates) before it is stored again. ' +
  'Given with from and to; left out: times are taken as recorded.';

/** `POST /devices/{id}/rejected-lines/retry`: the device's rejected lines, all or one cause, through the punch path again. */
export class RetryDeviceLinesDto {
  @EnumField(REJECTION_REASONS, { description: 'Only lines kept for this reason; left out: all of the device\'s lines', optional: 'not-null' })
  reason?: RejectionReason;

  @IntField(-MAX_SKEW_SECONDS, MAX_SKEW_SECONDS, { description: SKEW_DESCRIPTION, example: 300, optional: 'not-null' })
  clockSkewSeconds?: number;

  @DateField({ description: 'First device-local date the accepted skew applies to', example: '2026-11-30', optional: 'not-null' })
  from?: string;

  @DateField({ description: 'Last device-local date the accepted skew applies to', example: '2026-12-01', optional: 'not-null' })
  to?: string;
}

/** `POST /devices/rejected-lines/retry`: one cause, fixed, on every device. */
export class RetryLinesByReasonDto {
  @EnumField(REJECTION_REASONS, { description: 'Lines kept for this reason, on every device (the cause is fixed: the person registered, the PIN mapped, the month reopened)' })
  reason: RejectionReason;
}

export class RetriedLineDto {
  @ApiProperty({ format: 'uuid' })
  deviceId: string;

  @ApiProperty({ example: '20156107\t2026-12-01 10:05:00\t0\t1', maxLength: 501 })
  line: string;

  @ApiProperty({ enum: ['stored', 'rejected'], description: 'stored: the punch is stored now (or was already); it leaves the rejected lines. rejected: still not storable, kept with the reason it has now' })
  result: 'stored' | 'rejected';

  @ApiProperty({ nullable: true, enum: [...REJECTION_REASONS, null], description: 'Why it is still rejected' })
  reason: RejectionReason | null;

  @ApiProperty({ nullable: true, type: String, maxLength: 500, example: null })
  message: string | null;
}

export class RetryResultDto {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, example: 3, description: 'Lines retried' })
  retried: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, example: 2, description: 'Lines stored now (or found stored already)' })
  stored: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, example: 1, description: 'Lines still rejected' })
  stillRejected: number;

  @ApiProperty({ type: [RetriedLineDto], maxItems: 1000000, description: 'One entry per line retried, in the order they were received' })
  lines: RetriedLineDto[];
}
