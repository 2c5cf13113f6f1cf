import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Terminals that push punches themselves over the ZKTeco ADMS / PUSH protocol (`/iclock`):
 * per-device protocol settings, what each device last uploaded, serials that tried without being
 * registered, and device lines that could not be stored (H-ATT-7: nothing a clock recorded is lost).
 */
export class DeviceProtocol1764576000000 implements MigrationInterface {
  name = 'DeviceProtocol1764576000000';

  async up(q: QueryRunner): Promise<void> {
    // pin_mapping: how a terminal's user PIN names a staff member. Most terminals only take digits,
    // while employee numbers often carry a prefix (E0002), so besides "the PIN is the employee
    // number" a device can say "the PIN is the number inside the employee number" (2 or 0002 -> E0002).
    // time_zone_unit: firmware reads the handshake's TimeZone line in hours or in minutes, and a wrong
    // guess shifts every punch, so it is set per device rather than guessed.
    await q.query(`
      ALTER TABLE device
        ADD COLUMN pin_mapping     text NOT NULL DEFAULT 'employee_no' CHECK (pin_mapping IN ('employee_no', 'employee_no_digits')),
        ADD COLUMN time_zone_unit  text NOT NULL DEFAULT 'hours' CHECK (time_zone_unit IN ('hours', 'minutes'))`);

    // The device's own upload counters (Stamp=), answered back in the handshake so that a terminal
    // restarting does not upload its whole log again. Protocol state, kept apart from the registration.
    await q.query(`
      CREATE TABLE device_push_state (
        device_id       uuid PRIMARY KEY REFERENCES device (id),
        attlog_stamp    text CHECK (attlog_stamp ~ '^[0-9]{1,20}$'),
        operlog_stamp   text CHECK (operlog_stamp ~ '^[0-9]{1,20}$'),
        attphoto_stamp  text CHECK (attphoto_stamp ~ '^[0-9]{1,20}$'),
        updated_at      timestamptz NOT NULL
      )`);

    // Serials that called /iclock without being registered, so that an admin can register them.
    // One row per serial however often it tries (the protocol retries every few seconds).
    await q.query(`
      CREATE TABLE device_unknown_serial (
        serial_number  text PRIMARY KEY CHECK (serial_number ~ '^[A-Za-z0-9_.-]{1,64}$'),
        first_seen_at  timestamptz NOT NULL,
        last_seen_at   timestamptz NOT NULL,
        attempts       integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
        last_ip        text CHECK (length(last_ip) <= 64),
        last_request   text CHECK (length(last_request) <= 100)
      )`);

    // Device lines that were answered OK but not stored (unknown PIN, closed month, unparseable…).
    // A terminal re-sends the same lines after a lost answer: the same line is one row, counted.
    await q.query(`
      CREATE TABLE device_rejected_line (
        id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        device_id         uuid NOT NULL REFERENCES device (id),
        line              text NOT NULL CHECK (length(line) <= 501),
        reason            text NOT NULL CHECK (reason ~ '^[A-Z_]{1,40}$'),
        message           text NOT NULL CHECK (length(message) <= 500),
        first_received_at timestamptz NOT NULL,
        last_received_at  timestamptz NOT NULL,
        times             integer NOT NULL DEFAULT 1 CHECK (times >= 1),
        CONSTRAINT device_rejected_line_once UNIQUE (device_id, line)
      )`);
    await q.query(`CREATE INDEX device_rejected_line_recent_idx ON device_rejected_line (device_id, last_received_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['device_rejected_line', 'device_unknown_serial', 'device_push_state']) await q.query(`DROP TABLE ${table}`);
    await q.query(`ALTER TABLE device DROP COLUMN pin_mapping, DROP COLUMN time_zone_unit`);
  }
}
