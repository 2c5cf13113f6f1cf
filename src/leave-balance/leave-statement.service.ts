import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ruleOn } from '../domain/leave-balance/allowance';
import { UNTAKEN_PAY_PERCENT } from '../domain/leave-balance/articles';
import { balanceOf } from '../domain/leave-balance/balance';
import { StaffAccessService } from '../staff/staff-access.service';
import { AllowanceRulesRepository } from './allowance-rules.repository';
import { YearStatementDto } from './dto/leave-statement.dto';
import { LeaveBalanceRepository } from './leave-balance.repository';
import { toLedgerEntry } from './ledger-rows';

/**
 * The year-end statement of statutory annual leave (issue 16): for each person, the days granted,
 * taken and carried on, and the untaken days finance pays at 300% (条例 第五条, 实施办法 第十条) —
 * for a leaver as settled on the leaving date (实施办法 第十二条). Before the year is closed, the
 * untaken days are what is left today; after, what lapsed.
 */
@Injectable()
export class LeaveStatementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LeaveBalanceRepository,
    private readonly rules: AllowanceRulesRepository,
    private readonly access: StaffAccessService,
  ) {}

  async year(year: number): Promise<YearStatementDto> {
    const manager = this.dataSource.manager;
    const statutory = await this.statutoryTypes(manager, [`${year}-01-01`, `${year}-12-31`]);
    const rows = statutory.length === 0 ? [] : await this.ledger.entriesOfTypesInYear(manager, statutory, year);
    const people = [...new Set(rows.map((row) => row.staff_id))];
    const names = new Map((await this.access.namesOf(manager, people)).map((person) => [person.id, person]));
    const employment = new Map((await this.access.employmentsOf(manager, people)).map((person) => [person.id, person]));
    const items = people.map((staffId) => {
      const own = rows.filter((row) => row.staff_id === staffId);
      const balance = balanceOf(own.map(toLedgerEntry));
      const leftOn = employment.get(staffId)?.leftOn ?? null;
      return {
        staffId,
        employeeNo: names.get(staffId)?.employeeNo ?? '',
        name: names.get(staffId)?.name ?? '',
        leftOn: leftOn !== null && leftOn.startsWith(String(year)) ? leftOn : null,
        entitled: balance.entitled + balance.adjusted,
        taken: balance.taken,
        carriedOut: balance.carriedOut,
        untakenDays: balance.lapsed + Math.max(0, balance.available),
        payPercent: UNTAKEN_PAY_PERCENT,
      };
    });
    return { year, items: items.sort((a, b) => (a.employeeNo < b.employeeNo ? -1 : 1)) };
  }

  /**
   * The monthly report's column (issue 16): each person's statutory annual leave left on a date (the
   * month's last day), by the dates of the entries, so that a month reads the same however late it
   * is read. Leave is charged to its first day, so leave that starts by then counts whole.
   */
  async annualRemainingOn(manager: EntityManager, date: string): Promise<Map<string, number>> {
    return this.ledger.remainingOn(manager, await this.statutoryTypes(manager, [date]), date);
  }

  /** The leave types kept under the statutory rule on any of these dates. */
  private async statutoryTypes(manager: EntityManager, dates: string[]): Promise<string[]> {
    return [...(await this.rules.versions(manager))].filter(([, versions]) => dates.some((date) => ruleOn(versions, date).kind === 'statutory')).map(([type]) => type);
  }
}
