import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiIdParam, ApiSignedIn } from '../common/api-docs';
import { PageQueryDto } from '../common/pagination';
import { uuidParam } from '../common/params';
import { DevicesService } from './devices.service';
import { CreateDeviceDto, DeviceDto, DeviceListDto, DeviceWithKeyDto, RejectedLinePageDto, UnknownDeviceListDto, UpdateDeviceDto } from './dto/device.dto';

@ApiTags('devices')
@ApiSignedIn()
@Controller('devices')
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Registered attendance terminals and importers, with their last contact (admin)' })
  @ApiOkResponse({ type: DeviceListDto })
  @ApiErrors(403)
  async list(): Promise<DeviceListDto> {
    return { items: await this.devices.list() };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Register a device and receive its key (admin)', description: 'The key is shown once and can only add punches (POST /punches/batch, POST /punches/import).' })
  @ApiCreatedResponse({ type: DeviceWithKeyDto })
  @ApiErrors(400, 403, 409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateDeviceDto): Promise<DeviceWithKeyDto> {
    return this.devices.create(actor, body);
  }

  // Declared before GET :id, which would otherwise take "unknown" for an id.
  @Get('unknown')
  @Roles('admin')
  @ApiOperation({
    summary: 'Serial numbers that called the device protocol without being registered (admin)',
    description: 'Each with its first and last attempt, how often it tried and from where, so that it can be registered (POST /devices). A serial leaves the list once registered.',
  })
  @ApiOkResponse({ type: UnknownDeviceListDto })
  @ApiErrors(403)
  async listUnknown(): Promise<UnknownDeviceListDto> {
    return { items: await this.devices.listUnknown() };
  }

  @Get(':id/rejected-lines')
  @Roles('admin')
  @ApiIdParam()
  @ApiOperation({
    summary: 'Lines the device pushed that were not stored (admin)',
    description:
      'Unknown PIN, closed month, unreadable line…: the terminal was answered OK so that it stops re-sending, and the line is kept here with its reason. ' +
      'A line sent again is one entry with a higher count. Most recently received first.',
  })
  @ApiOkResponse({ type: RejectedLinePageDto })
  @ApiErrors(400, 403, 404)
  rejectedLines(@Param('id', uuidParam()) id: string, @Query() query: PageQueryDto): Promise<RejectedLinePageDto> {
    return this.devices.rejectedLines(id, query);
  }

  @Get(':id')
  @Roles('admin')
  @ApiIdParam()
  @ApiOperation({ summary: 'One device (admin)' })
  @ApiOkResponse({ type: DeviceDto })
  @ApiErrors(400, 403, 404)
  get(@Param('id', uuidParam()) id: string): Promise<DeviceDto> {
    return this.devices.get(id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiIdParam()
  @ApiOperation({ summary: 'Rename, re-zone or deactivate a device, or change how its terminal is read (admin)' })
  @ApiOkResponse({ type: DeviceDto })
  @ApiErrors(400, 403, 404)
  update(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: UpdateDeviceDto): Promise<DeviceDto> {
    return this.devices.update(actor, id, body);
  }

  @Post(':id/rotate-key')
  @HttpCode(200)
  @Roles('admin')
  @ApiIdParam()
  @ApiOperation({ summary: 'Replace the device key (admin); the old key stops working at once' })
  @ApiOkResponse({ type: DeviceWithKeyDto })
  @ApiErrors(400, 403, 404)
  rotateKey(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<DeviceWithKeyDto> {
    return this.devices.rotateKey(actor, id);
  }
}
