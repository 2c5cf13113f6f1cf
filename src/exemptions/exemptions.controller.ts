import { Body, Query } from '@nestjs/common';
import { DecisionDto } from '../approvals/dto/approval-event.dto';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdParam } from '../common/params';
import { CreateRoute, DecisionRoute, ReadRoute, SignedInController } from '../common/routes';
import { ApproveExemptionDto, ATTESTATION_TEMPLATE, CreateExemptionDto, ExemptionDto, ExemptionListQueryDto, ExemptionPageDto, RevokeExemptionDto } from './dto/exemption.dto';
import { ExemptionsService } from './exemptions.service';

@SignedInController('exemptions')
export class ExemptionsController {
  constructor(private readonly exemptions: ExemptionsService) {}

  @CreateRoute(undefined, ExemptionDto, { summary: 'Ask for a business-trip exemption (因公外出) for yourself — H-ATT-8', description: 'Whole day when from/to are null. Before or after the day, while its month is open. Pending or rejected exemptions excuse nothing.', errors: [400, 409] })
  create(@CurrentActor() actor: Actor, @Body() body: CreateExemptionDto): Promise<ExemptionDto> {
    return this.exemptions.create(actor, body);
  }

  @ReadRoute(undefined, ExemptionPageDto, { summary: 'Exemptions you may see', errors: [400] })
  list(@CurrentActor() actor: Actor, @Query() query: ExemptionListQueryDto): Promise<ExemptionPageDto> {
    return this.exemptions.list(actor, query);
  }

  @ReadRoute(':id', ExemptionDto, { summary: 'One exemption with its history', errors: [400, 404] })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ExemptionDto> {
    return this.exemptions.get(actor, id);
  }

  @DecisionRoute(':id/approve', ExemptionDto, {
    summary: "Sign the certification (the direct supervisor, or an admin in their place) — H-ATT-8, H-ATT-12",
    description: `The body must carry { "attest": true }. The response records who signed, when, and this sentence: "${ATTESTATION_TEMPLATE}" The day is reclassified in the same transaction.`,
  })
  approve(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ApproveExemptionDto): Promise<ExemptionDto> {
    return this.exemptions.approve(actor, id, body.comment ?? null);
  }

  @DecisionRoute(':id/reject', ExemptionDto, { summary: 'Reject (the direct supervisor, or an admin in their place)' })
  reject(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DecisionDto): Promise<ExemptionDto> {
    return this.exemptions.reject(actor, id, body.comment ?? null);
  }

  @DecisionRoute(':id/file', ExemptionDto, { summary: 'File the signed exemption with the office (admin) — H-ORG-4' })
  @Roles('admin')
  file(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DecisionDto): Promise<ExemptionDto> {
    return this.exemptions.file(actor, id, body.comment ?? null);
  }

  @DecisionRoute(':id/revoke', ExemptionDto, { summary: 'Revoke an exemption, possibly as a false certification (admin, finance) — H-ATT-9', description: 'The day falls back to what the punches say, in the same transaction.' })
  @Roles('admin', 'finance')
  revoke(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RevokeExemptionDto): Promise<ExemptionDto> {
    return this.exemptions.revoke(actor, id, body);
  }
}
