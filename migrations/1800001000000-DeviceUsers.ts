import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The users each terminal holds (issue 19): what it reported (USER lines of OPERLOG / USERINFO
 * uploads, the answer to DATA QUERY USERINFO) and what it confirmed being pushed (a user_update
 * answered Return ≥ 0). Never a password or a card number: only whether a card is enrolled.
 * The office can ask a terminal for its users (command kind query_users).
 */
export class DeviceUsers1800001000000 implements MigrationInterface {
  name = 'DeviceUsers1800001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE device_user (
        device_id          uuid NOT NULL REFERENCES device (id),
        pin                text NOT NULL CHECK (pin ~ '^[A-Za-z0-9_-]{1,32}$'),
        name               text CHECK (length(name) <= 100),
        privilege          integer NOT NULL DEFAULT 0 CHECK (privilege BETWEEN 0 AND 255),
        has_card           boolean NOT NULL DEFAULT false,
        source             text NOT NULL CHECK (source IN ('terminal', 'pushed')),
        first_reported_at  timestamptz NOT NULL,
        last_reported_at   timestamptz NOT NULL CHECK (last_reported_at >= first_reported_at),
        PRIMARY KEY (device_id, pin)
      )`);
    // employee_no_digits terminals name a person by the digits of their employee number: matching a
    // terminal's users (or an upload's PINs) to staff compares those digits, on an index.
    await q.query(`CREATE INDEX staff_employee_no_digits_idx ON staff ((ltrim(regexp_replace(employee_no, '[^0-9]', '', 'g'), '0')))`);
    await q.query(`ALTER TABLE device_command DROP CONSTRAINT device_command_kind_check`);
    await q.query(`ALTER TABLE device_command ADD CONSTRAINT device_command_kind_check CHECK (kind IN ('set_time', 'reboot', 'info', 'query_attlog', 'query_users', 'user_update', 'user_delete'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM device_command WHERE kind = 'query_users'`);
    await q.query(`ALTER TABLE device_command DROP CONSTRAINT device_command_kind_check`);
    await q.query(`ALTER TABLE device_command ADD CONSTRAINT device_command_kind_check CHECK (kind IN ('set_time', 'reboot', 'info', 'query_attlog', 'user_update', 'user_delete'))`);
    await q.query(`DROP INDEX staff_employee_no_digits_idx`);
    await q.query(`DROP TABLE device_user`);
  }
}
