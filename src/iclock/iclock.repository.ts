import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { createHash } from 'node:crypto';
import type { PushStamps } from '../domain/terminal/handshake';
import type { PinCandidate, PinMapping } from '../domain/terminal/pin-mapping';

/** A registered terminal as the push protocol needs it. */
export interface PushDevice {
  id: string;
  name: string;
  serialNumber: string;
  active: boolean;
  timeZone: string | null;
  pinMapping: PinMapping;
}

/** The tables whose upload counter is answered back in the handshake. */
export type StampedTable = 'ATTLOG' | 'OPERLOG' | 'ATTPHOTO' | 'ERRORLOG';

const STAMP_COLUMN: Record<StampedTable, string> = { ATTLOG: 'attlog_stamp', OPERLOG: 'operlog_stamp', ATTPHOTO: 'attphoto_stamp', ERRORLOG: 'errorlog_stamp' };

/** An upload kept as received (a table the service does not interpret, a registry, a photo's metadata). */
export interface KeptUpload {
  kind: string;
  stamp: string | null;
  body: string;
  lines: number;
}

/** How many unregistered serials are remembered: the routes are open, so the list must not grow without bound. */
export const MAX_UNKNOWN_SERIALS = 1000;

export interface RejectedDeviceLine {
  line: string;
  reason: string;
  message: string;
}

export interface UnknownContact {
  serialNumber: string;
  ip: string | null;
  request: string;
}

@Injectable()
export class IclockRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findDeviceBySerial(serialNumber: string): Promise<PushDevice | null> {
    const rows: PushDevice[] = await this.dataSource.query(
      `SELECT id, name, serial_number AS "serialNumber", active, time_zone AS "timeZone", pin_mapping AS "pinMapping"
         FROM device WHERE serial_number = $1`,
      [serialNumber],
    );
    return rows[0] ?? null;
  }

  /** One row per serial, counted; a new serial past the cap is not remembered (it is still refused). */
  async recordUnknownSerial(contact: UnknownContact, now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO device_unknown_serial (serial_number, first_seen_at, last_seen_at, last_ip, last_request)
       SELECT $1, $2, $2, $3, $4
        WHERE EXISTS (SELECT 1 FROM device_unknown_serial WHERE serial_number = $1)
           OR (SELECT count(*) FROM device_unknown_serial) < $5
       ON CONFLICT (serial_number) DO UPDATE
         SET last_seen_at = EXCLUDED.last_seen_at, attempts = device_unknown_serial.attempts + 1,
             last_ip = EXCLUDED.last_ip, last_request = EXCLUDED.last_request`,
      [contact.serialNumber, now, contact.ip?.slice(0, 64) ?? null, contact.request.slice(0, 100), MAX_UNKNOWN_SERIALS],
    );
  }

  async stamps(deviceId: string): Promise<PushStamps> {
    const rows: PushStamps[] = await this.dataSource.query(
      `SELECT attlog_stamp AS attlog, operlog_stamp AS operlog, attphoto_stamp AS attphoto, errorlog_stamp AS errorlog FROM device_push_state WHERE device_id = $1`,
      [deviceId],
    );
    return rows[0] ?? { attlog: null, operlog: null, attphoto: null, errorlog: null };
  }

  async saveStamp(manager: EntityManager, deviceId: string, table: StampedTable, stamp: string, now: Date): Promise<void> {
    const column = STAMP_COLUMN[table];
    await manager.query(
      `INSERT INTO device_push_state (device_id, ${column}, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (device_id) DO UPDATE SET ${column} = EXCLUDED.${column}, updated_at = EXCLUDED.updated_at`,
      [deviceId, stamp, now],
    );
  }

  /** Staff whose employee number has the digits of each PIN (for `employee_no_digits` devices). */
  async candidatesByDigits(manager: EntityManager, pins: string[]): Promise<PinCandidate[]> {
    if (pins.length === 0) return [];
    return manager.query(
      `SELECT p.pin, s.employee_no AS "employeeNo", s.active
         FROM unnest($1::text[]) AS p(pin)
         JOIN staff s ON ltrim(regexp_replace(s.employee_no, '[^0-9]', '', 'g'), '0') = ltrim(regexp_replace(p.pin, '[^0-9]', '', 'g'), '0')
        WHERE p.pin ~ '[0-9]' AND s.employee_no ~ '[0-9]'
        ORDER BY s.employee_no`,
      [pins],
    );
  }

  /**
   * Keeps lines answered OK but not stored. A terminal re-sends a batch whose answer it lost, so
   * the same line is one row whose count and last time go up (and whose reason is the latest).
   * At most `max` rows per device: the most recently received stay, older ones are dropped and
   * counted on the device (rejected_lines_dropped), so a terminal sending garbage for ever costs
   * a bounded table and the admin still sees that something was lost.
   */
  async keepRejectedLines(manager: EntityManager, deviceId: string, lines: RejectedDeviceLine[], now: Date, max: number): Promise<void> {
    if (lines.length === 0) return;
    const byLine = new Map<string, RejectedDeviceLine & { times: number }>();
    for (const line of lines) {
      const seen = byLine.get(line.line);
      if (seen) seen.times += 1;
      else byLine.set(line.line, { ...line, times: 1 });
    }
    const rows = [...byLine.values()];
    // Uploads of one device one at a time: two could otherwise each stay under the cap and together pass it.
    await manager.query('SELECT 1 FROM device WHERE id = $1 FOR UPDATE', [deviceId]);
    // An upload with more distinct lines than the cap: only its last `max` are written (the rest
    // would be deleted at once). Those not stored before count as dropped here; those stored
    // before are older than every line written now, so the trim below drops and counts them.
    const kept = rows.slice(-max);
    const skipped = rows.slice(0, rows.length - kept.length).map((row) => row.line);
    let neverStored = 0;
    if (skipped.length > 0) {
      const stored: { n: number }[] = await manager.query('SELECT count(*)::int AS n FROM device_rejected_line WHERE device_id = $1 AND line = ANY($2::text[])', [deviceId, skipped]);
      neverStored = skipped.length - stored[0].n;
    }
    await manager.query(
      `INSERT INTO device_rejected_line (device_id, line, reason, message, times, first_received_at, last_received_at)
       SELECT $1, line, reason, message, times, $6, $6 FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) AS r(line, reason, message, times)
       ON CONFLICT (device_id, line) DO UPDATE
         SET reason = EXCLUDED.reason, message = EXCLUDED.message, last_received_at = EXCLUDED.last_received_at,
             times = device_rejected_line.times + EXCLUDED.times`,
      [deviceId, kept.map((row) => row.line), kept.map((row) => row.reason), kept.map((row) => row.message.slice(0, 500)), kept.map((row) => row.times), now],
    );
    // The same order as the list an admin reads (GET /devices/{id}/rejected-lines), on its index.
    await manager.query(
      `WITH doomed AS (
         SELECT id FROM device_rejected_line WHERE device_id = $1 ORDER BY last_received_at DESC, id DESC OFFSET $2
       ), gone AS (
         DELETE FROM device_rejected_line r USING doomed WHERE r.id = doomed.id RETURNING 1
       )
       UPDATE device SET rejected_lines_dropped = rejected_lines_dropped + $3 + (SELECT count(*) FROM gone)
        WHERE id = $1 AND $3 + (SELECT count(*) FROM gone) > 0`,
      [deviceId, max, neverStored],
    );
  }

  /**
   * Keeps an upload the terminal was answered OK for. The same body of the same kind again (a lost
   * answer) is one row, counted. At most `max` rows per device: the oldest are dropped and counted
   * on the device (uploads_dropped), as for rejected lines.
   */
  async keepUpload(manager: EntityManager, deviceId: string, upload: KeptUpload, now: Date, max: number): Promise<void> {
    const sha = createHash('sha256').update(upload.body).digest('hex');
    await manager.query('SELECT 1 FROM device WHERE id = $1 FOR UPDATE', [deviceId]);
    await manager.query(
      `INSERT INTO device_upload (device_id, kind, stamp, body, body_sha256, lines, first_received_at, last_received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (device_id, kind, body_sha256) DO UPDATE
         SET last_received_at = EXCLUDED.last_received_at, times = device_upload.times + 1, stamp = coalesce(EXCLUDED.stamp, device_upload.stamp)`,
      [deviceId, upload.kind, upload.stamp, upload.body, sha, upload.lines, now],
    );
    await manager.query(
      `WITH doomed AS (
         SELECT id FROM device_upload WHERE device_id = $1 ORDER BY last_received_at DESC, id DESC OFFSET $2
       ), gone AS (
         DELETE FROM device_upload u USING doomed WHERE u.id = doomed.id RETURNING 1
       )
       UPDATE device SET uploads_dropped = uploads_dropped + (SELECT count(*) FROM gone)
        WHERE id = $1 AND (SELECT count(*) FROM gone) > 0`,
      [deviceId, max],
    );
  }

  /** A device as the protocol needs it, locked for a retry of its lines (one retry of a device at a time). */
  async lockDevice(manager: EntityManager, id: string): Promise<PushDevice | null> {
    const rows: PushDevice[] = await manager.query(
      `SELECT id, name, serial_number AS "serialNumber", active, time_zone AS "timeZone", pin_mapping AS "pinMapping" FROM device WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The device's rejected lines (of one reason, or all), oldest first: the order they were received in. */
  rejectedLinesOf(manager: EntityManager, deviceId: string, reason: string | null): Promise<StoredRejectedLine[]> {
    return manager.query(
      `SELECT id, line, reason FROM device_rejected_line WHERE device_id = $1 AND ($2::text IS NULL OR reason = $2) ORDER BY first_received_at, id`,
      [deviceId, reason],
    );
  }

  /** Devices with rejected lines of this reason. */
  async devicesWithRejected(reason: string): Promise<string[]> {
    const rows: { device_id: string }[] = await this.dataSource.query('SELECT DISTINCT device_id FROM device_rejected_line WHERE reason = $1 ORDER BY device_id', [reason]);
    return rows.map((row) => row.device_id);
  }

  /** After a retry: stored lines leave the list; the others keep their row with the reason they have now. */
  async settleRejected(manager: EntityManager, stored: string[], still: { id: string; reason: string; message: string }[]): Promise<void> {
    if (stored.length > 0) await manager.query('DELETE FROM device_rejected_line WHERE id = ANY($1::bigint[])', [stored]);
    if (still.length > 0) {
      await manager.query(
        `UPDATE device_rejected_line r SET reason = s.reason, message = s.message
           FROM unnest($1::bigint[], $2::text[], $3::text[]) AS s(id, reason, message) WHERE r.id = s.id`,
        [still.map((row) => row.id), still.map((row) => row.reason), still.map((row) => row.message.slice(0, 500))],
      );
    }
  }
}

/** A rejected line as kept (id is a bigint: pg hands it over as text). */
export interface StoredRejectedLine {
  id: string;
  line: string;
  reason: string;
}
