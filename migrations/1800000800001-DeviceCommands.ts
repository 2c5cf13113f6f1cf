import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A command queue per device (issue 19): the office (or a staff change) queues a command, the
 * terminal receives it on its next poll (`C:<id>:<command>` in GET /iclock/getrequest) and reports
 * its result (POST /iclock/devicecmd, `ID=<id>&Return=<code>&CMD=…`). A command not answered
 * within DEVICE_COMMAND_TIMEOUT_SECONDS is sent again, up to DEVICE_COMMAND_MAX_SENDS times.
 */
export class DeviceCommands1800000800001 implements MigrationInterface {
  name = 'DeviceCommands1800000800001';

  async up(q: QueryRunner): Promise<void> {
    // params: what the command is made of when it is sent (set_time is written at sending, so that a
    // command that waited is not an hour late); sent_command: the text last sent, as sent.
    await q.query(`
      CREATE TABLE device_command (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        device_id     uuid NOT NULL REFERENCES device (id),
        kind          text NOT NULL CHECK (kind IN ('set_time', 'reboot', 'info', 'query_attlog', 'user_update', 'user_delete')),
        params        jsonb NOT NULL DEFAULT '{}'::jsonb,
        state         text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'done', 'failed')),
        sends         integer NOT NULL DEFAULT 0 CHECK (sends >= 0),
        sent_command  text CHECK (length(sent_command) <= 1000),
        return_code   integer,
        reply         text CHECK (length(reply) <= 4000),
        failure       text CHECK (failure IN ('returned_error', 'no_answer')),
        queued_at     timestamptz NOT NULL,
        queued_by     uuid REFERENCES staff (id),
        sent_at       timestamptz,
        answered_at   timestamptz,
        CONSTRAINT device_command_state_facts CHECK (
          (state = 'queued' AND sent_at IS NULL AND answered_at IS NULL AND failure IS NULL)
          OR (state = 'sent' AND sent_at IS NOT NULL AND sends >= 1 AND answered_at IS NULL AND failure IS NULL)
          OR (state = 'done' AND answered_at IS NOT NULL AND return_code >= 0 AND failure IS NULL)
          OR (state = 'failed' AND failure = 'returned_error' AND answered_at IS NOT NULL AND return_code < 0)
          OR (state = 'failed' AND failure = 'no_answer' AND answered_at IS NULL AND sends >= 1)
        )
      )`);
    // What a poll reads: the device's commands still to deliver, oldest first.
    await q.query(`CREATE INDEX device_command_open_idx ON device_command (device_id, id) WHERE state IN ('queued', 'sent')`);
    await q.query(`CREATE INDEX device_command_recent_idx ON device_command (device_id, id DESC)`);

    // Staff pushed to terminals: every active device receives the people entered in Kaoqin, unless
    // its push_staff is off (a terminal whose users are managed on the terminal itself).
    await q.query(`ALTER TABLE device ADD COLUMN push_staff boolean NOT NULL DEFAULT true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE device DROP COLUMN push_staff`);
    await q.query(`DROP TABLE device_command`);
  }
}
