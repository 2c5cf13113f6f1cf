import { Query } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { PageQueryDto } from '../common/pagination';
import { ReadRoute, SignedInController } from '../common/routes';
import { ApprovalPageDto } from './dto/approvals.dto';
import { ApprovalsService } from './approvals.service';

@SignedInController('approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @ReadRoute(undefined, ApprovalPageDto, {
    summary: 'What waits for you, oldest first',
    description: "A supervisor: the pending leave, business trips, make-up punches (补卡) and overtime (加班) of their direct reports. Admins also: requests of people without an active supervisor, and approved ones waiting to be filed. Your own requests never appear.",
    errors: [400],
  })
  inbox(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<ApprovalPageDto> {
    return this.approvals.inboxOf(actor, query);
  }
}
