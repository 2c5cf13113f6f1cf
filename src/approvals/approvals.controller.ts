import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../domain/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { ApiErrors, ApiSignedIn } from '../common/api-docs';
import { PageQueryDto } from '../common/pagination';
import { ApprovalPageDto } from './dto/approvals.dto';
import { ApprovalsService } from './approvals.service';

@ApiTags('approvals')
@ApiSignedIn()
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get()
  @ApiOperation({
    summary: 'What waits for you, oldest first',
    description: "A supervisor: the pending leave and exemptions of their direct reports. Admins also: requests of people without an active supervisor, and approved ones waiting to be filed. Your own requests never appear.",
  })
  @ApiOkResponse({ type: ApprovalPageDto })
  @ApiErrors(400)
  inbox(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<ApprovalPageDto> {
    return this.approvals.inboxOf(actor, query);
  }
}
