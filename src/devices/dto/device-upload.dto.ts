import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime } from '../../common/api-properties';
import { PageDto } from '../../common/pagination';

/** How much of a kept upload a listing shows (a body is up to 1 MB). */
export const UPLOAD_EXCERPT = 4000;

/** An upload of a table the service does not interpret, kept as received (GET /devices/{id}/uploads). */
export class DeviceUploadDto {
  @ApiProperty({ example: 'rtlog', maxLength: 32, pattern: '^[A-Za-z0-9_]{1,32}$', description: 'The table uploaded (OPERLOG, rtlog, ERRORLOG, options, ATTPHOTO…), or `registry` for a PUSH 3.x registration' })
  kind: string;

  @ApiProperty({ nullable: true, type: String, example: '9999', maxLength: 20, pattern: '^[0-9]{1,20}$', description: 'The upload counter the terminal sent with it' })
  stamp: string | null;

  @ApiProperty({ example: 'time=2026-11-27 09:58:00\tpin=20156107\tcardno=0\teventaddr=1\tevent=0\tinoutstatus=0\tverifytype=1', maxLength: UPLOAD_EXCERPT, description: `The lines as received, the first ${UPLOAD_EXCERPT} characters` })
  excerpt: string;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 1048576, example: 96, description: 'The length of the whole body kept, in characters' })
  bodyLength: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, example: 1 })
  lines: number;

  @ApiDateTime()
  firstReceivedAt: string;

  @ApiDateTime()
  lastReceivedAt: string;

  @ApiProperty({ example: 1, minimum: 1, maximum: 2147483647, type: 'integer', format: 'int32', description: 'How often the terminal sent this upload' })
  times: number;
}

export class DeviceUploadPageDto extends PageDto(DeviceUploadDto, 'DeviceUploadPageDto') {}

export interface UploadRow {
  kind: string;
  stamp: string | null;
  excerpt: string;
  body_length: number;
  lines: number;
  first_received_at: Date;
  last_received_at: Date;
  times: number;
}

export function toDeviceUploadDto(row: UploadRow): DeviceUploadDto {
  return {
    kind: row.kind,
    stamp: row.stamp,
    excerpt: row.excerpt,
    bodyLength: row.body_length,
    lines: row.lines,
    firstReceivedAt: row.first_received_at.toISOString(),
    lastReceivedAt: row.last_received_at.toISOString(),
    times: row.times,
  };
}
