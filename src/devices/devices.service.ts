import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor, DeviceActor } from '../domain/actor';
import { DomainError, notFound } from '../domain/errors/domain-error';
import { newDeviceKey, secretMatches, splitDeviceKey } from './device-key';
import { Page, pageOf, pageOffset, PageQueryDto } from '../common/pagination';
import {
  CreateDeviceDto,
  DeviceDto,
  DeviceRow,
  DeviceWithKeyDto,
  RejectedLineDto,
  RejectedLineRow,
  toDeviceDto,
  toRejectedLineDto,
  toUnknownDeviceDto,
  UnknownDeviceDto,
  UnknownDeviceRow,
  UpdateDeviceDto,
} from './dto/device.dto';
import { modifyReturning } from '../database/modify-returning';

const deviceNotFound = () => notFound('The device', 'DEVICE_NOT_FOUND');

@Injectable()
export class DevicesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<DeviceDto[]> {
    const rows: DeviceRow[] = await this.dataSource.query('SELECT * FROM device ORDER BY name, serial_number');
    return rows.map(toDeviceDto);
  }

  async get(id: string): Promise<DeviceDto> {
    const rows: DeviceRow[] = await this.dataSource.query('SELECT * FROM device WHERE id = $1', [id]);
    if (rows.length === 0) throw deviceNotFound();
    return toDeviceDto(rows[0]);
  }

  async create(actor: Actor, input: CreateDeviceDto): Promise<DeviceWithKeyDto> {
    const key = newDeviceKey();
    return this.dataSource.transaction(async (manager) => {
      const taken: unknown[] = await manager.query('SELECT 1 FROM device WHERE serial_number = $1', [input.serialNumber]);
      if (taken.length > 0) {
        throw new DomainError('conflict', 'DEVICE_SERIAL_TAKEN', 'A device with this serial number is registered already', [{ field: 'serialNumber', message: 'is taken' }]);
      }
      const rows: DeviceRow[] = await manager.query(
        `INSERT INTO device (name, serial_number, key_prefix, key_hash, time_zone, pin_mapping, time_zone_unit, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [input.name, input.serialNumber, key.prefix, key.hash, input.timeZone ?? null, input.pinMapping ?? 'employee_no', input.timeZoneUnit ?? 'hours', actor.id],
      );
      // Registered now: no longer one of the unknown serials waiting for an admin.
      await manager.query('DELETE FROM device_unknown_serial WHERE serial_number = $1', [input.serialNumber]);
      const device = toDeviceDto(rows[0]);
      await this.audit.record(manager, actor, { action: 'device.create', entity: 'device', entityId: device.id, after: device });
      return { ...device, apiKey: key.key };
    });
  }

  async update(actor: Actor, id: string, input: UpdateDeviceDto): Promise<DeviceDto> {
    return this.dataSource.transaction(async (manager) => {
      const current: DeviceRow[] = await manager.query('SELECT * FROM device WHERE id = $1 FOR UPDATE', [id]);
      if (current.length === 0) throw deviceNotFound();
      const rows = await modifyReturning<DeviceRow>(
        manager,
        `UPDATE device SET name = coalesce($2, name), time_zone = CASE WHEN $3::boolean THEN $4 ELSE time_zone END, active = coalesce($5, active),
                pin_mapping = coalesce($6, pin_mapping), time_zone_unit = coalesce($7, time_zone_unit)
          WHERE id = $1 RETURNING *`,
        [id, input.name ?? null, input.timeZone !== undefined, input.timeZone ?? null, input.active ?? null, input.pinMapping ?? null, input.timeZoneUnit ?? null],
      );
      const after = toDeviceDto(rows[0]);
      await this.audit.record(manager, actor, { action: 'device.update', entity: 'device', entityId: id, before: toDeviceDto(current[0]), after });
      return after;
    });
  }

  /** Serial numbers that called the device protocol unregistered, most recent first (at most 1,000 are remembered). */
  async listUnknown(): Promise<UnknownDeviceDto[]> {
    const rows: UnknownDeviceRow[] = await this.dataSource.query('SELECT * FROM device_unknown_serial ORDER BY last_seen_at DESC, serial_number LIMIT 1000');
    return rows.map(toUnknownDeviceDto);
  }

  /** Lines the device uploaded that were answered OK but not stored, most recently received first. */
  async rejectedLines(id: string, query: PageQueryDto): Promise<Page<RejectedLineDto>> {
    const devices: unknown[] = await this.dataSource.query('SELECT 1 FROM device WHERE id = $1', [id]);
    if (devices.length === 0) throw deviceNotFound();
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT line, reason, message, first_received_at, last_received_at, times FROM device_rejected_line
          WHERE device_id = $1 ORDER BY last_received_at DESC, id DESC OFFSET $2 LIMIT $3`,
        [id, pageOffset(query), query.pageSize],
      ) as Promise<RejectedLineRow[]>,
      this.dataSource.query('SELECT count(*)::int AS n FROM device_rejected_line WHERE device_id = $1', [id]) as Promise<{ n: number }[]>,
    ]);
    return pageOf(rows.map(toRejectedLineDto), count[0].n, query);
  }

  /** A new key replaces the old one at once (a leaked key is stopped by rotating it). */
  async rotateKey(actor: Actor, id: string): Promise<DeviceWithKeyDto> {
    const key = newDeviceKey();
    return this.dataSource.transaction(async (manager) => {
      const rows = await modifyReturning<DeviceRow>(manager, 'UPDATE device SET key_prefix = $2, key_hash = $3 WHERE id = $1 RETURNING *', [id, key.prefix, key.hash]);
      if (rows.length === 0) throw deviceNotFound();
      await this.audit.record(manager, actor, { action: 'device.rotate_key', entity: 'device', entityId: id });
      return { ...toDeviceDto(rows[0]), apiKey: key.key };
    });
  }

  /** The device behind an `X-Device-Key`, or null when the key is unknown, wrong or the device inactive. */
  async actorForKey(key: string): Promise<DeviceActor | null> {
    const parts = splitDeviceKey(key);
    if (!parts) return null;
    const rows: DeviceRow[] = await this.dataSource.query('SELECT * FROM device WHERE key_prefix = $1', [parts.prefix]);
    const device = rows[0];
    if (!device || !device.active || !secretMatches(parts.secret, device.key_hash)) return null;
    return { kind: 'device', id: device.id, username: device.name, roles: [] };
  }
}
