import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finance's penalty and bonus policy (H-ATT-7, effective from a month) and the immutable
 * snapshots of closed months (H-ORG-2).
 */
export class ReportsAndClose1764662400000 implements MigrationInterface {
  name = 'ReportsAndClose1764662400000';

  async up(q: QueryRunner): Promise<void> {
    // Money is integer fen (1/100 yuan), never floating point.
    await q.query(`
      CREATE TABLE finance_policy (
        effective_month           text PRIMARY KEY CHECK (effective_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        late_fen                  integer NOT NULL CHECK (late_fen BETWEEN 0 AND 100000000),
        serious_late_fen          integer NOT NULL CHECK (serious_late_fen BETWEEN 0 AND 100000000),
        absence_day_fen           integer NOT NULL CHECK (absence_day_fen BETWEEN 0 AND 100000000),
        missing_punch_fen         integer NOT NULL CHECK (missing_punch_fen BETWEEN 0 AND 100000000),
        full_attendance_bonus_fen integer NOT NULL CHECK (full_attendance_bonus_fen BETWEEN 0 AND 100000000),
        created_by                uuid REFERENCES staff (id),
        created_at                timestamptz NOT NULL DEFAULT now()
      )`);
    // H-ATT-7: all zero until finance sets its policy.
    await q.query(`INSERT INTO finance_policy VALUES ('2000-01', 0, 0, 0, 0, 0, NULL, now())`);

    await q.query(`
      CREATE TABLE month_snapshot (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        month         text NOT NULL REFERENCES accounting_month (month),
        -- The report as closed, as the exact bytes served by GET /months/{month}/report.
        body          text NOT NULL,
        sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        closed_at     timestamptz NOT NULL,
        closed_by     uuid NOT NULL REFERENCES staff (id),
        reopened_at   timestamptz,
        reopened_by   uuid REFERENCES staff (id),
        reopen_reason text CHECK (length(reopen_reason) BETWEEN 3 AND 1000)
      )`);
    await q.query(`CREATE INDEX month_snapshot_month_idx ON month_snapshot (month, id)`);
    // A snapshot is evidence: only its reopening may be recorded, once; its body never changes.
    await q.query(`
      CREATE FUNCTION month_snapshot_refuse_edit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR (NEW.month, NEW.body, NEW.sha256, NEW.closed_at, NEW.closed_by) IS DISTINCT FROM (OLD.month, OLD.body, OLD.sha256, OLD.closed_at, OLD.closed_by)
           OR OLD.reopened_at IS NOT NULL THEN
          RAISE EXCEPTION 'month snapshots are immutable' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER month_snapshot_immutable BEFORE UPDATE OR DELETE ON month_snapshot FOR EACH ROW EXECUTE FUNCTION month_snapshot_refuse_edit()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE month_snapshot`);
    await q.query(`DROP FUNCTION month_snapshot_refuse_edit()`);
    await q.query(`DROP TABLE finance_policy`);
  }
}
