import { Body, Query } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { PageQueryDto } from '../common/pagination';
import { IdParam } from '../common/params';
import { ActionRoute, CreateRoute, PatchRoute, ReadRoute, SignedInController } from '../common/routes';
import { DevicesService } from './devices.service';
import { DeviceUsersService } from './device-users.service';
import { DeviceUserPageDto, DeviceUsersQueryDto } from './dto/device-user.dto';
import { DeviceUploadPageDto } from './dto/device-upload.dto';
import { CreateDeviceDto, DeviceDto, DeviceListDto, DeviceWithKeyDto, RejectedLinePageDto, UnknownDeviceListDto, UpdateDeviceDto } from './dto/device.dto';

@SignedInController('devices')
@Roles('admin')
export class DevicesController {
  constructor(
    private readonly devices: DevicesService,
    private readonly deviceUsers: DeviceUsersService,
  ) {}

  @ReadRoute(undefined, DeviceListDto, { summary: 'Registered attendance terminals and importers, with their last contact (admin)', errors: [403] })
  async list(): Promise<DeviceListDto> {
    return { items: await this.devices.list() };
  }

  @CreateRoute(undefined, DeviceWithKeyDto, { summary: 'Register a device and receive its key (admin)', description: 'The key is shown once and can only add punches (POST /punches/batch, POST /punches/import).', errors: [400, 403, 409] })
  create(@CurrentActor() actor: Actor, @Body() body: CreateDeviceDto): Promise<DeviceWithKeyDto> {
    return this.devices.create(actor, body);
  }

  // Declared before GET :id, which would otherwise take "unknown" for an id.
  @ReadRoute('unknown', UnknownDeviceListDto, {
    summary: 'Serial numbers that called the device protocol without being registered (admin)',
    description: 'Each with its first and last attempt, how often it tried and from where, so that it can be registered (POST /devices). A serial leaves the list once registered.',
    errors: [403],
  })
  async listUnknown(): Promise<UnknownDeviceListDto> {
    return { items: await this.devices.listUnknown() };
  }

  @ReadRoute(':id/rejected-lines', RejectedLinePageDto, {
    summary: 'Lines the device pushed that were not stored (admin)',
    description:
      'Unknown PIN, closed month, unreadable line…: the terminal was answered OK so that it stops re-sending, and the line is kept here with its reason. ' +
      'A line sent again is one entry with a higher count. Most recently received first.',
    errors: [400, 403, 404],
  })
  rejectedLines(@IdParam() id: string, @Query() query: PageQueryDto): Promise<RejectedLinePageDto> {
    return this.devices.rejectedLines(id, query);
  }

  @ReadRoute(':id/uploads', DeviceUploadPageDto, {
    summary: 'Uploads the device pushed of tables the service does not interpret (admin)',
    description:
      'Operation logs, real-time events of PUSH 3.x access controllers (rtlog), error logs, options, photos\' metadata, PUSH 3.x registrations: ' +
      'the terminal was answered OK and deletes what it was told is stored, so they are kept here as received (biometric templates, passwords and card numbers left out). ' +
      'The same upload sent again is one entry with a higher count. Most recently received first.',
    errors: [400, 403, 404],
  })
  uploads(@IdParam() id: string, @Query() query: PageQueryDto): Promise<DeviceUploadPageDto> {
    return this.devices.uploads(id, query);
  }

  @ReadRoute(':id/users', DeviceUserPageDto, {
    summary: 'Users the terminal holds, each with the staff member its PIN means (admin)',
    description:
      'What the terminal reported (USER lines of OPERLOG / USERINFO uploads, the answer to the query_users command) or confirmed being pushed (a user_update answered Return ≥ 0; ' +
      'a confirmed user_delete removes the user). Never a password or a card number. staff: the person the PIN means under the device\'s pinMapping, as punches are read; ' +
      'unmatched=true lists those that match nobody. Ordered by PIN.',
    errors: [400, 403, 404],
  })
  users(@IdParam() id: string, @Query() query: DeviceUsersQueryDto): Promise<DeviceUserPageDto> {
    return this.deviceUsers.list(id, query);
  }

  @ReadRoute(':id', DeviceDto, { summary: 'One device (admin)', errors: [400, 403, 404] })
  get(@IdParam() id: string): Promise<DeviceDto> {
    return this.devices.get(id);
  }

  @PatchRoute(':id', DeviceDto, { summary: 'Rename, re-zone or deactivate a device, or change how its terminal is read (admin)', errors: [400, 403, 404] })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateDeviceDto): Promise<DeviceDto> {
    return this.devices.update(actor, id, body);
  }

  @ActionRoute(':id/rotate-key', DeviceWithKeyDto, { summary: 'Replace the device key (admin); the old key stops working at once', errors: [400, 403, 404] })
  rotateKey(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<DeviceWithKeyDto> {
    return this.devices.rotateKey(actor, id);
  }
}
