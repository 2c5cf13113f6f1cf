import { Body } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdParam } from '../common/params';
import { ActionRoute, SignedInController } from '../common/routes';
import { RetryDeviceLinesDto, RetryLinesByReasonDto, RetryResultDto } from './dto/rejected-line-retry.dto';
import { RejectedLinesService } from './rejected-lines.service';

const RETRY_DESCRIPTION =
  'Each line is read again with the device\'s settings as they are now (zone, PIN mapping) and goes through the one punch path, idempotent (H-ATT-7): ' +
  'a line stored now, or found stored already, leaves the rejected lines; the others stay, with the reason they have now. Audited (device.rejected_lines.retry) with the result of every line.';

/** Rejected device lines retried by the office (issue 19), beside GET /devices/{id}/rejected-lines. */
@SignedInController('devices')
@Roles('admin')
export class RejectedLinesController {
  constructor(private readonly rejectedLines: RejectedLinesService) {}

  @ActionRoute('rejected-lines/retry', RetryResultDto, {
    summary: 'Retry every device\'s rejected lines of one cause, once it is fixed (admin)',
    description: `The person registered or reactivated (UNKNOWN_EMPLOYEE, INACTIVE_EMPLOYEE), the month reopened (MONTH_CLOSED)… ${RETRY_DESCRIPTION}`,
    errors: [400, 403],
  })
  retryReason(@CurrentActor() actor: Actor, @Body() body: RetryLinesByReasonDto): Promise<RetryResultDto> {
    return this.rejectedLines.retryReason(actor, body);
  }

  @ActionRoute(':id/rejected-lines/retry', RetryResultDto, {
    summary: 'Retry a device\'s rejected lines, all or one cause, once it is fixed (admin)',
    description: `A terminal whose clock ran ahead: accept its skew for a period (clockSkewSeconds, from, to) and its lines of those dates are stored with the skew taken off. ${RETRY_DESCRIPTION}`,
    errors: [400, 403, 404],
  })
  retryDevice(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RetryDeviceLinesDto): Promise<RetryResultDto> {
    return this.rejectedLines.retryDevice(actor, id, body);
  }
}
