import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { MonthLockService } from '../policy/month-lock.service';
import { FinancePolicyDto, PutFinancePolicyDto } from './dto/report.dto';

const SELECT = `SELECT effective_month AS "effectiveMonth", late_fen AS "lateFen", serious_late_fen AS "seriousLateFen", absence_day_fen AS "absenceDayFen",
  missing_punch_fen AS "missingPunchFen", full_attendance_bonus_fen AS "fullAttendanceBonusFen" FROM finance_policy`;

/** H-ATT-7: finance's policy, effective from a month; a closed month keeps the policy it was closed with. */
@Injectable()
export class FinancePolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly monthLock: MonthLockService,
    private readonly audit: AuditService,
  ) {}

  versions(): Promise<FinancePolicyDto[]> {
    return this.dataSource.query(`${SELECT} ORDER BY effective_month`);
  }

  async put(actor: Actor, input: PutFinancePolicyDto): Promise<FinancePolicyDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.monthLock.assertOpen(manager, [`${input.effectiveMonth}-01`]);
      const before: FinancePolicyDto[] = await manager.query(`${SELECT} WHERE effective_month = $1`, [input.effectiveMonth]);
      await manager.query(
        `INSERT INTO finance_policy (effective_month, late_fen, serious_late_fen, absence_day_fen, missing_punch_fen, full_attendance_bonus_fen, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (effective_month) DO UPDATE SET late_fen = EXCLUDED.late_fen, serious_late_fen = EXCLUDED.serious_late_fen,
           absence_day_fen = EXCLUDED.absence_day_fen, missing_punch_fen = EXCLUDED.missing_punch_fen,
           full_attendance_bonus_fen = EXCLUDED.full_attendance_bonus_fen, created_by = EXCLUDED.created_by, created_at = now()`,
        [input.effectiveMonth, input.lateFen, input.seriousLateFen, input.absenceDayFen, input.missingPunchFen, input.fullAttendanceBonusFen, actor.id],
      );
      const after = { ...input };
      await this.audit.record(manager, actor, { action: 'finance_policy.put', entity: 'finance_policy', entityId: input.effectiveMonth, before: before[0] ?? null, after });
      return after;
    });
  }
}
