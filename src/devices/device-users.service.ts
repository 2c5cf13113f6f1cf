import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Page, pageOf, pageOffset } from '../common/pagination';
import { DeviceUsersRepository } from './device-users.repository';
import { deviceNotFound } from './devices.errors';
import { DevicesRepository } from './devices.repository';
import { DeviceUserDto, DeviceUsersQueryDto, type ReportedUser, toDeviceUserDto } from './dto/device-user.dto';

/** The users each terminal holds (issue 19): kept from its uploads and its confirmed user commands. */
@Injectable()
export class DeviceUsersService {
  constructor(
    private readonly devices: DevicesRepository,
    private readonly users: DeviceUsersRepository,
  ) {}

  /** A page of the device's users, each with the person its PIN means (or why nobody). */
  async list(deviceId: string, query: DeviceUsersQueryDto): Promise<Page<DeviceUserDto>> {
    if (!(await this.devices.find(deviceId))) throw deviceNotFound();
    const { rows, total } = await this.users.page(deviceId, query.unmatched ?? undefined, pageOffset(query), query.pageSize);
    return pageOf(rows.map(toDeviceUserDto), total, query);
  }

  /** Users a terminal uploaded, kept in the transaction that keeps the upload. */
  reported(manager: EntityManager, deviceId: string, users: ReportedUser[], now: Date): Promise<void> {
    return this.users.reported(manager, deviceId, users, now);
  }
}
