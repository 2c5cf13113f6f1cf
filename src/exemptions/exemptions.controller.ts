import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DecisionDto } from '../approvals/dto/approval-event.dto';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiIdParam, ApiSignedIn } from '../common/api-docs';
import { uuidParam } from '../common/params';
import { ApproveExemptionDto, ATTESTATION_TEMPLATE, CreateExemptionDto, ExemptionDto, ExemptionListQueryDto, ExemptionPageDto, RevokeExemptionDto } from './dto/exemption.dto';
import { ExemptionsService } from './exemptions.service';

@ApiTags('exemptions')
@ApiSignedIn()
@Controller('exemptions')
export class ExemptionsController {
  constructor(private readonly exemptions: ExemptionsService) {}

  @Post()
  @ApiOperation({ summary: 'Ask for a business-trip exemption (因公外出) for yourself — H-ATT-8', description: 'Whole day when from/to are null. Before or after the day, while its month is open. Pending or rejected exemptions excuse nothing.' })
  @ApiCreatedResponse({ type: ExemptionDto })
  @ApiErrors(400, 409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateExemptionDto): Promise<ExemptionDto> {
    return this.exemptions.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Exemptions you may see' })
  @ApiOkResponse({ type: ExemptionPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ExemptionListQueryDto): Promise<ExemptionPageDto> {
    return this.exemptions.list(actor, query);
  }

  @Get(':id')
  @ApiIdParam()
  @ApiOperation({ summary: 'One exemption with its history' })
  @ApiOkResponse({ type: ExemptionDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<ExemptionDto> {
    return this.exemptions.get(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({
    summary: "Sign the certification (the direct supervisor, or an admin in their place) — H-ATT-8, H-ATT-12",
    description: `The body must carry { "attest": true }. The response records who signed, when, and this sentence: "${ATTESTATION_TEMPLATE}" The day is reclassified in the same transaction.`,
  })
  @ApiOkResponse({ type: ExemptionDto })
  @ApiErrors(400, 403, 404, 409)
  approve(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: ApproveExemptionDto): Promise<ExemptionDto> {
    return this.exemptions.approve(actor, id, body.comment ?? null);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({ summary: 'Reject (the direct supervisor, or an admin in their place)' })
  @ApiOkResponse({ type: ExemptionDto })
  @ApiErrors(400, 403, 404, 409)
  reject(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: DecisionDto): Promise<ExemptionDto> {
    return this.exemptions.reject(actor, id, body.comment ?? null);
  }

  @Post(':id/file')
  @HttpCode(200)
  @Roles('admin')
  @ApiIdParam()
  @ApiOperation({ summary: 'File the signed exemption with the office (admin) — H-ORG-4' })
  @ApiOkResponse({ type: ExemptionDto })
  @ApiErrors(400, 403, 404, 409)
  file(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: DecisionDto): Promise<ExemptionDto> {
    return this.exemptions.file(actor, id, body.comment ?? null);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('admin', 'finance')
  @ApiIdParam()
  @ApiOperation({ summary: 'Revoke an exemption, possibly as a false certification (admin, finance) — H-ATT-9', description: 'The day falls back to what the punches say, in the same transaction.' })
  @ApiOkResponse({ type: ExemptionDto })
  @ApiErrors(400, 403, 404, 409)
  revoke(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: RevokeExemptionDto): Promise<ExemptionDto> {
    return this.exemptions.revoke(actor, id, body);
  }
}
