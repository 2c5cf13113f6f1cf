import { Body, Param, Query } from '@nestjs/common';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiCodeParam } from '../common/api-docs';
import { ReaderLanguage } from '../common/i18n/request-language';
import { CreateRoute, PutRoute, ReadRoute, SignedInController } from '../common/routes';
import type { Actor } from '../domain/actor';
import type { Language } from '../domain/i18n/language';
import { AllowanceRuleDto, CreateAdjustmentDto, LeaveBalanceQueryDto, LeaveBalancesDto, PutAllowanceRuleDto, PutCarryOverDto, TypeBalanceDto } from './dto/leave-balance.dto';
import { CarryOverVersionDto, GrantRunListDto, LeaveBalanceSettingsDto } from './dto/leave-balance-admin.dto';
import { LeaveBalanceSettingsService } from './leave-balance-settings.service';
import { LeaveBalanceService } from './leave-balance.service';
import { YearStatementDto, YearStatementQueryDto } from './dto/leave-statement.dto';
import { LeaveStatementService } from './leave-statement.service';
import { CreateLieuAdjustmentDto, LieuAdjustmentDto } from './dto/lieu.dto';
import { LieuService } from './lieu.service';

@SignedInController('leave-balances')
export class LeaveBalanceController {
  constructor(
    private readonly balances: LeaveBalanceService,
    private readonly settings: LeaveBalanceSettingsService,
    private readonly statements: LeaveStatementService,
    private readonly lieu: LieuService,
  ) {}

  @ReadRoute(undefined, LeaveBalancesDto, {
    summary: 'Leave balances of a person and year, with the ledger and how each entry was worked out (issue 16)',
    description: 'Your own; a supervisor also everyone below them; admin and finance everyone (anyone else: 404). Per leave type that keeps a balance: entitled, carried, taken, reserved, available, expiring, and every entry with its explanation (articles of 条例 / 实施办法 and decisions AL-D1…AL-D7). Under `lieu`, the time off in lieu (调休) in hours: each grant (earned on, hours, used, expires on, expired) and the office\'s adjustments (issue 22).',
    errors: [400, 404],
  })
  get(@CurrentActor() actor: Actor, @Query() query: LeaveBalanceQueryDto, @ReaderLanguage() language: Language): Promise<LeaveBalancesDto> {
    return this.balances.balances(actor, query, language);
  }

  @CreateRoute('adjustments', TypeBalanceDto, {
    summary: 'Adjust a balance, with a reason (admin)',
    description: 'A new ledger entry; nothing is edited. 422 LEAVE_BALANCE_NOT_TRACKED for a type without a balance, LEAVE_BALANCE_INSUFFICIENT below zero where the rule forbids it; 409 MONTH_CLOSED for a date in a closed month.',
    errors: [400, 403, 404, 409, 422],
  })
  @Roles('admin')
  adjust(@CurrentActor() actor: Actor, @Body() body: CreateAdjustmentDto, @ReaderLanguage() language: Language): Promise<TypeBalanceDto> {
    return this.balances.adjust(actor, body, language);
  }

  @CreateRoute('lieu-adjustments', LieuAdjustmentDto, {
    summary: 'Adjust a person\'s time off in lieu (调休) in minutes, with a reason (admin)',
    description: 'Append-only. Added minutes are a grant earned on `date` that expires like any other (the lieu rule in force on that date); taken minutes are taken on `date` from the oldest grant valid then. 422 LEAVE_BALANCE_INSUFFICIENT beyond the hours valid on the date; 409 MONTH_CLOSED for a date in a closed month. The balance shows it under `lieu` of GET /leave-balances.',
    errors: [400, 403, 404, 409, 422],
  })
  @Roles('admin')
  adjustLieu(@CurrentActor() actor: Actor, @Body() body: CreateLieuAdjustmentDto): Promise<LieuAdjustmentDto> {
    return this.lieu.adjust(actor, body);
  }

  @ReadRoute('settings', LeaveBalanceSettingsDto, { summary: 'The allowance rule of each leave type and the company carry-over, as dated versions' })
  getSettings(): Promise<LeaveBalanceSettingsDto> {
    return this.settings.get();
  }

  @PutRoute('settings/carry-over', CarryOverVersionDto, {
    summary: 'Change the carry-over of unused days from a date on (admin, finance)',
    description: 'maxDays 0: unused days lapse at the end of the year and are reported as untaken (default). Otherwise up to maxDays are carried into the next year and expire on expiresOn (MM-DD) there (条例 第五条).',
    errors: [400, 403],
  })
  @Roles('admin', 'finance')
  putCarryOver(@CurrentActor() actor: Actor, @Body() body: PutCarryOverDto): Promise<CarryOverVersionDto> {
    return this.settings.putCarryOver(actor, body);
  }

  @PutRoute('settings/rules/:code', AllowanceRuleDto, { summary: "Change a leave type's allowance rule from a date on (admin)", errors: [400, 403, 422] })
  @Roles('admin')
  @ApiCodeParam('annual')
  putRule(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() body: PutAllowanceRuleDto): Promise<AllowanceRuleDto> {
    return this.settings.putRule(actor, code, body);
  }

  @ReadRoute('grant-runs', GrantRunListDto, { summary: 'The grant sweep\'s latest runs: what each granted and could not (admin, finance)', errors: [403] })
  @Roles('admin', 'finance')
  grantRuns(): Promise<GrantRunListDto> {
    return this.settings.grantRuns();
  }

  @ReadRoute('statement', YearStatementDto, {
    summary: 'Year-end statement: each person\'s untaken statutory annual leave, paid at 300% (admin, finance)',
    description: 'Per person: granted, taken, carried on, and the untaken days (条例 第五条, 实施办法 第十条); for a leaver, as settled on the leaving date (实施办法 第十二条).',
    errors: [400, 403],
  })
  @Roles('admin', 'finance')
  statement(@Query() query: YearStatementQueryDto): Promise<YearStatementDto> {
    return this.statements.year(query.year);
  }
}
