import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A digest of every stored day's columns, written with the day (issue 20). A recompute reads the
 * digests of the slice it computes and sends PostgreSQL only the days whose digest changed: a month
 * that did not change is computed, not written, parsed or compared again. Days stored before this
 * migration have none and are written once more. A later migration that changes stored days behind
 * the rules' back must set their digest to NULL, or a recompute would leave them as they are.
 */
export class DayDigest1800001100000 implements MigrationInterface {
  name = 'DayDigest1800001100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attendance_day ADD COLUMN digest text CHECK (digest ~ '^[0-9a-f]{16}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attendance_day DROP COLUMN digest`);
  }
}
