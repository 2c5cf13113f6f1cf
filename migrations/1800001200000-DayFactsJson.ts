import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A day's facts as `json`, not `jsonb` (issue 20). Nothing queries inside them: they are written by
 * the rules and read back whole for the explanations. `jsonb` made PostgreSQL parse and rebuild
 * half a kilobyte a day into its binary form on every write, a quarter of the cost of writing a
 * month of new days. The text is kept as the rules wrote it; digests stay valid (they are taken of
 * the computed values, not of the stored text).
 */
export class DayFactsJson1800001200000 implements MigrationInterface {
  name = 'DayFactsJson1800001200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attendance_day DROP CONSTRAINT attendance_day_facts_check`);
    await q.query(`ALTER TABLE attendance_day ALTER COLUMN facts DROP DEFAULT`);
    await q.query(`ALTER TABLE attendance_day ALTER COLUMN facts TYPE json USING facts::json`);
    await q.query(`ALTER TABLE attendance_day ALTER COLUMN facts SET DEFAULT '[]'::json`);
    await q.query(`ALTER TABLE attendance_day ADD CONSTRAINT attendance_day_facts_check CHECK (json_typeof(facts) = 'array')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attendance_day DROP CONSTRAINT attendance_day_facts_check`);
    await q.query(`ALTER TABLE attendance_day ALTER COLUMN facts DROP DEFAULT`);
    await q.query(`ALTER TABLE attendance_day ALTER COLUMN facts TYPE jsonb USING facts::jsonb`);
    await q.query(`ALTER TABLE attendance_day ALTER COLUMN facts SET DEFAULT '[]'::jsonb`);
    await q.query(`ALTER TABLE attendance_day ADD CONSTRAINT attendance_day_facts_check CHECK (jsonb_typeof(facts) = 'array')`);
  }
}
