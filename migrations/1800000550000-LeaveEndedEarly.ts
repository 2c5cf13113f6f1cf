import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leave cancelled after it started ends early (销假): the days before the person came back stay
 * leave, in attendance as in the balance's ledger, and the rest is given back (issue 16).
 * `taken_until` is the last day taken and `taken_days` the working days up to it (what 条例 第四条
 * counts of sick or personal leave); `slots` then covers only the days taken, which keep their place
 * against overlapping requests.
 */
export class LeaveEndedEarly1800000550000 implements MigrationInterface {
  name = 'LeaveEndedEarly1800000550000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE leave_request
        ADD COLUMN taken_until date,
        ADD COLUMN taken_days  numeric(5, 1),
        ADD CONSTRAINT leave_taken_until CHECK (
          (taken_until IS NULL) = (taken_days IS NULL)
          AND (taken_until IS NULL OR (status = 'cancelled' AND taken_until >= start_date AND taken_until < end_date AND taken_days BETWEEN 0 AND working_days)))`);
    await q.query(`ALTER TABLE leave_request DROP CONSTRAINT leave_no_overlap`);
    await q.query(`
      ALTER TABLE leave_request ADD CONSTRAINT leave_no_overlap
        EXCLUDE USING gist (staff_id WITH =, slots WITH &&) WHERE (status IN ('pending', 'approved', 'filed') OR taken_until IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leave_request DROP CONSTRAINT leave_no_overlap`);
    await q.query(`ALTER TABLE leave_request ADD CONSTRAINT leave_no_overlap EXCLUDE USING gist (staff_id WITH =, slots WITH &&) WHERE (status IN ('pending', 'approved', 'filed'))`);
    await q.query(`ALTER TABLE leave_request DROP CONSTRAINT leave_taken_until, DROP COLUMN taken_until, DROP COLUMN taken_days`);
  }
}
