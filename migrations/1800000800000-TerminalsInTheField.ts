import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Terminals as they are found in the field (issue 19): nothing a terminal was answered OK for may
 * vanish, so uploads of tables the service does not interpret are kept per device for the office;
 * the ERRORLOG upload counter is kept with the others; each device's clock skew, measured from its
 * uploads, is kept with when it was measured.
 */
export class TerminalsInTheField1800000800000 implements MigrationInterface {
  name = 'TerminalsInTheField1800000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE device_push_state ADD COLUMN errorlog_stamp text CHECK (errorlog_stamp ~ '^[0-9]{1,20}$')`);

    // clock_skew_seconds: the newest record of the device's last ATTLOG upload minus the server's
    // time of receipt (positive: its clock runs ahead). Both set together, or neither.
    await q.query(`
      ALTER TABLE device
        ADD COLUMN clock_skew_seconds     integer CHECK (abs(clock_skew_seconds) <= 315360000),
        ADD COLUMN clock_skew_measured_at timestamptz,
        ADD COLUMN uploads_dropped        bigint NOT NULL DEFAULT 0 CONSTRAINT device_uploads_dropped_not_negative CHECK (uploads_dropped >= 0),
        ADD CONSTRAINT device_clock_skew_with_time CHECK ((clock_skew_seconds IS NULL) = (clock_skew_measured_at IS NULL))`);

    // Uploads kept as received (rtlog, OPERLOG, options, ERRORLOG, photos' metadata, PUSH 3.x
    // registry…). A terminal re-sends an upload whose answer it lost: the same body of the same
    // kind is one row, counted, like rejected lines.
    await q.query(`
      CREATE TABLE device_upload (
        id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        device_id         uuid NOT NULL REFERENCES device (id),
        kind              text NOT NULL CHECK (kind ~ '^[A-Za-z0-9_]{1,32}$'),
        stamp             text CHECK (stamp ~ '^[0-9]{1,20}$'),
        body              text NOT NULL CHECK (length(body) <= 1048576),
        body_sha256       text NOT NULL CHECK (body_sha256 ~ '^[0-9a-f]{64}$'),
        lines             integer NOT NULL CHECK (lines >= 0),
        first_received_at timestamptz NOT NULL,
        last_received_at  timestamptz NOT NULL,
        times             integer NOT NULL DEFAULT 1 CHECK (times >= 1),
        CONSTRAINT device_upload_once UNIQUE (device_id, kind, body_sha256)
      )`);
    await q.query(`CREATE INDEX device_upload_recent_idx ON device_upload (device_id, last_received_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE device_upload`);
    await q.query(`ALTER TABLE device DROP CONSTRAINT device_clock_skew_with_time, DROP COLUMN clock_skew_seconds, DROP COLUMN clock_skew_measured_at, DROP COLUMN uploads_dropped`);
    await q.query(`ALTER TABLE device_push_state DROP COLUMN errorlog_stamp`);
  }
}
