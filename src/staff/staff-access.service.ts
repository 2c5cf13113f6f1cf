import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Requester } from '../domain/approval-policy';
import { Actor, seesEveryone } from '../domain/actor';
import type { EmploymentSpan } from '../domain/policy';
import { staffNotFound } from './staff.errors';
import { Employment, StaffRepository } from './staff.repository';

/**
 * Who may see whose records: everyone their own; a supervisor everyone below them (at any
 * depth); admin and finance everyone. What you may not see answers 404, so ids cannot be probed.
 */
@Injectable()
export class StaffAccessService {
  constructor(private readonly staff: StaffRepository) {}

  async canSee(actor: Actor, staffId: string): Promise<boolean> {
    if (actor.id === staffId) return true;
    // Admin and finance see everyone who exists: an unknown id is a 404 for them too.
    if (seesEveryone(actor)) return (await this.staff.findById(staffId)) !== null;
    return this.staff.isBelow(staffId, actor.id);
  }

  /** The employee number of an existing person (a punch names its person by it), or a 404. */
  async employeeNoOf(staffId: string): Promise<string> {
    const person = await this.staff.findById(staffId);
    if (!person) throw staffNotFound();
    return person.employeeNo;
  }

  /**
   * Whose request or record it is, for the approval rules (H-ORG-3); read in the caller's
   * transaction, after it has locked the subject. The subject's person always exists (a foreign key).
   */
  async requesterOf(manager: EntityManager, staffId: string): Promise<Requester> {
    const requester = await this.staff.requester(manager, staffId);
    if (!requester) throw staffNotFound();
    return requester;
  }

  /** Whether someone exists, whoever asks: for writers that name a person (a record, a roster). */
  exists(manager: EntityManager, staffId: string): Promise<boolean> {
    return this.staff.exists(manager, staffId);
  }

  /** The person's employment span, read in the caller's transaction; the person must exist. */
  async employmentOf(manager: EntityManager, staffId: string): Promise<EmploymentSpan> {
    const span = await this.staff.employment(manager, staffId);
    if (!span) throw staffNotFound();
    return span;
  }

  /** A page of the people employed at some time in [from, to], by id after `afterId`, with their working-life dates. */
  employedBetween(manager: EntityManager, from: string, to: string, afterId: string | null, limit: number): Promise<Employment[]> {
    return this.staff.employedBetween(manager, from, to, afterId, limit);
  }

  /** The working-life dates of these people (those that exist). */
  employmentsOf(manager: EntityManager, ids: string[]): Promise<Employment[]> {
    return this.staff.employmentsOf(manager, ids);
  }

  /** People added or changed since `since`. */
  changedSince(manager: EntityManager, since: Date): Promise<string[]> {
    return this.staff.changedSince(manager, since);
  }

  /** Names and employee numbers of existing people among `ids`. */
  namesOf(manager: EntityManager, ids: string[]): Promise<{ id: string; name: string; employeeNo: string }[]> {
    return this.staff.names(manager, ids).then((rows) => rows.map((row) => ({ id: row.id, name: row.name, employeeNo: row.employee_no })));
  }

  /** Everyone a viewer with a scope (see `scopeOf`) may see, for filtering stored lists. */
  visibleIds(manager: EntityManager, viewerId: string): Promise<Set<string>> {
    return this.staff.visibleIds(manager, viewerId);
  }

  async assertVisible(actor: Actor, staffId: string): Promise<void> {
    if (!(await this.canSee(actor, staffId))) throw staffNotFound();
  }

  /** For list queries: null means everyone, otherwise the viewer and those below them. */
  scopeOf(actor: Actor): string | null {
    return seesEveryone(actor) ? null : actor.id;
  }
}
