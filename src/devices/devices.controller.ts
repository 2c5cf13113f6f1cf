import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiIdParam, ApiSignedIn } from '../common/api-docs';
import { uuidParam } from '../common/params';
import { DevicesService } from './devices.service';
import { CreateDeviceDto, DeviceDto, DeviceListDto, DeviceWithKeyDto, UpdateDeviceDto } from './dto/device.dto';

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
  @ApiOperation({ summary: 'Rename, re-zone or deactivate a device (admin)' })
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
