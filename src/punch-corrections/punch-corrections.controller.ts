import { Body, Query } from '@nestjs/common';
import { DecisionDto } from '../approvals/dto/approval-event.dto';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ReaderLanguage } from '../common/i18n/request-language';
import { IdParam } from '../common/params';
import { CreateRoute, DecisionRoute, ReadRoute, SignedInController } from '../common/routes';
import type { Actor } from '../domain/actor';
import type { Language } from '../domain/i18n/language';
import {
  CancelPunchCorrectionDto,
  CreatedPunchCorrectionDto,
  CreatePunchCorrectionDto,
  EligibleCorrectionsDto,
  PunchCorrectionDto,
  PunchCorrectionListQueryDto,
  PunchCorrectionPageDto,
} from './dto/punch-correction.dto';
import { PunchCorrectionsService } from './punch-corrections.service';

@SignedInController('punch-corrections')
export class PunchCorrectionsController {
  constructor(private readonly corrections: PunchCorrectionsService) {}

  @CreateRoute(undefined, CreatedPunchCorrectionDto, {
    summary: 'Ask for a make-up punch (补卡) on one of your scheduled days (H-ATT-7, H-ORG-3)',
    description:
      "Names the punch (the clock-in or clock-out of a session of the day's shift), the time it happened and a reason; answers the request with the day's result now and as it would be if approved. " +
      'Refused: 422 CORRECTION_DAY_NOT_SCHEDULED, CORRECTION_OUTSIDE_WINDOW (outside the punch window), CORRECTION_IN_FUTURE, CORRECTION_TOO_OLD (past the days allowed back), ' +
      'CORRECTION_LIMIT_REACHED (the month of the corrected day has no requests left), CORRECTION_KIND_NOT_ALLOWED, CORRECTION_NOT_NEEDED (nothing wrong with that punch); ' +
      '409 CORRECTION_EXISTS (a live request for the same punch), 409 MONTH_CLOSED.',
    errors: [400, 409, 422],
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreatePunchCorrectionDto, @ReaderLanguage() language: Language): Promise<CreatedPunchCorrectionDto> {
    return this.corrections.create(actor, body, language);
  }

  @ReadRoute('eligible', EligibleCorrectionsDto, {
    summary: 'What you may still correct: your scheduled days within the deadline, newest first, and the requests left per month',
  })
  eligible(@CurrentActor() actor: Actor): Promise<EligibleCorrectionsDto> {
    return this.corrections.eligible(actor);
  }

  @ReadRoute(undefined, PunchCorrectionPageDto, { summary: "Make-up punch requests you may see: your own, your reports', or everyone's (admin, finance)", errors: [400] })
  list(@CurrentActor() actor: Actor, @Query() query: PunchCorrectionListQueryDto): Promise<PunchCorrectionPageDto> {
    return this.corrections.list(actor, query);
  }

  @ReadRoute(':id', PunchCorrectionDto, { summary: 'One make-up punch request with its history', errors: [400, 404] })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<PunchCorrectionDto> {
    return this.corrections.get(actor, id);
  }

  @DecisionRoute(':id/approve', PunchCorrectionDto, {
    summary: 'Approve (the direct supervisor, or an admin in their place) — H-ORG-3',
    description: 'Adds a punch of source correction linked to the request and judges the day again, in one transaction. 409 STATE_CHANGED when someone acted first; 403 SELF_APPROVAL / NOT_DIRECT_SUPERVISOR.',
  })
  approve(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DecisionDto): Promise<PunchCorrectionDto> {
    return this.corrections.approve(actor, id, body.comment ?? null);
  }

  @DecisionRoute(':id/reject', PunchCorrectionDto, { summary: 'Reject (the direct supervisor, or an admin in their place): nothing changes' })
  reject(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DecisionDto): Promise<PunchCorrectionDto> {
    return this.corrections.reject(actor, id, body.comment ?? null);
  }

  @DecisionRoute(':id/withdraw', PunchCorrectionDto, { summary: 'Withdraw your own request while it is pending (its place in the monthly limit is given back)' })
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DecisionDto): Promise<PunchCorrectionDto> {
    return this.corrections.withdraw(actor, id, body.comment ?? null);
  }

  @DecisionRoute(':id/file', PunchCorrectionDto, { summary: 'File an approved make-up punch (admin) — H-ORG-4 交办公室备案' })
  @Roles('admin')
  file(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DecisionDto): Promise<PunchCorrectionDto> {
    return this.corrections.file(actor, id, body.comment ?? null);
  }

  @DecisionRoute(':id/cancel', PunchCorrectionDto, {
    summary: 'Cancel an approved make-up punch (admin), with a reason',
    description: 'Its punch is voided with the reason (never deleted) and the day judged again; the clock\'s own records are untouched. 409 MONTH_CLOSED for a closed month.',
  })
  @Roles('admin')
  cancel(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CancelPunchCorrectionDto): Promise<PunchCorrectionDto> {
    return this.corrections.cancel(actor, id, body.reason);
  }
}
