import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../database/modify-returning';
import { preparedQuery } from '../database/prepared-query';
import type { SignInState } from '../auth/credentials';
import type { EmploymentSpan } from '../domain/policy';
import type { GrantableRole } from '../domain/roles';
import { policyColumns } from '../policy/policy.repository';

export type PunchSource = 'clock' | 'batch' | 'import' | 'device' | 'manual' | 'correction';

export interface PunchRow {
  id: string;
  staff_id: string;
  at: Date;
  source: PunchSource;
  source_label: string | null;
  device_id: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: Date;
  voided_at: Date | null;
  voided_by: string | null;
  void_reason: string | null;
}

export interface StaffByNumber {
  id: string;
  employee_no: string;
  active: boolean;
}

export interface NewPunch {
  staffId: string;
  at: Date;
  sourceLabel: string | null;
}

export interface InsertedPunch {
  id: string;
  staff_id: string;
  /** The instant in epoch milliseconds. */
  at_ms: number;
}

export interface PunchOrigin {
  source: PunchSource;
  deviceId: string | null;
  reason: string | null;
  createdBy: string;
}

export interface ClockInOutcome {
  /**
   * The caller's staff row as the statement found it, for the sign-in check the guard left to this
   * route (ChecksOwnSignIn). Nothing was stored unless the row is active and of the token's version.
   */
  signIn: SignInState;
  /** False: a month the punch can count in is closed or not written down yet; nothing was stored. */
  open: boolean;
  /** The punch stored now, or null when the same second was stored already (or nothing was stored). */
  inserted: PunchRow | null;
  /** The punch of that second stored before this statement began, if any. */
  existing: PunchRow | null;
  employment: EmploymentSpan;
  /**
   * The Policy around the punch's local date, two days either side (`first`, `last`), for its
   * assigned date: as the JSON text of `policyColumns`, so that equal texts can share one Policy.
   */
  policyText: string;
  first: string;
  last: string;
}

type JsonPunch = Omit<PunchRow, 'at' | 'created_at' | 'voided_at'> & { at: string; created_at: string; voided_at: string | null };

const fromJson = (row: JsonPunch | null): PunchRow | null =>
  row === null ? null : { ...row, at: new Date(row.at), created_at: new Date(row.created_at), voided_at: row.voided_at === null ? null : new Date(row.voided_at) };

@Injectable()
export class PunchesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A clock-in as one statement, so that it costs one round trip: check the caller's staff row
   * against the token (active, same token version: the guard left that to this route), share-lock
   * the months it can count in (its local date and both neighbours, as the batch path does),
   * insert the punch unless the caller is refused or a month is closed or not written down yet,
   * queue its days as stale, write the audit row, and return what the answer needs. Atomic on its
   * own, without an explicit transaction; a prepared statement, planned once per connection.
   * Null when the caller has no staff row (nothing was stored).
   */
  async clockIn(staffId: string, tokenVersion: number, at: Date, requestId: string | null): Promise<ClockInOutcome | null> {
    type Row = {
      policy: string;
      first: string;
      last: string;
      open: boolean;
      signed_in: boolean;
      username: string;
      roles: GrantableRole[];
      active: boolean;
      token_version: number;
      inserted: JsonPunch | null;
      existing: JsonPunch | null;
      hired_on: string;
      left_on: string | null;
    };
    const rows = await preparedQuery<Row>(
      this.dataSource,
      'punch-clock-in',
      `WITH me AS (
         SELECT id, username, roles, active, token_version, hired_on, left_on, active AND token_version = $3::int AS signed_in FROM staff WHERE id = $1::uuid
       ), day AS (
         SELECT ($2::timestamptz AT TIME ZONE time_zone)::date AS d FROM company
       ), wanted AS (
         SELECT DISTINCT to_char(d + k, 'YYYY-MM') AS month FROM day, generate_series(-1, 1) AS k
       ), locked AS (
         SELECT month, state FROM accounting_month WHERE month IN (SELECT month FROM wanted) FOR SHARE
       ), gate AS (
         SELECT (SELECT count(*) FROM locked) = (SELECT count(*) FROM wanted) AND NOT EXISTS (SELECT 1 FROM locked WHERE state = 'closed') AS open,
                EXISTS (SELECT 1 FROM me WHERE signed_in) AS signed_in
       ), ins AS (
         INSERT INTO punch (staff_id, at, source, created_by) SELECT $1::uuid, $2::timestamptz, 'clock', $1::uuid FROM gate WHERE open AND signed_in
         ON CONFLICT (staff_id, at) DO NOTHING
         RETURNING *
       ), queued AS (
         INSERT INTO attendance_stale (staff_id, from_date, to_date) SELECT ins.staff_id, day.d - 1, day.d + 1 FROM ins, day
       ), audited AS (
         INSERT INTO audit_log (actor_kind, actor_id, action, entity, entity_id, after, request_id)
         SELECT 'staff', $1::text, 'punch.clock', 'punch', (SELECT id::text FROM ins),
                jsonb_build_object('received', 1, 'inserted', c.n, 'duplicates', 1 - c.n, 'rejected', 0, 'source', 'clock'), $4::text
           FROM gate, (SELECT count(*)::int AS n FROM ins) c WHERE gate.open AND gate.signed_in
       )
       SELECT gate.open, me.signed_in, me.username, me.roles, me.active, me.token_version,
              (SELECT row_to_json(ins) FROM ins) AS inserted,
              (SELECT row_to_json(p) FROM punch p WHERE p.staff_id = $1::uuid AND p.at = $2::timestamptz) AS existing,
              me.hired_on, me.left_on, to_char(day.d - 2, 'YYYY-MM-DD') AS first, to_char(day.d + 2, 'YYYY-MM-DD') AS last,
              (SELECT row_to_json(policy)::text FROM (SELECT ${policyColumns('day.d - 2', 'day.d + 2')}) policy) AS policy
         FROM gate, day, me`,
      [staffId, at, tokenVersion, requestId],
    );
    const row = rows[0];
    if (row === undefined) return null;
    return {
      signIn: { id: staffId, username: row.username, roles: row.roles, active: row.active, tokenVersion: row.token_version },
      open: row.open,
      inserted: fromJson(row.inserted),
      existing: fromJson(row.existing),
      employment: { id: staffId, hiredOn: row.hired_on, leftOn: row.left_on },
      policyText: row.policy,
      first: row.first,
      last: row.last,
    };
  }

  async staffByEmployeeNo(manager: EntityManager, numbers: string[]): Promise<Map<string, StaffByNumber>> {
    const rows: StaffByNumber[] = await manager.query(`SELECT id, employee_no, active FROM staff WHERE employee_no = ANY($1::text[])`, [numbers]);
    return new Map(rows.map((row) => [row.employee_no, row]));
  }

  /**
   * Inserts the punches that are new; the same person at the same second is stored once whatever
   * sent it (the unique constraint decides, so concurrent senders cannot both insert).
   */
  async insertNew(manager: EntityManager, punches: NewPunch[], origin: PunchOrigin): Promise<InsertedPunch[]> {
    if (punches.length === 0) return [];
    // Only what the caller needs back, the instant as a number: 10,000 rows are parsed per batch.
    return manager.query(
      `INSERT INTO punch (staff_id, at, source, source_label, device_id, reason, created_by)
       SELECT staff_id, at, $4, label, $5, $6, $7 FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS p(staff_id, at, label)
       ON CONFLICT (staff_id, at) DO NOTHING
       RETURNING id, staff_id, (extract(epoch FROM at) * 1000)::bigint AS at_ms`,
      [punches.map((p) => p.staffId), punches.map((p) => p.at), punches.map((p) => p.sourceLabel), origin.source, origin.deviceId, origin.reason, origin.createdBy],
    );
  }

  /** Which of these (person, second) pairs are stored already, as `staffId|epoch ms` keys. */
  async existingKeys(manager: EntityManager, punches: { staffId: string; at: Date }[]): Promise<Set<string>> {
    if (punches.length === 0) return new Set();
    const rows: { staff_id: string; at: Date }[] = await manager.query(
      `SELECT p.staff_id, p.at FROM punch p JOIN unnest($1::uuid[], $2::timestamptz[]) AS q(staff_id, at) ON p.staff_id = q.staff_id AND p.at = q.at`,
      [punches.map((p) => p.staffId), punches.map((p) => p.at)],
    );
    return new Set(rows.map((row) => `${row.staff_id}|${row.at.getTime()}`));
  }

  /** Hire and leaving dates, which decide whether a date is scheduled at all. */
  async employment(manager: EntityManager, staffIds: string[]): Promise<Map<string, EmploymentSpan>> {
    const rows: { id: string; hired_on: string; left_on: string | null }[] = await manager.query(`SELECT id, hired_on, left_on FROM staff WHERE id = ANY($1::uuid[])`, [staffIds]);
    return new Map(rows.map((row) => [row.id, { id: row.id, hiredOn: row.hired_on, leftOn: row.left_on }]));
  }

  /**
   * The punch an approved make-up request adds, linked to it (H-ATT-7: the record says where it
   * came from). Null when the person already has a punch at that second.
   */
  async insertCorrection(manager: EntityManager, staffId: string, at: Date, correctionId: string, reason: string, createdBy: string): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO punch (staff_id, at, source, reason, created_by, correction_id) VALUES ($1, $2, 'correction', $3, $4, $5)
       ON CONFLICT (staff_id, at) DO NOTHING RETURNING id`,
      [staffId, at, reason, createdBy, correctionId],
    );
    return rows[0]?.id ?? null;
  }

  /** The live punch a make-up request added, if any. */
  async findByCorrection(manager: EntityManager, correctionId: string): Promise<PunchRow | null> {
    const rows: PunchRow[] = await manager.query(`SELECT * FROM punch WHERE correction_id = $1 AND voided_at IS NULL FOR UPDATE`, [correctionId]);
    return rows[0] ?? null;
  }

  async findById(manager: EntityManager, id: string, lock = false): Promise<PunchRow | null> {
    const rows: PunchRow[] = await manager.query(`SELECT * FROM punch WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async findAt(manager: EntityManager, staffId: string, at: Date): Promise<PunchRow | null> {
    const rows: PunchRow[] = await manager.query(`SELECT * FROM punch WHERE staff_id = $1 AND at = $2`, [staffId, at]);
    return rows[0] ?? null;
  }

  async void(manager: EntityManager, id: string, actorId: string, reason: string, now: Date): Promise<PunchRow> {
    const rows = await modifyReturning<PunchRow>(
      manager,
      `UPDATE punch SET voided_at = $2, voided_by = $3, void_reason = $4 WHERE id = $1 RETURNING *`,
      [id, now, actorId, reason],
    );
    return rows[0];
  }

  async listForStaff(manager: EntityManager, staffId: string, fromInstant: Date, toInstant: Date, offset: number, limit: number): Promise<{ rows: PunchRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      manager.query(`SELECT * FROM punch WHERE staff_id = $1 AND at >= $2 AND at < $3 ORDER BY at OFFSET $4 LIMIT $5`, [staffId, fromInstant, toInstant, offset, limit]) as Promise<PunchRow[]>,
      manager.query(`SELECT count(*)::int AS n FROM punch WHERE staff_id = $1 AND at >= $2 AND at < $3`, [staffId, fromInstant, toInstant]) as Promise<{ n: number }[]>,
    ]);
    return { rows, total: count[0].n };
  }
}
