import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompanyClock } from '../policy/company-clock';
import { DayChanges } from '../policy/day-changes';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { addDays, datesBetween } from '../domain/calendar/calendar-day';
import { MonthLockService } from '../policy/month-lock.service';
import { CompanyProfileService } from '../common/i18n/company-profile.service';
import { PutCompanyDto, PutSettingsDto, SettingsDto, SettingVersionDto, toSettingVersionDto } from './dto/settings.dto';
import { SettingsRepository } from '../policy/settings.repository';
import { SettingVersion, versionOn } from '../domain/settings';
import { overtimeBreakProblem } from '../domain/overtime/policy';
import { validationFailed } from '../domain/errors/domain-error';

/** Months of the dates in [from, to], as first days, for the month lock. */
export const monthsBetween = (from: string, to: string): string[] =>
  [...new Set(datesBetween(from, to).map((date) => `${date.slice(0, 7)}-01`))];

@Injectable()
export class SettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsRepository,
    private readonly dayChanges: DayChanges,
    private readonly companyClock: CompanyClock,
    private readonly monthLock: MonthLockService,
    private readonly audit: AuditService,
    private readonly company: CompanyProfileService,
  ) {}

  async get(): Promise<SettingsDto> {
    const [timeZone, versions, today, profile] = await Promise.all([this.settings.timeZone(), this.settings.versions(), this.companyClock.today(), this.company.read()]);
    return { timeZone, companyName: profile.name, defaultLanguage: profile.defaultLanguage, current: toSettingVersionDto(versionOn(versions, today)), versions: versions.map(toSettingVersionDto) };
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
      const today = await this.companyClock.today(manager);
      const until = next ? addDays(next.effectiveFrom, -1) : today > input.effectiveFrom ? today : input.effectiveFrom;
      await this.monthLock.assertOpen(manager, monthsBetween(input.effectiveFrom, until < input.effectiveFrom ? input.effectiveFrom : until));
      const { effectiveFrom, ...changes } = input;
      const version: SettingVersion = { ...base, ...stripUndefined(changes), effectiveFrom };
      const breakProblem = overtimeBreakProblem(version);
      if (breakProblem) throw validationFailed([breakProblem], 'The overtime break needs both settings, the break shorter than the time that earns it');
      await this.settings.upsert(manager, version, actor.id);
      const before = base.effectiveFrom === effectiveFrom ? toSettingVersionDto(base) : null;
      await this.dayChanges.changedFrom(manager, { staffIds: null, from: effectiveFrom, until: next ? addDays(next.effectiveFrom, -1) : undefined });
      const after = toSettingVersionDto(version);
      await this.audit.record(manager, actor, { action: 'settings.put', entity: 'setting_version', entityId: effectiveFrom, before, after });
      return after;
    });
  }

  /** The company zone: how local dates and times are read. Every open day is recomputed. */
  async putTimeZone(actor: Actor, zone: string): Promise<SettingsDto> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.settings.timeZone(manager);
      await this.settings.setTimeZone(manager, zone);
      await this.dayChanges.openDaysChanged(manager);
      await this.audit.record(manager, actor, { action: 'settings.time_zone', entity: 'company', entityId: null, before: { timeZone: before }, after: { timeZone: zone } });
    });
    return this.get();
  }

  /** The company's name (the title of its reports) and default language; what is left out stays. */
  async putCompany(actor: Actor, input: PutCompanyDto): Promise<SettingsDto> {
    const after = await this.dataSource.transaction(async (manager) => {
      await this.settings.lockCompany(manager);
      const before = await this.company.read(manager);
      const next = { ...before, ...stripUndefined(input) };
      await this.company.write(manager, next);
      await this.audit.record(manager, actor, { action: 'settings.company', entity: 'company', entityId: null, before: { ...before }, after: { ...next } });
      return next;
    });
    this.company.remember(after);
    return this.get();
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
