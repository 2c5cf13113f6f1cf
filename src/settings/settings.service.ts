import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttendanceService } from '../attendance/attendance.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { addDays, datesBetween } from '../calendar/calendar-day';
import { MonthLockService } from '../months/month-lock.service';
import { PutSettingsDto, SettingsDto, SettingVersionDto, toSettingVersionDto } from './dto/settings.dto';
import { SettingsRepository } from './settings.repository';
import { SettingVersion, versionOn } from './settings.types';

/** Months of the dates in [from, to], as first days, for the month lock. */
export const monthsBetween = (from: string, to: string): string[] =>
  [...new Set(datesBetween(from, to).map((date) => `${date.slice(0, 7)}-01`))];

@Injectable()
export class SettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsRepository,
    private readonly attendance: AttendanceService,
    private readonly monthLock: MonthLockService,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<SettingsDto> {
    const [timeZone, versions, today] = await Promise.all([this.settings.timeZone(), this.settings.versions(), this.attendance.today()]);
    return { timeZone, current: toSettingVersionDto(versionOn(versions, today)), versions: versions.map(toSettingVersionDto) };
  }

  /**
   * A new version from `effectiveFrom`: fields left out keep the values in force that day. Earlier
   * dates keep their rules; the days it governs are recomputed; a closed month refuses it.
   */
  async put(actor: Actor, input: PutSettingsDto): Promise<SettingVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const versions = await this.settings.versions(manager);
      const base = versionOn(versions, input.effectiveFrom);
      const next = versions.find((version) => version.effectiveFrom > input.effectiveFrom);
      const today = await this.attendance.today(manager);
      const until = next ? addDays(next.effectiveFrom, -1) : today > input.effectiveFrom ? today : input.effectiveFrom;
      await this.monthLock.assertOpen(manager, monthsBetween(input.effectiveFrom, until < input.effectiveFrom ? input.effectiveFrom : until));
      const { effectiveFrom, ...changes } = input;
      const version: SettingVersion = { ...base, ...stripUndefined(changes), effectiveFrom };
      await this.settings.upsert(manager, version, actor.id);
      const before = base.effectiveFrom === effectiveFrom ? toSettingVersionDto(base) : null;
      await this.attendance.recomputeFrom(manager, null, effectiveFrom, next ? addDays(next.effectiveFrom, -1) : undefined);
      const after = toSettingVersionDto(version);
      await this.audit.record(manager, actor, { action: 'settings.put', entity: 'setting_version', entityId: effectiveFrom, before, after });
      return after;
    });
  }

  /** The company zone: how local dates and times are read. Every open day is recomputed. */
  async putTimeZone(actor: Actor, zone: string): Promise<SettingsDto> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.settings.timeZone(manager);
      const rows: { first: string | null }[] = await manager.query(
        `SELECT min(d.date) AS first FROM attendance_day d LEFT JOIN accounting_month m ON m.month = to_char(d.date, 'YYYY-MM')
          WHERE m.state IS DISTINCT FROM 'closed'`,
      );
      await this.settings.setTimeZone(manager, zone);
      if (rows[0].first) await this.attendance.recomputeFrom(manager, null, rows[0].first);
      await this.audit.record(manager, actor, { action: 'settings.time_zone', entity: 'company', entityId: null, before: { timeZone: before }, after: { timeZone: zone } });
    });
    return this.get();
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
