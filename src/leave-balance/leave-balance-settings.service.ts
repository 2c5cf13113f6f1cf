import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { validationFailed } from '../domain/errors/domain-error';
import { type AllowanceRule, allowanceRuleProblems, type CarryOverVersion, inForceOn } from '../domain/leave-balance/allowance';
import { type CarryOverSetting, carryOverSettingProblems } from '../domain/leave-balance/carry-over';
import { CompanyClock } from '../policy/company-clock';
import { AllowanceRulesRepository } from './allowance-rules.repository';
import { CarryOverRepository } from './carry-over.repository';
import { AllowanceRuleDto, PutAllowanceRuleDto, PutCarryOverDto } from './dto/leave-balance.dto';
import { CarryOverVersionDto, GrantRunListDto, LeaveBalanceSettingsDto } from './dto/leave-balance-admin.dto';
import { GrantRunsRepository } from './grant-runs.repository';
import { LeaveBalanceRepository } from './leave-balance.repository';
import { toRuleDto } from './leave-balance.service';
import { lieuRuleMisplaced } from './leave-balance.errors';
import { LIEU_TYPE } from './lieu.service';

const toCarryOverDto = (version: CarryOverVersion): CarryOverVersionDto => ({
  effectiveFrom: version.effectiveFrom,
  maxDays: version.setting.kind === 'carry' ? version.setting.maxDays : 0,
  expiresOn: version.setting.kind === 'carry' ? version.setting.expiresOn : null,
});

const RUNS_SHOWN = 20;
const RUN_ENTRIES_SHOWN = 1000;

/**
 * The settings balances are kept under (issue 16), dated like every other setting: each leave
 * type's allowance rule and the company's carry-over. And the grant sweep's runs, for the office.
 */
@Injectable()
export class LeaveBalanceSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: AllowanceRulesRepository,
    private readonly carryOver: CarryOverRepository,
    private readonly runs: GrantRunsRepository,
    private readonly ledger: LeaveBalanceRepository,
    private readonly companyClock: CompanyClock,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<LeaveBalanceSettingsDto> {
    const today = await this.companyClock.today();
    const carry = await this.carryOver.versions();
    const rules = await this.rules.versions();
    return {
      carryOver: { current: toCarryOverDto(inForceOn(carry, `${today.slice(0, 4)}-12-31`) ?? carry[0]), versions: carry.map(toCarryOverDto) },
      rules: [...rules].map(([leaveType, versions]) => {
        const current = inForceOn(versions, today);
        return { leaveType, current: current ? toRuleDto(current) : null, versions: versions.map(toRuleDto) };
      }),
    };
  }

  /** A leave type's rule from a date on (admin); the grant sweep applies it to the years it governs. */
  async putRule(actor: Actor, leaveType: string, input: PutAllowanceRuleDto): Promise<AllowanceRuleDto> {
    const rule: AllowanceRule = { effectiveFrom: input.effectiveFrom, kind: input.kind, days: input.days ?? null, allowNegative: input.allowNegative ?? false, expiresAfterDays: input.expiresAfterDays ?? null };
    const problems = allowanceRuleProblems(rule);
    if (problems.length > 0) throw validationFailed(problems, `The rule is not valid: ${problems[0].message}`);
    // Issue 22: 调休's grants are the judged days' lieu hours, so only its own type keeps them.
    if ((leaveType === LIEU_TYPE) !== (rule.kind === 'lieu')) throw lieuRuleMisplaced(leaveType);
    return this.dataSource.transaction(async (manager) => {
      const before = (await this.rules.versions(manager)).get(leaveType)?.find((version) => version.effectiveFrom === rule.effectiveFrom) ?? null;
      await this.rules.upsert(manager, leaveType, rule, actor.id);
      await this.audit.record(manager, actor, { action: 'leave_allowance.put', entity: 'leave_allowance_rule', entityId: `${leaveType}@${rule.effectiveFrom}`, before: before && toRuleDto(before), after: toRuleDto(rule) });
      return toRuleDto(rule);
    });
  }

  /** The company's carry-over from a date on (admin, finance); a year is closed under the version of its 31 December. */
  async putCarryOver(actor: Actor, input: PutCarryOverDto): Promise<CarryOverVersionDto> {
    const setting: CarryOverSetting = input.maxDays === 0 && (input.expiresOn ?? null) === null ? { kind: 'lapse' } : { kind: 'carry', maxDays: input.maxDays, expiresOn: input.expiresOn ?? '' };
    const problems = carryOverSettingProblems(setting);
    if (problems.length > 0) throw validationFailed(problems, `The carry-over is not valid: ${problems[0].message}`);
    const version: CarryOverVersion = { effectiveFrom: input.effectiveFrom, setting };
    return this.dataSource.transaction(async (manager) => {
      const before = (await this.carryOver.versions(manager)).find((existing) => existing.effectiveFrom === version.effectiveFrom) ?? null;
      await this.carryOver.upsert(manager, version, actor.id);
      await this.audit.record(manager, actor, { action: 'carry_over.put', entity: 'carry_over_setting', entityId: version.effectiveFrom, before: before && toCarryOverDto(before), after: toCarryOverDto(version) });
      return toCarryOverDto(version);
    });
  }

  /** The latest grant runs with what they wrote and could not write (admin, finance). */
  async grantRuns(): Promise<GrantRunListDto> {
    const manager = this.dataSource.manager;
    const runs = await this.runs.latest(manager, RUNS_SHOWN);
    const written = await this.ledger.entriesOfRuns(manager, runs.map((run) => Number(run.id)), RUN_ENTRIES_SHOWN);
    return {
      items: runs.map((run) => ({
        id: Number(run.id),
        startedAt: run.started_at.toISOString(),
        finishedAt: run.finished_at?.toISOString() ?? null,
        throughDate: run.through_date,
        fromYear: run.from_year,
        outcome: run.outcome,
        people: run.people,
        entries: run.entries,
        written: written
          .filter((row) => Number(row.run_id) === Number(run.id))
          .map((row) => ({ staffId: row.staff_id, leaveType: row.leave_type_code, kind: row.kind, cause: row.cause, days: Number(row.days), date: row.date })),
        problems: run.problems,
      })),
    };
  }
}
