import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { SingleLineText } from '../../common/text';
import { OptionalNotNull } from '../../common/validators';
import { Position } from '../position.entity';

const CODE = /^[a-z][a-z0-9_]{1,39}$/;

export class PositionDto {
  @ApiProperty({ example: 'presales_service', maxLength: 40 })
  code: string;

  @ApiProperty({ example: '售前客服', maxLength: 100 })
  nameZh: string;

  @ApiProperty({ example: 'Pre-sales customer service', maxLength: 100 })
  nameEn: string;

  @ApiProperty({ description: 'Inactive positions stay on existing staff but cannot be given to anyone new' })
  active: boolean;
}

export class PositionListDto {
  @ApiProperty({ type: [PositionDto], maxItems: 1000 })
  items: PositionDto[];
}

export class CreatePositionDto {
  @ApiProperty({ example: 'warehouse', pattern: CODE.source, maxLength: 40 })
  @IsString()
  @Matches(CODE, { message: 'code must be 2-40 lower-case letters, digits or _, starting with a letter' })
  @SingleLineText()
  code: string;

  @ApiProperty({ example: '仓管', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @SingleLineText()
  nameZh: string;

  @ApiProperty({ example: 'Warehouse keeper', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @SingleLineText()
  nameEn: string;
}

export class UpdatePositionDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @OptionalNotNull()
  @IsString()
  @Length(1, 100)
  @SingleLineText()
  nameZh?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @OptionalNotNull()
  @IsString()
  @Length(1, 100)
  @SingleLineText()
  nameEn?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class PositionListQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only active (true) or inactive (false) positions' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export function toPositionDto(position: Position): PositionDto {
  return { code: position.code, nameZh: position.nameZh, nameEn: position.nameEn, active: position.active };
}
