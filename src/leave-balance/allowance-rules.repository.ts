import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AllowanceKind, AllowanceRule } from '../domain/leave-balance/allowance';
import type { NamedLeaveType } from './leave-balance.errors';

interface RuleRow {
  leave_type_code: string;
  effective_from: string;
  kind: AllowanceKind;
  days: number | null;
  allow_negative: boolean;
  expires_after_days: number | null;
}

/** The owner of leave_allowance_rule: each leave type's allowance, in versions effective from a date. */
@Injectable()
export class AllowanceRulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every type's versions, oldest first; a type without versions keeps no balance. */
  async versions(manager?: EntityManager): Promise<Map<string, AllowanceRule[]>> {
    const rows: RuleRow[] = await (manager ?? this.dataSource.manager).query('SELECT * FROM leave_allowance_rule ORDER BY leave_type_code, effective_from');
    const byType = new Map<string, AllowanceRule[]>();
    for (const row of rows) {
      const rule: AllowanceRule = { effectiveFrom: row.effective_from, kind: row.kind, days: row.days === null ? null : Number(row.days), allowNegative: row.allow_negative, expiresAfterDays: row.expires_after_days };
      byType.set(row.leave_type_code, [...(byType.get(row.leave_type_code) ?? []), rule]);
    }
    return byType;
  }

  /** Creates the version starting on the rule's date, or replaces it. */
  async upsert(manager: EntityManager, leaveType: string, rule: AllowanceRule, actorId: string): Promise<void> {
    await manager.query(
      `INSERT INTO leave_allowance_rule (leave_type_code, effective_from, kind, days, allow_negative, expires_after_days, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (leave_type_code, effective_from) DO UPDATE SET kind = EXCLUDED.kind, days = EXCLUDED.days, allow_negative = EXCLUDED.allow_negative,
         expires_after_days = EXCLUDED.expires_after_days, created_by = EXCLUDED.created_by, created_at = now()`,
      [leaveType, rule.effectiveFrom, rule.kind, rule.days, rule.allowNegative, rule.expiresAfterDays, actorId],
    );
  }

  /**
   * A type's names, for a refusal to name it in the reader's language. leave_type belongs to the
   * leave module; this only reads it, as the report does, so that the balance need not call upward.
   */
  async named(manager: EntityManager, code: string): Promise<NamedLeaveType> {
    const rows: { name_zh: string; name_en: string }[] = await manager.query('SELECT name_zh, name_en FROM leave_type WHERE code = $1', [code]);
    return { code, names: rows.length === 0 ? { 'zh-CN': code, en: code } : { 'zh-CN': rows[0].name_zh, en: rows[0].name_en } };
  }
}
