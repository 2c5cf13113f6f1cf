import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CompanyClock } from '../policy/company-clock';
import { DayChanges } from '../policy/day-changes';
import { StaffChanges } from '../policy/staff-changes';
import { AuditService } from '../audit/audit.service';
import { Actor, hasRole } from '../domain/actor';
import type { PushedPerson } from '../domain/terminal/staff-push';
import { hashPassword, verifyPassword } from '../auth/password-hasher';
import { Clock } from '../policy/clock';
import { Page, pageOf, pageOffset } from '../common/pagination';
import { MonthLockService } from '../policy/month-lock.service';
import { addDays, datesBetween } from '../domain/calendar/calendar-day';
import { Position } from '../positions/position.entity';
import { CreateStaffDto, DeactivateStaffDto, SetPasswordDto, StaffListQueryDto, UpdateStaffDto } from './dto/staff-input.dto';
import { StaffDto, toStaffDto } from './dto/staff.dto';
import { StaffAccessService } from './staff-access.service';
import { Staff } from './staff.entity';
import { alreadyInState, cannotDeactivateSelf, lastAdmin, leftBeforeHired, notAllowed, oldPasswordRequired, positionNotUsable, staffNotFound, supervisorLoop, supervisorNotUsable, workStartedAfterHired } from './staff.errors';
import { StaffRepository } from './staff.repository';

/**
 * 参加工作时间 (实施办法 第四条): defaults to the hire date and is never after it, since service
 * counts from the first full-time work anywhere. Returns the date to store.
 */
function startedWorking(workStartedOn: string | undefined, hiredOn: string): string {
  const date = workStartedOn ?? hiredOn;
  if (date > hiredOn) throw workStartedAfterHired();
  return date;
}

/** What a terminal shows of a person (staff pushed to terminals). */
const pushed = (staff: StaffDto): PushedPerson => ({ employeeNo: staff.employeeNo, name: staff.name, active: staff.active });

@Injectable()
export class StaffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly staff: StaffRepository,
    private readonly access: StaffAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly dayChanges: DayChanges,
    private readonly companyClock: CompanyClock,
    private readonly monthLock: MonthLockService,
    private readonly staffChanges: StaffChanges,
  ) {}

  async list(actor: Actor, query: StaffListQueryDto): Promise<Page<StaffDto>> {
    const { rows, total } = await this.staff.list({
      scopeViewerId: this.access.scopeOf(actor),
      q: query.q,
      active: query.active,
      supervisorId: query.supervisorId,
      offset: pageOffset(query),
      limit: query.pageSize,
    });
    return pageOf(await this.toDtos(rows), total, query);
  }

  async get(actor: Actor, id: string): Promise<StaffDto> {
    await this.access.assertVisible(actor, id);
    const staff = await this.staff.findById(id);
    if (!staff) throw staffNotFound();
    return (await this.toDtos([staff]))[0];
  }

  async create(actor: Actor, input: CreateStaffDto): Promise<StaffDto> {
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    return this.dataSource.transaction(async (manager) => {
      await this.assertPositionUsable(manager, input.positionCode ?? null);
      if (input.supervisorId) {
        await this.staff.lockHierarchy(manager);
        await this.assertSupervisorUsable(manager, input.supervisorId);
      }
      const inserted = await manager.save(
        manager.create(Staff, {
          employeeNo: input.employeeNo,
          name: input.name,
          username: input.username,
          passwordHash,
          positionCode: input.positionCode ?? null,
          supervisorId: input.supervisorId ?? null,
          roles: input.roles ?? [],
          hiredOn: input.hiredOn,
          workStartedOn: startedWorking(input.workStartedOn, input.hiredOn),
          leftOn: null,
          active: true,
          email: input.email ?? null,
          language: input.language ?? null,
          tokenVersion: 0,
          updatedAt: this.clock.now(),
        }),
      );
      const created = await this.reload(manager, inserted.id);
      await this.audit.record(manager, actor, { action: 'staff.create', entity: 'staff', entityId: created.id, after: created });
      await this.staffChanges.announce(manager, { staffId: created.id, before: null, after: pushed(created) });
      return created;
    });
  }

  async update(actor: Actor, id: string, input: UpdateStaffDto): Promise<StaffDto> {
    return this.dataSource.transaction(async (manager) => {
      if (input.supervisorId !== undefined) await this.staff.lockHierarchy(manager);
      const current = await this.staff.findByIdForUpdate(id, manager);
      if (!current) throw staffNotFound();
      const before = await this.reload(manager, id);
      if (input.positionCode !== undefined && input.positionCode !== current.positionCode) {
        await this.assertPositionUsable(manager, input.positionCode);
      }
      if (input.supervisorId !== undefined && input.supervisorId !== null && input.supervisorId !== current.supervisorId) {
        if (await this.staff.wouldLoop(id, input.supervisorId, manager)) throw supervisorLoop();
        await this.assertSupervisorUsable(manager, input.supervisorId);
      }
      if (input.roles !== undefined && current.roles.includes('admin') && !input.roles.includes('admin')) {
        await this.assertAnotherAdmin(manager, id);
      }
      const changes: Partial<Staff> = { updatedAt: this.clock.now() };
      if (input.employeeNo !== undefined) changes.employeeNo = input.employeeNo;
      if (input.name !== undefined) changes.name = input.name;
      if (input.username !== undefined) changes.username = input.username;
      if (input.positionCode !== undefined) changes.positionCode = input.positionCode;
      if (input.supervisorId !== undefined) changes.supervisorId = input.supervisorId;
      if (input.roles !== undefined) changes.roles = input.roles;
      if (input.hiredOn !== undefined) changes.hiredOn = input.hiredOn;
      // 参加工作时间 left at the hire date moves with it; one set apart stays, and may not come after it.
      const hiredOn = changes.hiredOn ?? current.hiredOn;
      const follows = current.workStartedOn === current.hiredOn;
      changes.workStartedOn = startedWorking(input.workStartedOn ?? (follows ? hiredOn : current.workStartedOn), hiredOn);
      if (input.leftOn !== undefined) changes.leftOn = input.leftOn;
      if (input.email !== undefined) changes.email = input.email;
      if (input.language !== undefined) changes.language = input.language;
      await manager.update(Staff, { id }, changes);
      await this.employmentChanged(manager, current, { hiredOn: changes.hiredOn ?? current.hiredOn, leftOn: changes.leftOn === undefined ? current.leftOn : changes.leftOn });
      const after = await this.reload(manager, id);
      await this.audit.record(manager, actor, { action: 'staff.update', entity: 'staff', entityId: id, before, after });
      await this.staffChanges.announce(manager, { staffId: id, before: pushed(before), after: pushed(after) });
      return after;
    });
  }

  /** Nobody is deleted: history must stay. Deactivation ends employment and revokes sign-in. */
  async deactivate(actor: Actor, id: string, input: DeactivateStaffDto): Promise<StaffDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.staff.findByIdForUpdate(id, manager);
      if (!current) throw staffNotFound();
      if (!current.active) throw alreadyInState(false);
      if (current.roles.includes('admin')) await this.assertAnotherAdmin(manager, id);
      // Another admin records someone's leaving; an admin cannot sign themself out for good by mistake.
      if (actor.id === id) throw cannotDeactivateSelf();
      const before = await this.reload(manager, id);
      const leftOn = input.leftOn ?? (await this.companyClock.today(manager));
      if (leftOn < current.hiredOn) throw leftBeforeHired();
      await manager.update(Staff, { id }, {
        active: false,
        leftOn,
        tokenVersion: current.tokenVersion + 1,
        updatedAt: this.clock.now(),
      });
      await this.employmentChanged(manager, current, { hiredOn: current.hiredOn, leftOn });
      const after = await this.reload(manager, id);
      await this.audit.record(manager, actor, { action: 'staff.deactivate', entity: 'staff', entityId: id, before, after });
      await this.staffChanges.announce(manager, { staffId: id, before: pushed(before), after: pushed(after) });
      return after;
    });
  }

  async reactivate(actor: Actor, id: string): Promise<StaffDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.staff.findByIdForUpdate(id, manager);
      if (!current) throw staffNotFound();
      if (current.active) throw alreadyInState(true);
      const before = await this.reload(manager, id);
      await manager.update(Staff, { id }, { active: true, leftOn: null, updatedAt: this.clock.now() });
      await this.employmentChanged(manager, current, { hiredOn: current.hiredOn, leftOn: null });
      const after = await this.reload(manager, id);
      await this.audit.record(manager, actor, { action: 'staff.reactivate', entity: 'staff', entityId: id, before, after });
      await this.staffChanges.announce(manager, { staffId: id, before: pushed(before), after: pushed(after) });
      return after;
    });
  }

  /** An admin resets anyone's password; everyone changes their own with the old one. */
  async setPassword(actor: Actor, id: string, input: SetPasswordDto): Promise<void> {
    await this.access.assertVisible(actor, id);
    const own = actor.id === id;
    if (!own && !hasRole(actor, 'admin')) throw notAllowed("reset another person's password");
    const newHash = await hashPassword(input.newPassword);
    await this.dataSource.transaction(async (manager) => {
      const current = await this.staff.findByIdForUpdate(id, manager);
      if (!current) throw staffNotFound();
      if (own) {
        const oldOk = input.oldPassword !== undefined && current.passwordHash !== null && (await verifyPassword(input.oldPassword, current.passwordHash));
        if (!oldOk) throw oldPasswordRequired();
      }
      // Bumping the token version signs the person out everywhere else.
      await manager.update(Staff, { id }, { passwordHash: newHash, tokenVersion: current.tokenVersion + 1, updatedAt: this.clock.now() });
      await this.audit.record(manager, actor, {
        action: own ? 'staff.password_change' : 'staff.password_reset',
        entity: 'staff',
        entityId: id,
      });
    });
  }

  /**
   * A new hire or leaving date changes which days are employed (H-ATT-2): the days between the old
   * and the new date must be in open months, and the person's days are recomputed.
   */
  private async employmentChanged(manager: EntityManager, before: Staff, after: { hiredOn: string; leftOn: string | null }): Promise<void> {
    if (before.hiredOn === after.hiredOn && before.leftOn === after.leftOn) return;
    const today = await this.companyClock.today(manager);
    const changed: string[] = [];
    if (before.hiredOn !== after.hiredOn) changed.push(before.hiredOn, after.hiredOn);
    if (before.leftOn !== after.leftOn) changed.push(addDays(before.leftOn ?? today, 1), addDays(after.leftOn ?? today, 1));
    const from = changed.sort()[0];
    const to = changed[changed.length - 1];
    const lockedUntil = to < today ? to : today;
    if (from <= lockedUntil) await this.monthLock.assertOpen(manager, datesBetween(from, lockedUntil));
    await this.dayChanges.changedFrom(manager, { staffIds: [before.id], from });
  }

  private async reload(manager: EntityManager, id: string): Promise<StaffDto> {
    const staff = await this.staff.findById(id, manager);
    if (!staff) throw staffNotFound();
    return (await this.toDtos([staff], manager))[0];
  }

  private async toDtos(rows: Staff[], manager?: EntityManager): Promise<StaffDto[]> {
    const supervisors = await this.staff.supervisorsAmong(rows.map((row) => row.id), manager);
    return rows.map((row) => toStaffDto(row, supervisors.has(row.id)));
  }

  private async assertPositionUsable(manager: EntityManager, code: string | null): Promise<void> {
    if (code === null) return;
    const position = await manager.findOneBy(Position, { code });
    if (!position || !position.active) throw positionNotUsable();
  }

  private async assertSupervisorUsable(manager: EntityManager, supervisorId: string): Promise<void> {
    const supervisor = await this.staff.findById(supervisorId, manager);
    if (!supervisor || !supervisor.active) throw supervisorNotUsable();
  }

  private async assertAnotherAdmin(manager: EntityManager, id: string): Promise<void> {
    if (!(await this.staff.otherActiveAdminExists(id, manager))) throw lastAdmin();
  }

  /** The row a sign-in checks the password against (any state: the caller answers all failures alike). */
  signInCandidate(username: string): Promise<Staff | null> {
    return this.staff.findByUsername(username);
  }

  /** Whether someone reports to this person (StaffDto.isSupervisor). */
  async isSupervisor(id: string): Promise<boolean> {
    return (await this.staff.supervisorsAmong([id])).has(id);
  }

}
