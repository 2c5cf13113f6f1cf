import { Body, Param, Query } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiCodeParam } from '../common/api-docs';
import { CreateRoute, PatchRoute, ReadRoute, SignedInController } from '../common/routes';
import { CreatePositionDto, PositionDto, PositionListDto, PositionListQueryDto, UpdatePositionDto } from './dto/position.dto';
import { PositionsService } from './positions.service';

@SignedInController('positions')
export class PositionsController {
  constructor(private readonly positions: PositionsService) {}

  @ReadRoute(undefined, PositionListDto, { summary: 'The position catalogue (H-ORG-1)', errors: [400] })
  async list(@Query() query: PositionListQueryDto): Promise<PositionListDto> {
    return { items: await this.positions.list(query) };
  }

  @CreateRoute(undefined, PositionDto, { summary: 'Add a position (admin)', errors: [400, 403, 409] })
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreatePositionDto): Promise<PositionDto> {
    return this.positions.create(actor, body);
  }

  @PatchRoute(':code', PositionDto, { summary: 'Rename or retire a position (admin)', errors: [400, 403, 404] })
  @Roles('admin')
  @ApiCodeParam('designer')
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() body: UpdatePositionDto): Promise<PositionDto> {
    return this.positions.update(actor, code, body);
  }
}
