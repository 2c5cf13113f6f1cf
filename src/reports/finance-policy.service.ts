import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { MonthLockService } from '../policy/month-lock.service';
import { FinancePolicyDto, PutFinancePolicyDto } from './dto/report.dto';
import { FinancePolicyRepository } from './finance-policy.repository';

/** H-ATT-7: finance's policy, effective from a month; a closed month keeps the policy it was closed with. */
@Injectable()
export class FinancePolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: FinancePolicyRepository,
    private readonly monthLock: MonthLockService,
    private readonly audit: AuditService,
  ) {}

  versions(): Promise<FinancePolicyDto[]> {
    return this.policies.versions();
  }

  async put(actor: Actor, input: PutFinancePolicyDto): Promise<FinancePolicyDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.monthLock.assertOpen(manager, [`${input.effectiveMonth}-01`]);
      const before = await this.policies.effectiveFrom(manager, input.effectiveMonth);
      // Left out, the amounts per make-up punch and per overtime hour stay what they were (zero until finance sets them).
      const kept = before ?? (await this.policies.inForce(manager, input.effectiveMonth));
      const after = {
        ...input,
        correctionFen: input.correctionFen ?? kept.correctionFen,
        overtimeWorkdayHourFen: input.overtimeWorkdayHourFen ?? kept.overtimeWorkdayHourFen,
        overtimeRestDayHourFen: input.overtimeRestDayHourFen ?? kept.overtimeRestDayHourFen,
        overtimeHolidayHourFen: input.overtimeHolidayHourFen ?? kept.overtimeHolidayHourFen,
      };
      await this.policies.upsert(manager, after, actor.id);
      await this.audit.record(manager, actor, { action: 'finance_policy.put', entity: 'finance_policy', entityId: input.effectiveMonth, before, after });
      return after;
    });
  }
}
