import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each audit row names the HTTP request that wrote it (the X-Request-Id answered and logged), so
 * that a change can be traced to its log lines. Null for rows written outside a request (the first
 * administrator's seed, background work) and for every row before this migration: adding a column
 * rewrites no row, so the append-only triggers stay as they are and nothing old is touched.
 */
export class AuditRequestId1800000200000 implements MigrationInterface {
  name = 'AuditRequestId1800000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN request_id text CONSTRAINT audit_log_request_id_format CHECK (request_id ~ '^[A-Za-z0-9._:-]{1,64}$')`);
    await q.query(`CREATE INDEX audit_log_request_idx ON audit_log (request_id) WHERE request_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log DROP COLUMN request_id`);
  }
}
