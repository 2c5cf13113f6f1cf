import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queue of day results to bring up to date. A punch stores itself and one row here in its own
 * statement; the sweep (and any read of those days first) recomputes them and removes the rows.
 * Append-only for writers: no unique key, so concurrent batches for the same people never wait on
 * each other here.
 */
export class AttendanceQueue1764835200000 implements MigrationInterface {
  name = 'AttendanceQueue1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attendance_stale (
        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        staff_id   uuid NOT NULL REFERENCES staff (id),
        from_date  date NOT NULL,
        to_date    date NOT NULL,
        queued_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (from_date <= to_date)
      )`);
    await q.query(`CREATE INDEX attendance_stale_staff_idx ON attendance_stale (staff_id, from_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attendance_stale`);
  }
}
