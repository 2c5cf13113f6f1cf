import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leave balances and statutory paid annual leave (issue 16):
 * - staff.work_started_on (参加工作时间, 实施办法 第四条), backfilled with hired_on and never after it:
 *   service counts from the first full-time work anywhere, which cannot come after joining here;
 * - each leave type's allowance rule, dated like every other setting (effective_from);
 * - the company's carry-over setting (0 days: unused days lapse at the end of the year);
 * - the ledger: immutable entries whose sum is the balance, guarded by the database as well
 *   (no UPDATE, DELETE or TRUNCATE; each kind's sign and shape; one opening grant and one leaving
 *   settlement per person, type and year, so that the sweep grants exactly once);
 * - the grant sweep's runs, so that every run is visible;
 * - the leave type 年休假 / annual, paid, with the statutory rule from 2026 (the year this ships:
 *   the sweep does not reach back into years nobody kept a balance for).
 */
export class LeaveBalances1800000500000 implements MigrationInterface {
  name = 'LeaveBalances1800000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff ADD COLUMN work_started_on date`);
    await q.query(`UPDATE staff SET work_started_on = hired_on`);
    await q.query(`ALTER TABLE staff ALTER COLUMN work_started_on SET NOT NULL`);
    await q.query(`ALTER TABLE staff ADD CONSTRAINT staff_work_started_before_hired CHECK (work_started_on <= hired_on)`);
    // A column default cannot name another column: a writer that leaves it out (a script, an import) gets hired_on.
    await q.query(`
      CREATE FUNCTION staff_work_started_default() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.work_started_on := coalesce(NEW.work_started_on, NEW.hired_on);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER staff_work_started_default BEFORE INSERT ON staff FOR EACH ROW EXECUTE FUNCTION staff_work_started_default()`);

    await q.query(`
      CREATE TABLE leave_allowance_rule (
        leave_type_code  text NOT NULL CONSTRAINT leave_allowance_rule_type_fkey REFERENCES leave_type (code),
        effective_from   date NOT NULL,
        kind             text NOT NULL CHECK (kind IN ('none', 'per_year', 'per_occurrence', 'statutory')),
        -- Days a year or per occurrence, in half days; only the fixed kinds have them.
        days             numeric(4, 1) CHECK (days > 0 AND days <= 365 AND days * 2 = trunc(days * 2)),
        allow_negative   boolean NOT NULL DEFAULT false,
        created_by       uuid REFERENCES staff (id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (leave_type_code, effective_from),
        CONSTRAINT leave_allowance_days_with_kind CHECK ((kind IN ('per_year', 'per_occurrence')) = (days IS NOT NULL))
      )`);

    await q.query(`
      CREATE TABLE carry_over_setting (
        effective_from  date PRIMARY KEY,
        max_days        numeric(4, 1) NOT NULL CHECK (max_days >= 0 AND max_days <= 365 AND max_days * 2 = trunc(max_days * 2)),
        -- MM-DD in the year the days are carried into; checked against a common year (no 02-29).
        expires_on      text CHECK (expires_on ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' AND to_char(to_date('2001-' || expires_on, 'YYYY-MM-DD'), 'MM-DD') = expires_on),
        created_by      uuid REFERENCES staff (id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT carry_over_expiry_with_days CHECK ((max_days = 0) = (expires_on IS NULL))
      )`);
    await q.query(`INSERT INTO carry_over_setting (effective_from, max_days, expires_on) VALUES ('2000-01-01', 0, NULL)`);

    await q.query(`
      CREATE TABLE leave_grant_run (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        started_at    timestamptz NOT NULL,
        finished_at   timestamptz,
        -- Company today when the run began: everything due by then was granted (or is in problems).
        through_date  date NOT NULL,
        from_year     smallint NOT NULL,
        people        integer NOT NULL DEFAULT 0 CHECK (people >= 0),
        entries       integer NOT NULL DEFAULT 0 CHECK (entries >= 0),
        problems      jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(problems) = 'array'),
        outcome       text NOT NULL CHECK (outcome IN ('running', 'done', 'failed'))
      )`);

    await q.query(`
      CREATE TABLE leave_ledger (
        id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        staff_id         uuid NOT NULL REFERENCES staff (id),
        leave_type_code  text NOT NULL REFERENCES leave_type (code),
        year             smallint NOT NULL CHECK (year BETWEEN 1970 AND 2099),
        kind             text NOT NULL CHECK (kind IN ('grant', 'reservation', 'consumption', 'release', 'carry_over', 'expiry', 'adjustment')),
        -- The signed change to the days available, in half days, as leave_request.working_days.
        days             numeric(5, 1) NOT NULL CHECK (days <> 0 AND days * 2 = trunc(days * 2)),
        date             date NOT NULL,
        of               text,
        direction        text,
        expires_on       date,
        reason           text CHECK (length(reason) BETWEEN 1 AND 1000),
        -- Why the entry was written: a due date of the entitlement, a recomputation, a request, the year's close, the office.
        cause            text NOT NULL CHECK (cause IN ('year_start', 'hire', 'eligibility', 'leaving', 'revision', 'request', 'carried_expiry', 'year_end', 'office')),
        request_id       uuid REFERENCES leave_request (id),
        run_id           bigint REFERENCES leave_grant_run (id),
        explanation      jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(explanation) = 'array'),
        created_by       uuid REFERENCES staff (id),
        created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT leave_ledger_date_in_year CHECK (extract(year FROM date) = year),
        CONSTRAINT leave_ledger_sign CHECK (
          (kind = 'grant' AND days > 0) OR (kind IN ('reservation', 'consumption') AND days < 0) OR (kind = 'release' AND days > 0)
          OR kind IN ('carry_over', 'expiry', 'adjustment')),
        CONSTRAINT leave_ledger_of CHECK (CASE kind WHEN 'release' THEN of IN ('reservation', 'consumption') WHEN 'expiry' THEN of IN ('carried', 'unused') ELSE of IS NULL END),
        CONSTRAINT leave_ledger_direction CHECK (CASE kind WHEN 'carry_over' THEN direction IN ('in', 'out') ELSE direction IS NULL END),
        -- Carried days wait one year at most (条例 第五条): they expire within the year they were carried into.
        CONSTRAINT leave_ledger_carried_expiry CHECK (
          (expires_on IS NOT NULL) = (kind = 'carry_over' AND direction = 'in')
          AND (expires_on IS NULL OR (expires_on >= date AND extract(year FROM expires_on) = year))),
        CONSTRAINT leave_ledger_request CHECK ((kind IN ('reservation', 'consumption', 'release')) = (cause = 'request') AND (cause = 'request') = (request_id IS NOT NULL)),
        CONSTRAINT leave_ledger_office CHECK (cause <> 'office' OR (kind = 'adjustment' AND reason IS NOT NULL AND created_by IS NOT NULL)),
        CONSTRAINT leave_ledger_grant_cause CHECK (kind <> 'grant' OR cause IN ('year_start', 'hire', 'eligibility'))
      )`);
    await q.query(`CREATE INDEX leave_ledger_balance_idx ON leave_ledger (staff_id, leave_type_code, year)`);
    await q.query(`CREATE INDEX leave_ledger_request_idx ON leave_ledger (request_id) WHERE request_id IS NOT NULL`);
    await q.query(`CREATE INDEX leave_ledger_run_idx ON leave_ledger (run_id) WHERE run_id IS NOT NULL`);
    await q.query(`CREATE INDEX leave_ledger_created_idx ON leave_ledger (created_at)`);
    // Exactly once: one opening grant (year start, hire or eligibility) and one leaving settlement a year.
    await q.query(`CREATE UNIQUE INDEX leave_ledger_one_opening_grant ON leave_ledger (staff_id, leave_type_code, year) WHERE kind = 'grant'`);
    await q.query(`CREATE UNIQUE INDEX leave_ledger_one_leaving ON leave_ledger (staff_id, leave_type_code, year) WHERE cause = 'leaving'`);
    // The ledger is the balance's evidence: a correction is a new entry, never an edit.
    await q.query(`
      CREATE FUNCTION leave_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'leave_ledger is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER leave_ledger_append_only BEFORE UPDATE OR DELETE ON leave_ledger FOR EACH ROW EXECUTE FUNCTION leave_ledger_refuse_change()`);
    await q.query(`CREATE TRIGGER leave_ledger_no_truncate BEFORE TRUNCATE ON leave_ledger FOR EACH STATEMENT EXECUTE FUNCTION leave_ledger_refuse_change()`);

    // After every type that exists, so that the catalogue and the report keep their order.
    await q.query(`
      INSERT INTO leave_type (code, name_zh, name_en, paid, created_at)
      SELECT 'annual', '年休假', 'Annual leave', true, coalesce(max(created_at), now()) + interval '1 millisecond' FROM leave_type
      ON CONFLICT (code) DO NOTHING`);
    await q.query(`INSERT INTO leave_allowance_rule (leave_type_code, effective_from, kind, days, allow_negative) VALUES ('annual', '2026-01-01', 'statutory', NULL, false)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE leave_ledger`);
    await q.query(`DROP FUNCTION leave_ledger_refuse_change()`);
    await q.query(`DROP TABLE leave_grant_run`);
    await q.query(`DROP TABLE carry_over_setting`);
    await q.query(`DROP TABLE leave_allowance_rule`);
    await q.query(`DELETE FROM leave_type WHERE code = 'annual' AND NOT EXISTS (SELECT 1 FROM leave_request WHERE type_code = 'annual')`);
    await q.query(`DROP TRIGGER staff_work_started_default ON staff`);
    await q.query(`DROP FUNCTION staff_work_started_default()`);
    await q.query(`ALTER TABLE staff DROP COLUMN work_started_on`);
  }
}
