import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff directory, positions (H-ORG-1), sign-in support and the append-only audit log.
 * Plain SQL that PostgreSQL 15 to 18 all accept.
 */
export class Foundation1764230400000 implements MigrationInterface {
  name = 'Foundation1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE position (
        code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
        name_zh     text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
        name_en     text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
        active      boolean NOT NULL DEFAULT true,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    // H-ORG-1: the default position catalogue (the fake-order role of the original is left out on purpose).
    await q.query(`
      INSERT INTO position (code, name_zh, name_en) VALUES
        ('store_manager', '店长', 'Store manager'),
        ('store_manager_assistant', '店长助理', 'Store-manager assistant'),
        ('promotion', '推广', 'Promotion specialist'),
        ('designer', '设计', 'Designer'),
        ('presales_service', '售前客服', 'Pre-sales customer service'),
        ('aftersales_service', '售后客服', 'After-sales customer service')`);

    await q.query(`
      CREATE TABLE staff (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_no    text NOT NULL CHECK (employee_no ~ '^[A-Za-z0-9_-]{1,32}$'),
        name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        username       text NOT NULL CHECK (username ~ '^[A-Za-z0-9_.-]{2,64}$'),
        password_hash  text,
        position_code  text REFERENCES position (code),
        supervisor_id  uuid REFERENCES staff (id),
        roles          text[] NOT NULL DEFAULT '{}' CHECK (roles <@ ARRAY['admin', 'finance']::text[]),
        hired_on       date NOT NULL,
        left_on        date,
        active         boolean NOT NULL DEFAULT true,
        -- Bumped on password change and deactivation: tokens issued before stop working.
        token_version  integer NOT NULL DEFAULT 0,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT staff_not_own_supervisor CHECK (supervisor_id IS NULL OR supervisor_id <> id),
        CONSTRAINT staff_left_after_hired CHECK (left_on IS NULL OR left_on >= hired_on)
      )`);
    await q.query(`CREATE UNIQUE INDEX staff_employee_no_key ON staff (employee_no)`);
    await q.query(`CREATE UNIQUE INDEX staff_username_key ON staff (lower(username))`);
    await q.query(`CREATE INDEX staff_supervisor_idx ON staff (supervisor_id)`);

    await q.query(`
      CREATE TABLE login_failure (
        key                text PRIMARY KEY,
        failures           integer NOT NULL,
        window_started_at  timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE audit_log (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at          timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_kind  text NOT NULL CHECK (actor_kind IN ('staff', 'device', 'system')),
        actor_id    text,
        action      text NOT NULL,
        entity      text NOT NULL,
        entity_id   text,
        before      jsonb,
        after       jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id)`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    // The audit trail is evidence: the database itself refuses to change or remove it.
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_refuse_change()`);
    await q.query(`DROP TABLE login_failure`);
    await q.query(`DROP TABLE staff`);
    await q.query(`DROP TABLE position`);
  }
}
