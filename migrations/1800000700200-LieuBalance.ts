import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time off in lieu (调休) balance (issue 22). Its grants are the judged days' `lieu_minutes`
 * (1800000700000-OvertimeDays); what is kept here:
 * - the allowance rule kind `lieu`, carrying `expires_after_days` (each grant expires that many
 *   days after its earning date, under the version in force on that date; default 90);
 * - the leave type 调休 / lieu, paid, under that rule;
 * - each 调休 request's charge in minutes per date (the covered sessions of the person's shift),
 *   written once when it is submitted: the request's status says whether it is held or taken;
 * - the office's adjustments in minutes with a reason, append-only like the leave ledger.
 */
export class LieuBalance1800000700200 implements MigrationInterface {
  name = 'LieuBalance1800000700200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leave_allowance_rule DROP CONSTRAINT leave_allowance_rule_kind_check`);
    await q.query(`ALTER TABLE leave_allowance_rule ADD CONSTRAINT leave_allowance_rule_kind_check CHECK (kind IN ('none', 'per_year', 'per_occurrence', 'statutory', 'lieu'))`);
    await q.query(`ALTER TABLE leave_allowance_rule ADD COLUMN expires_after_days integer CHECK (expires_after_days BETWEEN 1 AND 3650)`);
    await q.query(`ALTER TABLE leave_allowance_rule ADD CONSTRAINT leave_allowance_lieu_expiry CHECK ((kind = 'lieu') = (expires_after_days IS NOT NULL))`);

    await q.query(`
      CREATE TABLE lieu_charge (
        request_id  uuid NOT NULL REFERENCES leave_request (id),
        date        date NOT NULL,
        minutes     integer NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
        PRIMARY KEY (request_id, date)
      )`);

    await q.query(`
      CREATE TABLE lieu_adjustment (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        staff_id    uuid NOT NULL REFERENCES staff (id),
        date        date NOT NULL,
        -- Positive: a grant earned on the date (it expires like any other); negative: minutes taken on the date.
        minutes     integer NOT NULL CHECK (minutes <> 0 AND minutes BETWEEN -100000 AND 100000),
        reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        created_by  uuid NOT NULL REFERENCES staff (id),
        created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX lieu_adjustment_staff_idx ON lieu_adjustment (staff_id, date)`);
    await q.query(`CREATE TRIGGER lieu_adjustment_append_only BEFORE UPDATE OR DELETE ON lieu_adjustment FOR EACH ROW EXECUTE FUNCTION leave_ledger_refuse_change()`);
    await q.query(`CREATE TRIGGER lieu_adjustment_no_truncate BEFORE TRUNCATE ON lieu_adjustment FOR EACH STATEMENT EXECUTE FUNCTION leave_ledger_refuse_change()`);

    // After every type that exists, so that the catalogue and the report keep their order.
    await q.query(`
      INSERT INTO leave_type (code, name_zh, name_en, paid, created_at)
      SELECT 'lieu', '调休', 'Time off in lieu', true, coalesce(max(created_at), now()) + interval '1 millisecond' FROM leave_type
      ON CONFLICT (code) DO NOTHING`);
    await q.query(`INSERT INTO leave_allowance_rule (leave_type_code, effective_from, kind, days, allow_negative, expires_after_days) VALUES ('lieu', '2000-01-01', 'lieu', NULL, false, 90)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lieu_adjustment`);
    await q.query(`DROP TABLE lieu_charge`);
    await q.query(`DELETE FROM leave_allowance_rule WHERE kind = 'lieu'`);
    await q.query(`DELETE FROM leave_type WHERE code = 'lieu' AND NOT EXISTS (SELECT 1 FROM leave_request WHERE type_code = 'lieu')`);
    await q.query(`ALTER TABLE leave_allowance_rule DROP CONSTRAINT leave_allowance_lieu_expiry, DROP COLUMN expires_after_days`);
    await q.query(`ALTER TABLE leave_allowance_rule DROP CONSTRAINT leave_allowance_rule_kind_check`);
    await q.query(`ALTER TABLE leave_allowance_rule ADD CONSTRAINT leave_allowance_rule_kind_check CHECK (kind IN ('none', 'per_year', 'per_occurrence', 'statutory'))`);
  }
}
