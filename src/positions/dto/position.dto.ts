import { ApiProperty } from '@nestjs/swagger';
import { BooleanField, PatternField, TextField } from '../../common/fields';
import { CATALOGUE_CODE, CATALOGUE_CODE_RULE } from '../../common/validators';
import { Position } from '../position.entity';

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
  @PatternField({ example: 'warehouse', pattern: CATALOGUE_CODE, maxLength: 40 }, CATALOGUE_CODE_RULE)
  code: string;

  @TextField({ example: '仓管', minLength: 1, maxLength: 100 })
  nameZh: string;

  @TextField({ example: 'Warehouse keeper', minLength: 1, maxLength: 100 })
  nameEn: string;
}

export class UpdatePositionDto {
  @TextField({ minLength: 1, maxLength: 100, optional: 'not-null' })
  nameZh?: string;

  @TextField({ minLength: 1, maxLength: 100, optional: 'not-null' })
  nameEn?: string;

  @BooleanField({ optional: 'not-null' })
  active?: boolean;
}

export class PositionListQueryDto {
  @BooleanField({ type: Boolean, description: 'Only active (true) or inactive (false) positions', optional: 'or-null', fromText: true })
  active?: boolean;
}

export function toPositionDto(position: Position): PositionDto {
  return { code: position.code, nameZh: position.nameZh, nameEn: position.nameEn, active: position.active };
}
