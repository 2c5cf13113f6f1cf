import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../database/modify-returning';
import type { CommandKind } from '../domain/terminal/commands';
import type { PinMapping } from '../domain/terminal/pin-mapping';
import type { CommandParams, DeviceCommandRow } from './dto/device-command.dto';

/** A command delivered: its id and the text sent. */
export interface SentCommand {
  id: string;
  text: string;
}

/** The owner of device_command. */
@Injectable()
export class DeviceCommandsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, deviceIds: string[], kind: CommandKind, params: CommandParams[], queuedBy: string | null, now: Date): Promise<DeviceCommandRow[]> {
    if (deviceIds.length === 0) return [];
    return manager.query(
      `INSERT INTO device_command (device_id, kind, params, queued_at, queued_by)
       SELECT d, $2, p, $4, $5 FROM unnest($1::uuid[], $3::jsonb[]) AS c(d, p) RETURNING *`,
      [deviceIds, kind, params.map((p) => JSON.stringify(p)), now, queuedBy],
    );
  }

  /**
   * A user_update for every active staff member, in one statement (a staff of 10,000 is one INSERT).
   * The PIN as pinFor makes it: the employee number, or its digits without leading zeros; people
   * whose number has no digits get none and are counted apart.
   */
  async queueEveryone(manager: EntityManager, deviceId: string, mapping: PinMapping, now: Date, queuedBy: string | null): Promise<{ queued: number; noPin: string[]; shared: string[] }> {
    const pin = `CASE WHEN $2 = 'employee_no' THEN s.employee_no
                      WHEN s.employee_no !~ '[0-9]' THEN NULL
                      ELSE coalesce(nullif(ltrim(regexp_replace(s.employee_no, '[^0-9]', '', 'g'), '0'), ''), '0') END`;
    // A PIN two active people would share (E0002 and F0002 on a digits terminal) is pushed for neither:
    // the second would overwrite the first on the terminal. The office sees them named in the audit row.
    const rows: { queued: number; no_pin: string[]; shared: string[] }[] = await manager.query(
      `WITH people AS (
         SELECT employee_no, name, pin, count(*) OVER (PARTITION BY pin) AS holders
           FROM (SELECT s.employee_no, s.name, ${pin} AS pin FROM staff s WHERE s.active) p
       ), queued AS (
         INSERT INTO device_command (device_id, kind, params, queued_at, queued_by)
         SELECT $1, 'user_update', jsonb_build_object('pin', pin, 'name', name), $3, $4 FROM people WHERE pin IS NOT NULL AND holders = 1 ORDER BY employee_no
         RETURNING 1
       )
       SELECT (SELECT count(*)::int FROM queued) AS queued,
              coalesce((SELECT array_agg(employee_no ORDER BY employee_no) FROM people WHERE pin IS NULL), '{}') AS no_pin,
              coalesce((SELECT array_agg(employee_no ORDER BY employee_no) FROM people WHERE pin IS NOT NULL AND holders > 1), '{}') AS shared`,
      [deviceId, mapping, now, queuedBy],
    );
    return { queued: rows[0].queued, noPin: rows[0].no_pin, shared: rows[0].shared };
  }

  /**
   * Of these digits-terminal PINs, those another active person (not `staffId`) also has: pushing or
   * deleting one of them would overwrite or remove that person on the terminal. Looked up on the
   * index of employee numbers' digits.
   */
  async pinsHeldByOthers(manager: EntityManager, pins: string[], staffId: string): Promise<Set<string>> {
    if (pins.length === 0) return new Set();
    const rows: { pin: string }[] = await manager.query(
      `SELECT DISTINCT coalesce(nullif(ltrim(regexp_replace(employee_no, '[^0-9]', '', 'g'), '0'), ''), '0') AS pin
         FROM staff WHERE active AND id <> $2 AND ltrim(regexp_replace(employee_no, '[^0-9]', '', 'g'), '0') = ANY($1::text[])`,
      [pins.map((pin) => pin.replace(/^0+/, '')), staffId],
    );
    return new Set(rows.map((row) => row.pin));
  }

  async page(deviceId: string, offset: number, limit: number): Promise<{ rows: DeviceCommandRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.dataSource.query('SELECT * FROM device_command WHERE device_id = $1 ORDER BY id DESC OFFSET $2 LIMIT $3', [deviceId, offset, limit]) as Promise<DeviceCommandRow[]>,
      this.dataSource.query('SELECT count(*)::int AS n FROM device_command WHERE device_id = $1', [deviceId]) as Promise<{ n: number }[]>,
    ]);
    return { rows, total: count[0].n };
  }

  /** Sent `maxSends` times, unanswered past the timeout: given up (failure no_answer). */
  giveUp(manager: EntityManager, deviceId: string, unansweredSince: Date, maxSends: number): Promise<DeviceCommandRow[]> {
    return modifyReturning<DeviceCommandRow>(
      manager,
      `UPDATE device_command SET state = 'failed', failure = 'no_answer'
        WHERE device_id = $1 AND state = 'sent' AND sent_at <= $2 AND sends >= $3 RETURNING *`,
      [deviceId, unansweredSince, maxSends],
    );
  }

  /** Commands to deliver now, oldest first: queued ones, and sent ones unanswered past the timeout. Locked; a concurrent poll skips them. */
  due(manager: EntityManager, deviceId: string, unansweredSince: Date, limit: number): Promise<DeviceCommandRow[]> {
    return manager.query(
      `SELECT * FROM device_command
        WHERE device_id = $1 AND (state = 'queued' OR (state = 'sent' AND sent_at <= $2))
        ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [deviceId, unansweredSince, limit],
    );
  }

  async markSent(manager: EntityManager, sent: SentCommand[], now: Date): Promise<void> {
    if (sent.length === 0) return;
    await manager.query(
      `UPDATE device_command c SET state = 'sent', sends = c.sends + 1, sent_at = $3, sent_command = s.text
         FROM unnest($1::bigint[], $2::text[]) AS s(id, text) WHERE c.id = s.id`,
      [sent.map((command) => command.id), sent.map((command) => command.text), now],
    );
  }

  /**
   * The terminal's answer to a command sent (or given up on: a late answer still counts). `deviceId`
   * null: a terminal that did not say who it is; the command id alone finds it.
   */
  async answer(manager: EntityManager, deviceId: string | null, id: string, returnCode: number, reply: string | null, now: Date): Promise<DeviceCommandRow | null> {
    const rows = await modifyReturning<DeviceCommandRow>(
      manager,
      `UPDATE device_command
          SET state = CASE WHEN $3::int >= 0 THEN 'done' ELSE 'failed' END, failure = CASE WHEN $3::int >= 0 THEN NULL ELSE 'returned_error' END,
              return_code = $3::int, reply = $4, answered_at = $5
        WHERE id = $1 AND ($2::uuid IS NULL OR device_id = $2) AND (state = 'sent' OR (state = 'failed' AND failure = 'no_answer'))
        RETURNING *`,
      [id, deviceId, returnCode, reply?.slice(0, 4000) ?? null, now],
    );
    return rows[0] ?? null;
  }
}
