import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Length, Matches } from 'class-validator';
import { IsTimeZone, OptionalNotNull } from '../../common/validators';

const SERIAL = /^[A-Za-z0-9_.-]{1,64}$/;

export class DeviceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Front door terminal', maxLength: 100 })
  name: string;

  @ApiProperty({ example: 'CQZ7232460123', maxLength: 64, pattern: SERIAL.source })
  serialNumber: string;

  @ApiProperty({ nullable: true, type: String, example: 'Asia/Shanghai', maxLength: 64, description: 'Zone of device-local times; null: the company zone' })
  timeZone: string | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ example: 'kqd_3fa85f64a1b2', maxLength: 20, description: 'The visible start of the key, to tell keys apart' })
  keyPrefix: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastSeenAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastPunchAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class DeviceWithKeyDto extends DeviceDto {
  @ApiProperty({ description: 'Send as `X-Device-Key`. Shown once: only its hash is stored.', maxLength: 100, example: 'kqd_3fa85f64a1b2_…' })
  apiKey: string;
}

export class DeviceListDto {
  @ApiProperty({ type: [DeviceDto], maxItems: 1000 })
  items: DeviceDto[];
}

export class CreateDeviceDto {
  @ApiProperty({ example: 'Front door terminal', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ example: 'CQZ7232460123', pattern: SERIAL.source, maxLength: 64 })
  @IsString()
  @Matches(SERIAL, { message: 'serialNumber must be 1-64 letters, digits, ., - or _' })
  serialNumber: string;

  @ApiPropertyOptional({ example: 'Asia/Shanghai', nullable: true, type: String, maxLength: 64 })
  @OptionalNotNull()
  @IsTimeZone()
  timeZone?: string;
}

export class UpdateDeviceDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @OptionalNotNull()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 64 })
  @OptionalNotNull()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ description: 'false: the key stops working' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export interface DeviceRow {
  id: string;
  name: string;
  serial_number: string;
  key_prefix: string;
  key_hash: string;
  time_zone: string | null;
  active: boolean;
  created_at: Date;
  last_seen_at: Date | null;
  last_punch_at: Date | null;
}

export function toDeviceDto(row: DeviceRow): DeviceDto {
  return {
    id: row.id,
    name: row.name,
    serialNumber: row.serial_number,
    timeZone: row.time_zone,
    active: row.active,
    keyPrefix: `kqd_${row.key_prefix}`,
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    lastPunchAt: row.last_punch_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
