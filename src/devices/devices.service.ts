import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor, DeviceActor } from '../domain/actor';
import { newDeviceKey, secretMatches, splitDeviceKey } from './device-key';
import { Page, pageOf, pageOffset, PageQueryDto } from '../common/pagination';
import {
  CreateDeviceDto,
  DeviceDto,
  type DeviceRow,
  DeviceWithKeyDto,
  RejectedLineDto,
  toDeviceDto,
  toRejectedLineDto,
  toUnknownDeviceDto,
  UnknownDeviceDto,
  UpdateDeviceDto,
} from './dto/device.dto';

import { DeviceUploadDto, toDeviceUploadDto } from './dto/device-upload.dto';
import { DevicesRepository } from './devices.repository';
import { DeviceUsersRepository } from './device-users.repository';
import { StaffPushService } from './staff-push.service';
import { deviceNotFound, deviceSerialTaken } from './devices.errors';

/**
 * Whether an update makes the terminal start receiving everyone: it now pushes (active, push_staff)
 * and did not before, or it pushes under a new pinMapping (everyone under their new PIN; the old
 * PINs stay on the terminal and show as unmatched users until deleted there).
 */
const startsPushing = (before: DeviceRow, after: DeviceRow): boolean =>
  after.active && after.push_staff && (!before.active || !before.push_staff || before.pin_mapping !== after.pin_mapping);

@Injectable()
export class DevicesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly devices: DevicesRepository,
    private readonly users: DeviceUsersRepository,
    private readonly staffPush: StaffPushService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<DeviceDto[]> {
    return this.dtos(await this.devices.list());
  }

  async get(id: string): Promise<DeviceDto> {
    const row = await this.devices.find(id);
    if (!row) throw deviceNotFound();
    return (await this.dtos([row]))[0];
  }

  async create(actor: Actor, input: CreateDeviceDto): Promise<DeviceWithKeyDto> {
    const key = newDeviceKey();
    return this.dataSource.transaction(async (manager) => {
      if (await this.devices.serialTaken(manager, input.serialNumber)) throw deviceSerialTaken();
      const row = await this.devices.insert(manager, input, key, actor.id);
      const device = toDeviceDto(row);
      await this.audit.record(manager, actor, { action: 'device.create', entity: 'device', entityId: device.id, after: device });
      if (row.push_staff) await this.staffPush.pushEveryone(manager, actor, row);
      return { ...device, apiKey: key.key };
    });
  }

  async update(actor: Actor, id: string, input: UpdateDeviceDto): Promise<DeviceDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.devices.find(id, manager, true);
      if (!current) throw deviceNotFound();
      const row = await this.devices.update(manager, id, input);
      const [before, after] = await this.dtos([current, row], manager);
      await this.audit.record(manager, actor, { action: 'device.update', entity: 'device', entityId: id, before, after });
      if (startsPushing(current, row)) await this.staffPush.pushEveryone(manager, actor, row);
      return after;
    });
  }

  /** Serial numbers that called the device protocol unregistered, most recent first (at most 1,000 are remembered). */
  async listUnknown(): Promise<UnknownDeviceDto[]> {
    return (await this.devices.unknownSerials()).map(toUnknownDeviceDto);
  }

  /** Lines the device uploaded that were answered OK but not stored, most recently received first. */
  async rejectedLines(id: string, query: PageQueryDto): Promise<Page<RejectedLineDto>> {
    if (!(await this.devices.find(id))) throw deviceNotFound();
    const { rows, total } = await this.devices.rejectedLines(id, pageOffset(query), query.pageSize);
    return pageOf(rows.map(toRejectedLineDto), total, query);
  }

  /** Uploads of tables the service does not interpret, kept as received, most recently received first. */
  async uploads(id: string, query: PageQueryDto): Promise<Page<DeviceUploadDto>> {
    if (!(await this.devices.find(id))) throw deviceNotFound();
    const { rows, total } = await this.devices.uploads(id, pageOffset(query), query.pageSize);
    return pageOf(rows.map(toDeviceUploadDto), total, query);
  }

  /** The clock skew measured from an upload (see domain/terminal/clock-skew.ts). */
  recordClockSkew(manager: EntityManager, deviceId: string, seconds: number, at: Date): Promise<void> {
    return this.devices.recordClockSkew(manager, deviceId, seconds, at);
  }

  /** A new key replaces the old one at once (a leaked key is stopped by rotating it). */
  async rotateKey(actor: Actor, id: string): Promise<DeviceWithKeyDto> {
    const key = newDeviceKey();
    return this.dataSource.transaction(async (manager) => {
      const row = await this.devices.replaceKey(manager, id, key);
      if (!row) throw deviceNotFound();
      await this.audit.record(manager, actor, { action: 'device.rotate_key', entity: 'device', entityId: id });
      return { ...(await this.dtos([row], manager))[0], apiKey: key.key };
    });
  }

  private async dtos(rows: DeviceRow[], manager?: EntityManager): Promise<DeviceDto[]> {
    const counts = await this.users.counts(rows.map((row) => row.id), manager);
    return rows.map((row) => toDeviceDto(row, counts.get(row.id)));
  }

  /** The device behind an `X-Device-Key`, or null when the key is unknown, wrong or the device inactive. */
  async actorForKey(key: string): Promise<DeviceActor | null> {
    const parts = splitDeviceKey(key);
    if (!parts) return null;
    const device = await this.devices.byKeyPrefix(parts.prefix);
    if (!device || !device.active || !secretMatches(parts.secret, device.key_hash)) return null;
    return { kind: 'device', id: device.id, username: device.name, roles: [] };
  }

  /** The zone a device's local times are in, when it has one of its own (else null: the company's). */
  timeZoneOf(deviceId: string): Promise<string | null> {
    return this.devices.timeZone(deviceId);
  }

  /** The device called in: its last contact, and its last punch when one was stored. */
  touch(manager: EntityManager, deviceId: string, now: Date, punched = false): Promise<void> {
    return this.devices.touch(manager, deviceId, now, punched);
  }
}
