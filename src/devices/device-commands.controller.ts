import { Body, Query } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { PageQueryDto } from '../common/pagination';
import { IdParam } from '../common/params';
import { CreateRoute, ReadRoute, SignedInController } from '../common/routes';
import { DeviceCommandsService } from './device-commands.service';
import { DeviceCommandDto, DeviceCommandPageDto, QueueCommandDto } from './dto/device-command.dto';

/** A terminal's command queue (issue 19). */
@SignedInController('devices')
@Roles('admin')
export class DeviceCommandsController {
  constructor(private readonly commands: DeviceCommandsService) {}

  @CreateRoute(':id/commands', DeviceCommandDto, {
    summary: 'Queue a command for the terminal: set its clock, reboot, read its information, or ask for its records of a period (admin)',
    description:
      'Delivered on the terminal\'s next poll (GET /iclock/getrequest) as `C:<id>:<command>`, confirmed by its result (POST /iclock/devicecmd). ' +
      'Not answered within DEVICE_COMMAND_TIMEOUT_SECONDS, it is sent again; after DEVICE_COMMAND_MAX_SENDS sends it fails (no_answer). A deactivated device is 409 DEVICE_INACTIVE. Audited.',
    errors: [400, 403, 404, 409],
  })
  queue(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: QueueCommandDto): Promise<DeviceCommandDto> {
    return this.commands.queue(actor, id, body);
  }

  @ReadRoute(':id/commands', DeviceCommandPageDto, { summary: 'The terminal\'s commands and their state, newest first (admin)', errors: [400, 403, 404] })
  list(@IdParam() id: string, @Query() query: PageQueryDto): Promise<DeviceCommandPageDto> {
    return this.commands.list(id, query);
  }
}
