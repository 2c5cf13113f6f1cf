import { Body, Param, Query } from '@nestjs/common';
import { DecisionDto } from '../approvals/dto/approval-event.dto';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiCodeParam } from '../common/api-docs';
import { IdParam } from '../common/params';
import { CreateRoute, DecisionRoute, PatchRoute, ReadRoute, SignedInController } from '../common/routes';
import { CancelLeaveDto, CreateLeaveRequestDto, CreateLeaveTypeDto, LeaveListQueryDto, LeaveRequestDto, LeaveRequestPageDto, LeaveTypeDto, LeaveTypeListDto, UpdateLeaveTypeDto } from './dto/leave.dto';
import { LeaveTypesService } from './leave-types.service';
import { LeaveService } from './leave.service';

@SignedInController('leave', '/')
export class LeaveController {
  constructor(
    private readonly leave: LeaveService,
    private readonly types: LeaveTypesService,
  ) {}

  @ReadRoute('leave-types', LeaveTypeListDto, { summary: 'Leave types (H-ATT-1): personal 事假, sick 病假, marriage 婚假, bereavement 丧假, and any the office adds' })
  async listTypes(): Promise<LeaveTypeListDto> {
    return { items: await this.types.list() };
  }

  @CreateRoute('leave-types', LeaveTypeDto, { summary: 'Add a leave type (admin)', errors: [400, 403, 409] })
  @Roles('admin')
  createType(@CurrentActor() actor: Actor, @Body() body: CreateLeaveTypeDto): Promise<LeaveTypeDto> {
    return this.types.create(actor, body);
  }

  @PatchRoute('leave-types/:code', LeaveTypeDto, { summary: 'Rename a leave type, mark it paid or unpaid, or retire it (admin)', errors: [400, 403, 404] })
  @Roles('admin')
  @ApiCodeParam()
  updateType(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() body: UpdateLeaveTypeDto): Promise<LeaveTypeDto> {
    return this.types.update(actor, code, body);
  }

  @CreateRoute('leave-requests', LeaveRequestDto, {
    summary: 'Request leave for yourself (H-ATT-10, H-ATT-11)',
    description:
      'At least one day ahead: the first day must be after today in company time, else 422 LEAVE_NOT_ONE_DAY_AHEAD — unless "emergency": true, ' +
      'which may be filed for today or past dates while the month is open and needs a reason. Overlapping live requests: 409 LEAVE_OVERLAPS (two halves of one day do not overlap). ' +
      'A submitted request is never edited: cancel it and request again.',
    errors: [400, 409, 422],
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateLeaveRequestDto): Promise<LeaveRequestDto> {
    return this.leave.create(actor, body);
  }

  @ReadRoute('leave-requests', LeaveRequestPageDto, { summary: 'Leave requests you may see: your own, your reports\', or everyone\'s (admin, finance)', errors: [400] })
  list(@CurrentActor() actor: Actor, @Query() query: LeaveListQueryDto): Promise<LeaveRequestPageDto> {
    return this.leave.list(actor, query);
  }

  @ReadRoute('leave-requests/:id', LeaveRequestDto, { summary: 'One leave request with its history', errors: [400, 404] })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<LeaveRequestDto> {
    return this.leave.get(actor, id);
  }

  @DecisionRoute('leave-requests/:id/approve', LeaveRequestDto, {
    summary: 'Approve (the direct supervisor, or an admin in their place) — H-ORG-3',
    description: 'The covered days are reclassified in the same transaction. 409 STATE_CHANGED when someone acted first; 403 SELF_APPROVAL / NOT_DIRECT_SUPERVISOR.',
  })
  approve(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DecisionDto): Promise<LeaveRequestDto> {
    return this.leave.approve(actor, id, body.comment ?? null);
  }

  @DecisionRoute('leave-requests/:id/reject', LeaveRequestDto, { summary: 'Reject (the direct supervisor, or an admin in their place)' })
  reject(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DecisionDto): Promise<LeaveRequestDto> {
    return this.leave.reject(actor, id, body.comment ?? null);
  }

  @DecisionRoute('leave-requests/:id/cancel', LeaveRequestDto, {
    summary: 'Cancel',
    description:
      'The employee: while pending, or approved before it starts. Once started: the supervisor or an admin, saying when the person came back (returnedOn, 销假): ' +
      'the days before stay leave, the rest is given back to the balance. Cancelling approved leave reclassifies its days. 400 VALIDATION_FAILED for a returnedOn outside the leave, or for leave that has not started.',
  })
  cancel(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CancelLeaveDto): Promise<LeaveRequestDto> {
    return this.leave.cancel(actor, id, body.comment ?? null, body.returnedOn ?? null);
  }

  @DecisionRoute('leave-requests/:id/file', LeaveRequestDto, { summary: 'File approved leave with HR (admin) — H-ORG-4 人事部备案' })
  @Roles('admin')
  file(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DecisionDto): Promise<LeaveRequestDto> {
    return this.leave.file(actor, id, body.comment ?? null);
  }
}
