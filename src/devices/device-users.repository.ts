import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DeviceUserRow, ReportedUser } from './dto/device-user.dto';

/** The users' counts of a device: all it holds, and those that match no staff member. */
export interface DeviceUserCounts {
  enrolled: number;
  unmatched: number;
}

// The digits a PIN or employee number is compared by on employee_no_digits terminals (the expression
// of staff_employee_no_digits_idx, as pinFor and candidatesByDigits read it).
const digitsOf = (column: string) => `ltrim(regexp_replace(${column}, '[^0-9]', '', 'g'), '0')`;

/**
 * Each terminal user with the person its PIN means, as matchPins decides for punches: on
 * employee_no terminals the employee number equal to the PIN; on employee_no_digits ones the only
 * active person with those digits, else the only person at all; several: ambiguous (no one).
 * The mapping is the device's own; `where` picks the devices.
 */
const matchedUsers = (where: string) => `
  SELECT u.*, cand.n AS candidates, pick.id AS staff_id, pick.employee_no AS staff_employee_no, pick.name AS staff_name, pick.active AS staff_active
    FROM device_user u
    JOIN device d ON d.id = u.device_id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n, count(*) FILTER (WHERE s.active)::int AS n_active FROM staff s
       WHERE CASE WHEN d.pin_mapping = 'employee_no' THEN s.employee_no = u.pin
                  ELSE u.pin ~ '[0-9]' AND s.employee_no ~ '[0-9]' AND ${digitsOf('s.employee_no')} = ${digitsOf('u.pin')} END
    ) cand
    LEFT JOIN LATERAL (
      SELECT s.id, s.employee_no, s.name, s.active FROM staff s
       WHERE CASE WHEN d.pin_mapping = 'employee_no' THEN s.employee_no = u.pin
                  ELSE u.pin ~ '[0-9]' AND s.employee_no ~ '[0-9]' AND ${digitsOf('s.employee_no')} = ${digitsOf('u.pin')} END
         AND ((cand.n_active = 1 AND s.active) OR (cand.n_active <> 1 AND cand.n = 1))
       LIMIT 1
    ) pick ON true
   WHERE ${where}`;

/** The owner of device_user: the users each terminal holds. */
@Injectable()
export class DeviceUsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** What a terminal reported of its users: each PIN once (the last line wins), inserted or refreshed. */
  async reported(manager: EntityManager, deviceId: string, users: ReportedUser[], now: Date): Promise<void> {
    const byPin = new Map(users.map((user) => [user.pin, user]));
    if (byPin.size === 0) return;
    const rows = [...byPin.values()];
    await manager.query(
      `INSERT INTO device_user (device_id, pin, name, privilege, has_card, source, first_reported_at, last_reported_at)
       SELECT $1, pin, name, privilege, has_card, 'terminal', $6, $6 FROM unnest($2::text[], $3::text[], $4::int[], $5::boolean[]) AS r(pin, name, privilege, has_card)
       ON CONFLICT (device_id, pin) DO UPDATE
         SET name = EXCLUDED.name, privilege = EXCLUDED.privilege, has_card = EXCLUDED.has_card, source = 'terminal', last_reported_at = EXCLUDED.last_reported_at`,
      [deviceId, rows.map((row) => row.pin), rows.map((row) => row.name), rows.map((row) => row.privilege), rows.map((row) => row.hasCard), now],
    );
  }

  /** The terminal confirmed a pushed user record: written as pushed (Pri=0; a card it holds stays). */
  async pushed(manager: EntityManager, deviceId: string, pin: string, name: string, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO device_user (device_id, pin, name, privilege, has_card, source, first_reported_at, last_reported_at)
       VALUES ($1, $2, $3, 0, false, 'pushed', $4, $4)
       ON CONFLICT (device_id, pin) DO UPDATE SET name = EXCLUDED.name, privilege = 0, source = 'pushed', last_reported_at = EXCLUDED.last_reported_at`,
      [deviceId, pin, name.slice(0, 100), now],
    );
  }

  /** The terminal confirmed the delete of a user. */
  async deleted(manager: EntityManager, deviceId: string, pin: string): Promise<void> {
    await manager.query('DELETE FROM device_user WHERE device_id = $1 AND pin = $2', [deviceId, pin]);
  }

  /** A page of the device's users with the person each matches, PINs in order; `unmatched` filters on whether one does. */
  async page(deviceId: string, unmatched: boolean | undefined, offset: number, limit: number): Promise<{ rows: DeviceUserRow[]; total: number }> {
    const filter = unmatched === undefined ? '' : unmatched ? 'WHERE staff_id IS NULL' : 'WHERE staff_id IS NOT NULL';
    const users = matchedUsers('u.device_id = $1');
    const [rows, count] = await Promise.all([
      this.dataSource.query(`SELECT * FROM (${users}) m ${filter} ORDER BY length(pin), pin OFFSET $2 LIMIT $3`, [deviceId, offset, limit]) as Promise<DeviceUserRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS n FROM (${users}) m ${filter}`, [deviceId]) as Promise<{ n: number }[]>,
    ]);
    return { rows, total: count[0].n };
  }

  /** Each device's counts (a device without users is left out: 0 and 0). */
  async counts(deviceIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, DeviceUserCounts>> {
    if (deviceIds.length === 0) return new Map();
    const rows: ({ device_id: string } & DeviceUserCounts)[] = await manager.query(
      `SELECT device_id, count(*)::int AS enrolled, count(*) FILTER (WHERE staff_id IS NULL)::int AS unmatched
         FROM (${matchedUsers('u.device_id = ANY($1::uuid[])')}) m GROUP BY device_id`,
      [deviceIds],
    );
    return new Map(rows.map(({ device_id, ...counts }) => [device_id, counts]));
  }
}
