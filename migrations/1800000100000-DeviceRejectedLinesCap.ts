import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rejected device lines are kept up to DEVICE_REJECTED_LINES_MAX per device (issue 13): a broken or
 * hostile terminal must not fill the database. What is dropped to stay under it is counted on the
 * device, so that an admin sees that lines were lost and how many.
 */
export class DeviceRejectedLinesCap1800000100000 implements MigrationInterface {
  name = 'DeviceRejectedLinesCap1800000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE device ADD COLUMN rejected_lines_dropped bigint NOT NULL DEFAULT 0 CONSTRAINT device_rejected_lines_dropped_not_negative CHECK (rejected_lines_dropped >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE device DROP COLUMN rejected_lines_dropped`);
  }
}
