import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { validationFailed } from '../domain/errors/domain-error';
import type { Language } from '../domain/i18n/language';
import { type AllowanceRule, keepsYearBalance, ruleOn } from '../domain/leave-balance/allowance';
import { balanceOf } from '../domain/leave-balance/balance';
import { ENTITLEMENT_CAUSES } from '../domain/leave-balance/grants-due';
import { type LedgerEntry, ledgerEntryProblem } from '../domain/leave-balance/ledger-entry';
import { CompanyClock } from '../policy/company-clock';
import { MonthLockService } from '../policy/month-lock.service';
import { staffNotFound } from '../staff/staff.errors';
import { StaffAccessService } from '../staff/staff-access.service';
import { AllowanceRulesRepository } from './allowance-rules.repository';
import { CreateAdjustmentDto, LeaveBalancesDto, LedgerEntryDto, TypeBalanceDto } from './dto/leave-balance.dto';
import { explainEntry } from './entry-sentences';
import { balanceInsufficient, balanceNotTracked } from './leave-balance.errors';
import { LeaveBalanceRepository } from './leave-balance.repository';
import { LedgerRow, toLedgerEntry } from './ledger-rows';
import { LieuService } from './lieu.service';

export const toRuleDto = (rule: AllowanceRule) => ({ effectiveFrom: rule.effectiveFrom, kind: rule.kind, days: rule.days, allowNegative: rule.allowNegative, expiresAfterDays: rule.expiresAfterDays });

function toEntryDto(row: LedgerRow, language: Language): LedgerEntryDto {
  const explanation = row.explanation as (Record<string, unknown> & { kind: string })[];
  return {
    id: Number(row.id),
    kind: row.kind,
    cause: row.cause,
    days: Number(row.days),
    date: row.date,
    of: row.of,
    direction: row.direction,
    expiresOn: row.expires_on,
    reason: row.reason,
    requestId: row.request_id,
    runId: row.run_id === null ? null : Number(row.run_id),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    explanation,
    sentences: explainEntry(explanation, language),
  };
}

/**
 * One type's balance for a year, read from its ledger (the pure balanceOf). `entitled` shows the
 * service's own recomputations with the grants (a leaver's settlement, an exclusion), `adjusted`
 * only the office's, so that what the law granted and what a person changed read apart.
 */
function toTypeBalance(leaveType: string, rule: AllowanceRule, rows: LedgerRow[], language: Language): TypeBalanceDto {
  const balance = balanceOf(rows.map(toLedgerEntry));
  const recomputed = rows.filter((row) => row.kind === 'adjustment' && ENTITLEMENT_CAUSES.includes(row.cause)).reduce((total, row) => total + Number(row.days), 0);
  return {
    leaveType,
    rule: toRuleDto(rule),
    entitled: balance.entitled + recomputed,
    adjusted: balance.adjusted - recomputed,
    carried: balance.carried,
    carriedOut: balance.carriedOut,
    taken: balance.taken,
    reserved: balance.reserved,
    expired: balance.expired,
    lapsed: balance.lapsed,
    available: balance.available,
    expiring: balance.expiring,
    entries: rows.map((row) => toEntryDto(row, language)),
  };
}

/** Balances as people read them (issue 16), and the office's adjustments. */
@Injectable()
export class LeaveBalanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LeaveBalanceRepository,
    private readonly rules: AllowanceRulesRepository,
    private readonly monthLock: MonthLockService,
    private readonly companyClock: CompanyClock,
    private readonly access: StaffAccessService,
    private readonly audit: AuditService,
    private readonly lieu: LieuService,
  ) {}

  /**
   * Every type that keeps a balance in the year, with its ledger, and the time off in lieu (调休,
   * issue 22) in hours with its grants; someone you may not see is a 404.
   */
  async balances(actor: Actor, query: { staffId?: string; year?: number }, language: Language): Promise<LeaveBalancesDto> {
    const staffId = query.staffId ?? actor.id;
    if (!(await this.access.canSee(actor, staffId))) throw staffNotFound();
    const year = query.year ?? Number((await this.companyClock.today()).slice(0, 4));
    const balances = await this.read(this.dataSource.manager, staffId, year, language);
    return { ...balances, lieu: await this.lieu.balance(this.dataSource.manager, staffId, year) };
  }

  /**
   * The office corrects a balance with a reason (a new entry; nothing is edited). Refused below
   * zero where the rule forbids it, and in a closed month; audited.
   */
  async adjust(actor: Actor, input: CreateAdjustmentDto, language: Language): Promise<TypeBalanceDto> {
    const entry: LedgerEntry = { kind: 'adjustment', days: input.days, date: input.date, reason: input.reason.trim() };
    const problem = ledgerEntryProblem(entry);
    if (problem) throw validationFailed([problem], `The adjustment is not valid: ${problem.message}`);
    const year = Number(input.date.slice(0, 4));
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.access.exists(manager, input.staffId))) throw staffNotFound();
      const rule = ruleOn((await this.rules.versions(manager)).get(input.leaveType) ?? [], input.date);
      if (!keepsYearBalance(rule)) throw balanceNotTracked(input.leaveType);
      await this.monthLock.assertOpen(manager, [input.date]);
      const key = { staffId: input.staffId, leaveType: input.leaveType };
      await this.ledger.lock(manager, [key]);
      const entries = (await this.ledger.entries(manager, key, [year])).map(toLedgerEntry);
      const before = balanceOf(entries);
      const after = balanceOf([...entries, entry]);
      if (input.days < 0 && !rule.allowNegative && after.available < 0) throw balanceInsufficient(await this.rules.named(manager, input.leaveType), Math.max(0, before.available), -input.days);
      const [written] = await this.ledger.insert(manager, [{ ...key, entry, cause: 'office', explanation: [{ kind: 'office' }], createdBy: actor.id }]);
      await this.audit.record(manager, actor, { action: 'leave_balance.adjust', entity: 'leave_ledger', entityId: String(written.id), before: { available: before.available }, after: toEntryDto(written, language) });
    });
    const balances = await this.read(this.dataSource.manager, input.staffId, year, language);
    return balances.types.find((type) => type.leaveType === input.leaveType)!;
  }

  private async read(manager: EntityManager, staffId: string, year: number, language: Language): Promise<Omit<LeaveBalancesDto, 'lieu'>> {
    const rows = await this.ledger.entriesOfYear(manager, staffId, year);
    const versions = await this.rules.versions(manager);
    const types = new Set(rows.map((row) => row.leave_type_code));
    for (const [type, rules] of versions) if ([`${year}-01-01`, `${year}-12-31`].some((date) => keepsYearBalance(ruleOn(rules, date)))) types.add(type);
    return {
      staffId,
      year,
      types: [...types].sort().map((type) => {
        const rules = versions.get(type) ?? [];
        // The rule the year is kept under: the one of its end, or of its start when the balance stopped being kept.
        const end = ruleOn(rules, `${year}-12-31`);
        const rule = keepsYearBalance(end) ? end : ruleOn(rules, `${year}-01-01`);
        return toTypeBalance(type, rule, rows.filter((row) => row.leave_type_code === type), language);
      }),
    };
  }
}
