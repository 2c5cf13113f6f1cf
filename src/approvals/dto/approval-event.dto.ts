import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiUuid } from '../../common/api-properties';
import { MultiLineTextField } from '../../common/fields';

export class ApprovalEventDto {
  @ApiProperty({ nullable: true, type: String, maxLength: 20 })
  fromStatus: string | null;

  @ApiProperty({ maxLength: 20 })
  toStatus: string;

  @ApiUuid()
  actorId: string;

  @ApiProperty({ enum: ['employee', 'supervisor', 'admin', 'finance'], description: 'admin: an administrator acting in place of the supervisor, or filing' })
  actingAs: string;

  @ApiProperty({ nullable: true, type: String, maxLength: 1000 })
  comment: string | null;

  @ApiDateTime()
  at: string;
}

export class DecisionDto {
  @MultiLineTextField({ maxLength: 1000, example: 'OK, enjoy', optional: 'or-null' })
  comment?: string;
}
