import { Body, Query } from '@nestjs/common';
import { DecisionDto } from '../approvals/dto/approval-event.dto';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdParam } from '../common/params';
import { ActionRoute, CreateRoute, DecisionRoute, ReadRoute, SignedInController } from '../common/routes';
import type { Actor } from '../domain/actor';
import {
  ApproveOvertimeDto,
  CancelOvertimeDto,
  CreatedOvertimeDto,
  CreateOvertimeDto,
  OvertimeListQueryDto,
  OvertimeRequestDto,
  OvertimeRequestPageDto,
} from './dto/overtime.dto';
import { OvertimeService } from './overtime.service';

@SignedInController('overtime-requests')
export class OvertimeController {
  constructor(private readonly overtime: OvertimeService) {}

  @CreateRoute(undefined, CreatedOvertimeDto, {
    summary: 'Ask for overtime (加班): a window outside your shift on a working day, a rest day or a statutory holiday (劳动法第41/44条)',
    description:
      'date, start and end in company time (end at or before start: the next day), reason, and for rest-day work pay or time off in lieu (调休). In advance, or afterwards within overtimeDaysAfter days while the month is open. ' +
      'An admin may file for someone (staffId) and go beyond the caps with capOverrideReason. Answers the request and what stays free under the caps. ' +
      'Refused: 422 OVERTIME_CAP_EXCEEDED (params cap daily|monthly, limitMinutes, leftMinutes), OVERTIME_OVERLAPS_SHIFT, OVERTIME_LIEU_NOT_ALLOWED (lieu on a working day or a holiday), OVERTIME_TOO_LATE, OVERTIME_NOT_EMPLOYED; ' +
      '409 OVERTIME_OVERLAPS (another live request), 409 MONTH_CLOSED; 403 ROLE_REQUIRED (staffId or capOverrideReason without the admin role); 404 for an unknown staffId.',
    errors: [400, 403, 404, 409, 422],
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateOvertimeDto): Promise<CreatedOvertimeDto> {
    return this.overtime.create(actor, body);
  }

  @ReadRoute(undefined, OvertimeRequestPageDto, { summary: "Overtime requests you may see: your own, your reports', or everyone's (admin, finance)", errors: [400] })
  list(@CurrentActor() actor: Actor, @Query() query: OvertimeListQueryDto): Promise<OvertimeRequestPageDto> {
    return this.overtime.list(actor, query);
  }

  @ReadRoute(':id', OvertimeRequestDto, { summary: 'One overtime request with its history', errors: [400, 404] })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<OvertimeRequestDto> {
    return this.overtime.get(actor, id);
  }

  @ActionRoute(':id/approve', OvertimeRequestDto, {
    summary: 'Approve (the direct supervisor, or an admin in their place) — H-ORG-3',
    description: 'The caps are checked again; beyond one only an admin with capOverrideReason (422 OVERTIME_CAP_EXCEEDED otherwise). The day is judged again once its punch window has closed. 409 STATE_CHANGED when someone acted first; 403 SELF_APPROVAL / NOT_DIRECT_SUPERVISOR.',
    errors: [400, 403, 404, 409, 422],
  })
  approve(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ApproveOvertimeDto): Promise<OvertimeRequestDto> {
    return this.overtime.approve(actor, id, body.comment ?? null, body.capOverrideReason);
  }

  @DecisionRoute(':id/reject', OvertimeRequestDto, { summary: 'Reject (the direct supervisor, or an admin in their place)' })
  reject(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DecisionDto): Promise<OvertimeRequestDto> {
    return this.overtime.reject(actor, id, body.comment ?? null);
  }

  @DecisionRoute(':id/withdraw', OvertimeRequestDto, { summary: 'Withdraw your own request while it is pending (its minutes are freed under the caps)' })
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DecisionDto): Promise<OvertimeRequestDto> {
    return this.overtime.withdraw(actor, id, body.comment ?? null);
  }

  @DecisionRoute(':id/file', OvertimeRequestDto, { summary: 'File approved overtime (admin) — H-ORG-4' })
  @Roles('admin')
  file(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DecisionDto): Promise<OvertimeRequestDto> {
    return this.overtime.file(actor, id, body.comment ?? null);
  }

  @DecisionRoute(':id/cancel', OvertimeRequestDto, { summary: 'Cancel approved overtime (admin), with a reason: the day credits nothing for it. 409 MONTH_CLOSED for a closed month' })
  @Roles('admin')
  cancel(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CancelOvertimeDto): Promise<OvertimeRequestDto> {
    return this.overtime.cancel(actor, id, body.reason);
  }
}
