import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiSignedIn } from '../common/api-docs';
import { CreatePositionDto, PositionDto, PositionListDto, PositionListQueryDto, UpdatePositionDto } from './dto/position.dto';
import { PositionsService } from './positions.service';

@ApiTags('positions')
@ApiSignedIn()
@Controller('positions')
export class PositionsController {
  constructor(private readonly positions: PositionsService) {}

  @Get()
  @ApiOperation({ summary: 'The position catalogue (H-ORG-1)' })
  @ApiOkResponse({ type: PositionListDto })
  @ApiErrors(400)
  async list(@Query() query: PositionListQueryDto): Promise<PositionListDto> {
    return { items: await this.positions.list(query) };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a position (admin)' })
  @ApiCreatedResponse({ type: PositionDto })
  @ApiErrors(400, 403, 409)
  create(@CurrentActor() actor: Actor, @Body() body: CreatePositionDto): Promise<PositionDto> {
    return this.positions.create(actor, body);
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename or retire a position (admin)' })
  @ApiParam({ name: 'code', example: 'designer', schema: { type: 'string', maxLength: 40, pattern: '^[a-z][a-z0-9_]{1,39}$' } })
  @ApiOkResponse({ type: PositionDto })
  @ApiErrors(400, 403, 404)
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() body: UpdatePositionDto): Promise<PositionDto> {
    return this.positions.update(actor, code, body);
  }
}
