import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import type { Requester } from '../domain/approval-policy';
import type { EmploymentSpan } from '../domain/policy';
import type { GrantableRole } from '../domain/roles';
import { Staff } from './staff.entity';
import { belowViewer, visibleTo } from './visibility-sql';

export interface StaffListFilter {
  /** Null: everyone. Otherwise only these people: the viewer and everyone below them. */
  scopeViewerId: string | null;
  q?: string;
  active?: boolean;
  supervisorId?: string;
  offset: number;
  limit: number;
}

/** The dates of a person's working life that leave entitlements read (issue 16). */
export interface Employment {
  id: string;
  workStartedOn: string;
  hiredOn: string;
  leftOn: string | null;
}

const HIERARCHY_LOCK_KEY = 7_441_302_216;

@Injectable()
export class StaffRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** What a signed-in request checks on every call, as one prepared statement. */
  async signInStateOf(id: string): Promise<{ id: string; username: string; roles: GrantableRole[]; active: boolean; tokenVersion: number } | null> {
    const rows = await preparedQuery<{ id: string; username: string; roles: GrantableRole[]; active: boolean; token_version: number }>(
      this.dataSource,
      'staff-sign-in-state',
      'SELECT id, username, roles, active, token_version FROM staff WHERE id = $1',
      [id],
    );
    return rows.length === 0 ? null : { id: rows[0].id, username: rows[0].username, roles: rows[0].roles, active: rows[0].active, tokenVersion: rows[0].token_version };
  }

  /** Whether the person exists, in the caller's transaction (a record about them is to be written). */
  async exists(manager: EntityManager, id: string): Promise<boolean> {
    return ((await manager.query('SELECT 1 FROM staff WHERE id = $1', [id])) as unknown[]).length > 0;
  }

  /** When someone was employed (the days a schedule applies to them), in the caller's transaction. */
  async employment(manager: EntityManager, id: string): Promise<EmploymentSpan | null> {
    const rows: { hired_on: string; left_on: string | null }[] = await manager.query('SELECT hired_on, left_on FROM staff WHERE id = $1', [id]);
    return rows[0] ? { id, hiredOn: rows[0].hired_on, leftOn: rows[0].left_on } : null;
  }

  /**
   * Who was employed at some time in [from, to], with the dates annual leave reads, by id after
   * `afterId` (a page of the grant sweep).
   */
  employedBetween(manager: EntityManager, from: string, to: string, afterId: string | null, limit: number): Promise<Employment[]> {
    return manager.query(
      `SELECT id, to_char(work_started_on, 'YYYY-MM-DD') AS "workStartedOn", to_char(hired_on, 'YYYY-MM-DD') AS "hiredOn", to_char(left_on, 'YYYY-MM-DD') AS "leftOn"
         FROM staff WHERE hired_on <= $2 AND (left_on IS NULL OR left_on >= $1) AND ($3::uuid IS NULL OR id > $3) ORDER BY id LIMIT $4`,
      [from, to, afterId, limit],
    );
  }

  /** The same dates for these people. */
  employmentsOf(manager: EntityManager, ids: string[]): Promise<Employment[]> {
    return manager.query(
      `SELECT id, to_char(work_started_on, 'YYYY-MM-DD') AS "workStartedOn", to_char(hired_on, 'YYYY-MM-DD') AS "hiredOn", to_char(left_on, 'YYYY-MM-DD') AS "leftOn"
         FROM staff WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** People whose row changed since `since` (a new hire, leaving or start-of-work date changes their leave). */
  async changedSince(manager: EntityManager, since: Date): Promise<string[]> {
    const rows: { id: string }[] = await manager.query('SELECT id FROM staff WHERE updated_at >= $1 OR created_at >= $1', [since]);
    return rows.map((row) => row.id);
  }

  /** Names and employee numbers of these people (those that exist), e.g. for a sentence that names both signer and subject. */
  names(manager: EntityManager, ids: string[]): Promise<{ id: string; name: string; employee_no: string }[]> {
    return manager.query('SELECT id, name, employee_no FROM staff WHERE id = ANY($1::uuid[])', [ids]);
  }

  findById(id: string, manager?: EntityManager): Promise<Staff | null> {
    return this.manager(manager).findOneBy(Staff, { id });
  }

  findByIdForUpdate(id: string, manager: EntityManager): Promise<Staff | null> {
    return manager.findOne(Staff, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByUsername(username: string): Promise<Staff | null> {
    return this.dataSource.manager
      .createQueryBuilder(Staff, 's')
      .where('lower(s.username) = lower(:username)', { username })
      .getOne();
  }

  async countAll(): Promise<number> {
    return this.dataSource.manager.count(Staff);
  }

  async isBelow(staffId: string, viewerId: string): Promise<boolean> {
    const rows: { found: boolean }[] = await this.dataSource.query(`SELECT $2::uuid IN ${belowViewer('$1')} AS found`, [viewerId, staffId]);
    return rows[0].found;
  }

  /** The person a request is about, with their supervisor and whether that one can still sign. */
  async requester(manager: EntityManager, staffId: string): Promise<Requester | null> {
    const rows: { id: string; supervisor_id: string | null; supervisor_active: boolean | null }[] = await manager.query(
      `SELECT s.id, s.supervisor_id, sup.active AS supervisor_active FROM staff s LEFT JOIN staff sup ON sup.id = s.supervisor_id WHERE s.id = $1`,
      [staffId],
    );
    return rows[0] ? { id: rows[0].id, supervisorId: rows[0].supervisor_id, supervisorActive: rows[0].supervisor_active === true } : null;
  }

  /** The ids of everyone a viewer may see: themself and those below them. */
  async visibleIds(manager: EntityManager, viewerId: string): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(`SELECT s.id FROM staff s WHERE ${visibleTo('s.id', '$1')}`, [viewerId]);
    return new Set(rows.map((row) => row.id));
  }

  /** Ids of those among `ids` who have at least one direct report (H-ORG-3: supervisors are derived). */
  async supervisorsAmong(ids: string[], manager?: EntityManager): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { supervisor_id: string }[] = await this.manager(manager).query(
      `SELECT DISTINCT supervisor_id FROM staff WHERE supervisor_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(rows.map((row) => row.supervisor_id));
  }

  /** Serialises changes to the reporting lines, so that two concurrent edits cannot close a loop. */
  async lockHierarchy(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [HIERARCHY_LOCK_KEY]);
  }

  /** True when `candidateId` is `staffId` or reports to them at any depth. */
  async wouldLoop(staffId: string, candidateId: string, manager: EntityManager): Promise<boolean> {
    if (staffId === candidateId) return true;
    const rows: { found: boolean }[] = await manager.query(`SELECT $2::uuid IN ${belowViewer('$1')} AS found`, [staffId, candidateId]);
    return rows[0].found;
  }

  async otherActiveAdminExists(exceptId: string, manager: EntityManager): Promise<boolean> {
    const rows: { found: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM staff WHERE active AND 'admin' = ANY(roles) AND id <> $1) AS found`,
      [exceptId],
    );
    return rows[0].found;
  }

  async list(filter: StaffListFilter): Promise<{ rows: Staff[]; total: number }> {
    const query = this.dataSource.manager.createQueryBuilder(Staff, 's');
    if (filter.scopeViewerId !== null) {
      query.andWhere(`(s.id = :viewer OR s.id IN ${belowViewer(':viewer')})`, { viewer: filter.scopeViewerId });
    }
    if (filter.q) {
      query.andWhere(
        `(s.name ILIKE :q ESCAPE '\\' OR s.username ILIKE :q ESCAPE '\\' OR s.employee_no ILIKE :q ESCAPE '\\')`,
        { q: `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` },
      );
    }
    if (filter.active !== undefined) query.andWhere('s.active = :active', { active: filter.active });
    if (filter.supervisorId) query.andWhere('s.supervisor_id = :sup', { sup: filter.supervisorId });
    const [rows, total] = await query
      .orderBy('s.employee_no', 'ASC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
    return { rows, total };
  }
}
