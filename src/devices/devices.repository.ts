import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../database/modify-returning';
import type { CreateDeviceDto, DeviceRow, RejectedLineRow, UnknownDeviceRow, UpdateDeviceDto } from './dto/device.dto';
import type { PinMapping } from '../domain/terminal/pin-mapping';
import { UPLOAD_EXCERPT, type UploadRow } from './dto/device-upload.dto';

/** The owner of the device tables (device, device_unknown_serial, device_rejected_line reads). */
@Injectable()
export class DevicesRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<DeviceRow[]> {
    return this.dataSource.query('SELECT * FROM device ORDER BY name, serial_number');
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager, forUpdate = false): Promise<DeviceRow | null> {
    const rows: DeviceRow[] = await manager.query(`SELECT * FROM device WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** The devices staff are pushed to: active, push_staff on. */
  pushing(manager: EntityManager): Promise<{ id: string; pin_mapping: PinMapping }[]> {
    return manager.query('SELECT id, pin_mapping FROM device WHERE active AND push_staff ORDER BY id');
  }

  async byKeyPrefix(prefix: string): Promise<DeviceRow | null> {
    const rows: DeviceRow[] = await this.dataSource.query('SELECT * FROM device WHERE key_prefix = $1', [prefix]);
    return rows[0] ?? null;
  }

  /** The device's own zone, or null: its local times are then read in the company's. */
  async timeZone(id: string): Promise<string | null> {
    const rows: { time_zone: string | null }[] = await this.dataSource.query('SELECT time_zone FROM device WHERE id = $1', [id]);
    return rows[0]?.time_zone ?? null;
  }

  async serialTaken(manager: EntityManager, serialNumber: string): Promise<boolean> {
    return ((await manager.query('SELECT 1 FROM device WHERE serial_number = $1', [serialNumber])) as unknown[]).length > 0;
  }

  /** Registers a device; its serial is then no longer one of the unknown serials waiting for an admin. */
  async insert(manager: EntityManager, input: CreateDeviceDto, key: { prefix: string; hash: string }, createdBy: string): Promise<DeviceRow> {
    const rows: DeviceRow[] = await manager.query(
      `INSERT INTO device (name, serial_number, key_prefix, key_hash, time_zone, pin_mapping, time_zone_unit, created_by, push_staff)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [input.name, input.serialNumber, key.prefix, key.hash, input.timeZone ?? null, input.pinMapping ?? 'employee_no', input.timeZoneUnit ?? 'hours', createdBy, input.pushStaff ?? true],
    );
    await manager.query('DELETE FROM device_unknown_serial WHERE serial_number = $1', [input.serialNumber]);
    return rows[0];
  }

  async update(manager: EntityManager, id: string, input: UpdateDeviceDto): Promise<DeviceRow> {
    const rows = await modifyReturning<DeviceRow>(
      manager,
      `UPDATE device SET name = coalesce($2, name), time_zone = CASE WHEN $3::boolean THEN $4 ELSE time_zone END, active = coalesce($5, active),
              pin_mapping = coalesce($6, pin_mapping), time_zone_unit = coalesce($7, time_zone_unit), push_staff = coalesce($8, push_staff)
        WHERE id = $1 RETURNING *`,
      [id, input.name ?? null, input.timeZone !== undefined, input.timeZone ?? null, input.active ?? null, input.pinMapping ?? null, input.timeZoneUnit ?? null, input.pushStaff ?? null],
    );
    return rows[0];
  }

  async replaceKey(manager: EntityManager, id: string, key: { prefix: string; hash: string }): Promise<DeviceRow | null> {
    const rows = await modifyReturning<DeviceRow>(manager, 'UPDATE device SET key_prefix = $2, key_hash = $3 WHERE id = $1 RETURNING *', [id, key.prefix, key.hash]);
    return rows[0] ?? null;
  }

  /**
   * The device called in (the terminal protocol, an import or a batch with its key): its last
   * contact, and its last punch when one was stored. The one writer of both columns.
   */
  async touch(manager: EntityManager, deviceId: string, now: Date, punched = false): Promise<void> {
    await manager.query(
      punched ? 'UPDATE device SET last_seen_at = $2, last_punch_at = $2 WHERE id = $1' : 'UPDATE device SET last_seen_at = $2 WHERE id = $1',
      [deviceId, now],
    );
  }

  /** The clock skew measured from the device's last upload that measured it (the one writer of both columns). */
  async recordClockSkew(manager: EntityManager, deviceId: string, seconds: number, at: Date): Promise<void> {
    await manager.query('UPDATE device SET clock_skew_seconds = $2, clock_skew_measured_at = $3 WHERE id = $1', [deviceId, seconds, at]);
  }

  async uploads(id: string, offset: number, limit: number): Promise<{ rows: UploadRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT kind, stamp, left(body, $4) AS excerpt, length(body) AS body_length, lines, first_received_at, last_received_at, times FROM device_upload
          WHERE device_id = $1 ORDER BY last_received_at DESC, id DESC OFFSET $2 LIMIT $3`,
        [id, offset, limit, UPLOAD_EXCERPT],
      ) as Promise<UploadRow[]>,
      this.dataSource.query('SELECT count(*)::int AS n FROM device_upload WHERE device_id = $1', [id]) as Promise<{ n: number }[]>,
    ]);
    return { rows, total: count[0].n };
  }

  /** At most 1,000 remembered, most recent first. */
  unknownSerials(): Promise<UnknownDeviceRow[]> {
    return this.dataSource.query('SELECT * FROM device_unknown_serial ORDER BY last_seen_at DESC, serial_number LIMIT 1000');
  }

  async rejectedLines(id: string, offset: number, limit: number): Promise<{ rows: RejectedLineRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT line, reason, message, first_received_at, last_received_at, times FROM device_rejected_line
          WHERE device_id = $1 ORDER BY last_received_at DESC, id DESC OFFSET $2 LIMIT $3`,
        [id, offset, limit],
      ) as Promise<RejectedLineRow[]>,
      this.dataSource.query('SELECT count(*)::int AS n FROM device_rejected_line WHERE device_id = $1', [id]) as Promise<{ n: number }[]>,
    ]);
    return { rows, total: count[0].n };
  }
}
