import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { validationFailed } from '../domain/errors/domain-error';
import { type AllowanceRule, DEFAULT_LIEU_EXPIRY_DAYS, ruleOn } from '../domain/leave-balance/allowance';
import { allocateLieu, checkLieuSpend, lieuAdjustmentProblems, lieuExpiresOn, lieuMonth, type LieuLot, type LieuUse, minutesToHours } from '../domain/leave-balance/lieu';
import type { LieuCharge } from '../domain/leave-balance/lieu-charges';
import { CompanyClock } from '../policy/company-clock';
import { MonthLockService } from '../policy/month-lock.service';
import { staffNotFound } from '../staff/staff.errors';
import { StaffAccessService } from '../staff/staff-access.service';
import { AllowanceRulesRepository } from './allowance-rules.repository';
import { CreateLieuAdjustmentDto, LieuAdjustmentDto, LieuBalanceDto } from './dto/lieu.dto';
import { lieuInsufficient } from './leave-balance.errors';
import { LeaveBalanceRepository } from './leave-balance.repository';
import { LieuAdjustmentRow, LieuGrantRow, LieuRepository, LieuUseRow } from './lieu.repository';

/** The leave type of time off in lieu (seeded by 1800000700200-LieuBalance); its rule says how long a grant lasts. */
export const LIEU_TYPE = 'lieu';

// Everything, whatever its date: a grant of the past funds leave still to come.
const EVER = '9999-12-31';

/** The lieu figures of a person's month in the report, in hours (issue 22). */
export interface LieuMonthHours {
  earned: number;
  taken: number;
  remaining: number;
  expired: number;
}

const toAdjustmentDto = (row: LieuAdjustmentRow): LieuAdjustmentDto => ({
  id: row.id,
  date: row.date,
  minutes: row.minutes,
  hours: minutesToHours(row.minutes),
  reason: row.reason,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
});

const toUse = (row: LieuUseRow): LieuUse => ({ id: `${row.source}:${row.id}`, date: row.date, minutes: row.minutes, state: row.state });

/**
 * Time off in lieu (调休, issue 22): the rest-day overtime hours people chose to take back in time,
 * as grants that each expire a number of days after they were earned (the lieu rule in force on the
 * earning date), consumed oldest first by 调休 requests and the office's adjustments. Nothing is
 * stored as a balance: it is worked out each time by the pure allocation (domain/leave-balance/lieu).
 * Writers hold the balance's lock (the leave ledger's, keyed on the lieu type), so that two requests
 * never spend the same minutes.
 */
@Injectable()
export class LieuService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lieu: LieuRepository,
    private readonly ledger: LeaveBalanceRepository,
    private readonly rules: AllowanceRulesRepository,
    private readonly monthLock: MonthLockService,
    private readonly companyClock: CompanyClock,
    private readonly access: StaffAccessService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Holds a new 调休 request's minutes (its `charges`, date by date), or refuses it with 422
   * LEAVE_BALANCE_INSUFFICIENT in hours when the grants valid on its dates cannot fund it.
   */
  async reserve(manager: EntityManager, request: { id: string; staffId: string }, charges: LieuCharge[], rule: AllowanceRule): Promise<void> {
    if (charges.length === 0) return;
    await this.ledger.lock(manager, [{ staffId: request.staffId, leaveType: LIEU_TYPE }]);
    if (!rule.allowNegative) {
      const { lots, uses } = await this.lotsAndUses(manager, [request.staffId], EVER);
      const added = charges.map((charge): LieuUse => ({ id: `new:${charge.date}`, date: charge.date, minutes: charge.minutes, state: 'reserved' }));
      const check = checkLieuSpend(lots.get(request.staffId) ?? [], uses.get(request.staffId) ?? [], added, await this.companyClock.today(manager));
      if (!check.ok) throw lieuInsufficient(await this.rules.named(manager, LIEU_TYPE), minutesToHours(check.available), minutesToHours(check.requested));
    }
    await this.lieu.insertCharges(manager, request.id, charges);
  }

  /** A person's 调休 as read on company today: the grants valid at some time in `year`, and the office's adjustments of that year. */
  async balance(manager: EntityManager, staffId: string, year: number): Promise<LieuBalanceDto> {
    const today = await this.companyClock.today(manager);
    const versions = (await this.rules.versions(manager)).get(LIEU_TYPE) ?? [];
    const { lots, uses } = await this.lotsAndUses(manager, [staffId], EVER);
    const allocation = allocateLieu(lots.get(staffId) ?? [], uses.get(staffId) ?? [], today);
    const inYear = allocation.lots.filter((state) => state.lot.earnedOn <= `${year}-12-31` && state.lot.expiresOn >= `${year}-01-01`);
    const sum = (part: (state: (typeof inYear)[number]) => number) => minutesToHours(inYear.reduce((total, state) => total + part(state), 0));
    const adjustments = (await this.lieu.adjustments(manager, staffId)).filter((row) => row.date.startsWith(`${year}-`));
    const rule = ruleOn(versions, today);
    return {
      asOf: today,
      rule: { effectiveFrom: rule.effectiveFrom, kind: rule.kind, days: rule.days, allowNegative: rule.allowNegative, expiresAfterDays: rule.expiresAfterDays },
      grantedHours: sum((state) => state.lot.minutes),
      takenHours: sum((state) => state.taken),
      reservedHours: sum((state) => state.reserved),
      availableHours: minutesToHours(allocation.remaining),
      expiredHours: sum((state) => state.expired),
      unfundedHours: minutesToHours(allocation.unfunded),
      lots: inYear.map((state) => ({
        earnedOn: state.lot.earnedOn,
        source: state.lot.id.startsWith('overtime:') ? 'overtime' : 'office',
        hours: minutesToHours(state.lot.minutes),
        usedHours: minutesToHours(state.taken),
        reservedHours: minutesToHours(state.reserved),
        remainingHours: minutesToHours(state.remaining),
        expiresOn: state.lot.expiresOn,
        expired: state.lot.expiresOn < today,
        expiredHours: minutesToHours(state.expired),
      })),
      adjustments: adjustments.map(toAdjustmentDto),
    };
  }

  /**
   * The office adds minutes (a grant earned on the date) or takes them away (taken on the date),
   * with a reason; refused beyond what is valid on the date, and in a closed month; audited.
   */
  async adjust(actor: Actor, input: CreateLieuAdjustmentDto): Promise<LieuAdjustmentDto> {
    const problems = lieuAdjustmentProblems(input.minutes);
    if (problems.length > 0) throw validationFailed(problems, `The adjustment is not valid: ${problems[0].message}`);
    const reason = input.reason.trim();
    if (reason.length === 0) throw validationFailed([{ field: 'reason', message: 'reason must not be blank' }], 'The adjustment needs a reason');
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.access.exists(manager, input.staffId))) throw staffNotFound();
      await this.monthLock.assertOpen(manager, [input.date]);
      await this.ledger.lock(manager, [{ staffId: input.staffId, leaveType: LIEU_TYPE }]);
      const { lots, uses } = await this.lotsAndUses(manager, [input.staffId], EVER);
      const today = await this.companyClock.today(manager);
      const mine = { lots: lots.get(input.staffId) ?? [], uses: uses.get(input.staffId) ?? [] };
      const before = allocateLieu(mine.lots, mine.uses, today);
      if (input.minutes < 0) {
        const check = checkLieuSpend(mine.lots, mine.uses, [{ id: 'new', date: input.date, minutes: -input.minutes, state: 'taken' }], today);
        if (!check.ok) throw lieuInsufficient(await this.rules.named(manager, LIEU_TYPE), minutesToHours(check.available), minutesToHours(check.requested), 'minutes');
      }
      const row = await this.lieu.insertAdjustment(manager, { staffId: input.staffId, date: input.date, minutes: input.minutes, reason, createdBy: actor.id });
      const dto = toAdjustmentDto(row);
      await this.audit.record(manager, actor, { action: 'lieu_balance.adjust', entity: 'lieu_adjustment', entityId: row.id, before: { availableHours: minutesToHours(before.remaining) }, after: dto });
      return dto;
    });
  }

  /** Everyone's (or these people's) figures of the month [from, to] for the report, by person, in hours. */
  async month(manager: EntityManager, from: string, to: string): Promise<Map<string, LieuMonthHours>> {
    const { lots, uses } = await this.lotsAndUses(manager, null, to);
    const result = new Map<string, LieuMonthHours>();
    for (const staffId of new Set([...lots.keys(), ...uses.keys()])) {
      const minutes = lieuMonth(lots.get(staffId) ?? [], uses.get(staffId) ?? [], from, to);
      result.set(staffId, { earned: minutesToHours(minutes.earned), taken: minutesToHours(minutes.taken), remaining: minutesToHours(minutes.remaining), expired: minutesToHours(minutes.expired) });
    }
    return result;
  }

  /** Grants as lots (each expiring by the rule in force on its earning date) and uses, by person. */
  private async lotsAndUses(manager: EntityManager, staffIds: string[] | null, through: string): Promise<{ lots: Map<string, LieuLot[]>; uses: Map<string, LieuUse[]> }> {
    const versions = (await this.rules.versions(manager)).get(LIEU_TYPE) ?? [];
    const expiresAfter = (date: string) => {
      const rule = ruleOn(versions, date);
      return rule.kind === 'lieu' && rule.expiresAfterDays !== null ? rule.expiresAfterDays : DEFAULT_LIEU_EXPIRY_DAYS;
    };
    const toLot = (row: LieuGrantRow): LieuLot => ({ id: `${row.source}:${row.id}`, earnedOn: row.date, expiresOn: lieuExpiresOn(row.date, expiresAfter(row.date)), minutes: row.minutes });
    return {
      lots: byPerson(await this.lieu.grants(manager, staffIds, through), toLot),
      uses: byPerson(await this.lieu.uses(manager, staffIds, through), toUse),
    };
  }
}

function byPerson<R extends { staff_id: string }, T>(rows: R[], map: (row: R) => T): Map<string, T[]> {
  const result = new Map<string, T[]>();
  for (const row of rows) {
    const list = result.get(row.staff_id);
    if (list) list.push(map(row));
    else result.set(row.staff_id, [map(row)]);
  }
  return result;
}
