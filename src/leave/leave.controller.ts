import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DecisionDto } from '../approvals/dto/approval-event.dto';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiIdParam, ApiSignedIn } from '../common/api-docs';
import { uuidParam } from '../common/params';
import { CreateLeaveRequestDto, CreateLeaveTypeDto, LeaveListQueryDto, LeaveRequestDto, LeaveRequestPageDto, LeaveTypeDto, LeaveTypeListDto, UpdateLeaveTypeDto } from './dto/leave.dto';
import { LeaveTypesService } from './leave-types.service';
import { LeaveService } from './leave.service';

@ApiTags('leave')
@ApiSignedIn()
@Controller()
export class LeaveController {
  constructor(
    private readonly leave: LeaveService,
    private readonly types: LeaveTypesService,
  ) {}

  @Get('leave-types')
  @ApiOperation({ summary: 'Leave types (H-ATT-1): personal 事假, sick 病假, marriage 婚假, bereavement 丧假, and any the office adds' })
  @ApiOkResponse({ type: LeaveTypeListDto })
  async listTypes(): Promise<LeaveTypeListDto> {
    return { items: await this.types.list() };
  }

  @Post('leave-types')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a leave type (admin)' })
  @ApiCreatedResponse({ type: LeaveTypeDto })
  @ApiErrors(400, 403, 409)
  createType(@CurrentActor() actor: Actor, @Body() body: CreateLeaveTypeDto): Promise<LeaveTypeDto> {
    return this.types.create(actor, body);
  }

  @Patch('leave-types/:code')
  @Roles('admin')
  @ApiParam({ name: 'code', schema: { type: 'string', maxLength: 40, pattern: '^[a-z][a-z0-9_]{1,39}$' } })
  @ApiOperation({ summary: 'Rename a leave type, mark it paid or unpaid, or retire it (admin)' })
  @ApiOkResponse({ type: LeaveTypeDto })
  @ApiErrors(400, 403, 404)
  updateType(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() body: UpdateLeaveTypeDto): Promise<LeaveTypeDto> {
    return this.types.update(actor, code, body);
  }

  @Post('leave-requests')
  @ApiOperation({
    summary: 'Request leave for yourself (H-ATT-10, H-ATT-11)',
    description:
      'At least one day ahead: the first day must be after today in company time, else 422 LEAVE_NOT_ONE_DAY_AHEAD — unless "emergency": true, ' +
      'which may be filed for today or past dates while the month is open and needs a reason. Overlapping live requests: 409 LEAVE_OVERLAPS (two halves of one day do not overlap). ' +
      'A submitted request is never edited: cancel it and request again.',
  })
  @ApiCreatedResponse({ type: LeaveRequestDto })
  @ApiErrors(400, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() body: CreateLeaveRequestDto): Promise<LeaveRequestDto> {
    return this.leave.create(actor, body);
  }

  @Get('leave-requests')
  @ApiOperation({ summary: 'Leave requests you may see: your own, your reports\', or everyone\'s (admin, finance)' })
  @ApiOkResponse({ type: LeaveRequestPageDto })
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: LeaveListQueryDto): Promise<LeaveRequestPageDto> {
    return this.leave.list(actor, query);
  }

  @Get('leave-requests/:id')
  @ApiIdParam()
  @ApiOperation({ summary: 'One leave request with its history' })
  @ApiOkResponse({ type: LeaveRequestDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<LeaveRequestDto> {
    return this.leave.get(actor, id);
  }

  @Post('leave-requests/:id/approve')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({ summary: 'Approve (the direct supervisor, or an admin in their place) — H-ORG-3', description: 'The covered days are reclassified in the same transaction. 409 STATE_CHANGED when someone acted first; 403 SELF_APPROVAL / NOT_DIRECT_SUPERVISOR.' })
  @ApiOkResponse({ type: LeaveRequestDto })
  @ApiErrors(400, 403, 404, 409)
  approve(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: DecisionDto): Promise<LeaveRequestDto> {
    return this.leave.approve(actor, id, body.comment ?? null);
  }

  @Post('leave-requests/:id/reject')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({ summary: 'Reject (the direct supervisor, or an admin in their place)' })
  @ApiOkResponse({ type: LeaveRequestDto })
  @ApiErrors(400, 403, 404, 409)
  reject(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: DecisionDto): Promise<LeaveRequestDto> {
    return this.leave.reject(actor, id, body.comment ?? null);
  }

  @Post('leave-requests/:id/cancel')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({ summary: 'Cancel', description: 'The employee: while pending, or approved before it starts. Once started: the supervisor or an admin. Cancelling approved leave reclassifies its days.' })
  @ApiOkResponse({ type: LeaveRequestDto })
  @ApiErrors(400, 403, 404, 409)
  cancel(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: DecisionDto): Promise<LeaveRequestDto> {
    return this.leave.cancel(actor, id, body.comment ?? null);
  }

  @Post('leave-requests/:id/file')
  @HttpCode(200)
  @Roles('admin')
  @ApiIdParam()
  @ApiOperation({ summary: 'File approved leave with HR (admin) — H-ORG-4 人事部备案' })
  @ApiOkResponse({ type: LeaveRequestDto })
  @ApiErrors(400, 403, 404, 409)
  file(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: DecisionDto): Promise<LeaveRequestDto> {
    return this.leave.file(actor, id, body.comment ?? null);
  }
}
