import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CalendarOverride } from '../calendar/calendar-day';
import { SettingsRepository } from '../settings/settings.repository';
import { ShiftsRepository } from '../shifts/shifts.repository';
import type { Policy } from './policy';

/** Loads the Policy for a range of dates in a handful of queries. */
@Injectable()
export class PolicyRepository {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly shifts: ShiftsRepository,
  ) {}

  async load(manager: EntityManager, from: string, to: string): Promise<Policy> {
    const [timeZone, settings, shiftVersions, overrideRows, rosterRows] = await Promise.all([
      this.settings.timeZone(manager),
      this.settings.versions(manager),
      this.shifts.versions(manager),
      manager.query(`SELECT date, kind, name FROM calendar_override WHERE date BETWEEN $1 AND $2`, [from, to]) as Promise<
        { date: string; kind: CalendarOverride['kind']; name: string | null }[]
      >,
      manager.query(`SELECT date, staff_id FROM duty_roster WHERE date BETWEEN $1 AND $2`, [from, to]) as Promise<{ date: string; staff_id: string }[]>,
    ]);
    return {
      timeZone,
      settings,
      shifts: {
        office: shiftVersions.filter((version) => version.code === 'office'),
        duty: shiftVersions.filter((version) => version.code === 'duty'),
      },
      overrides: new Map(overrideRows.map((row) => [row.date, { kind: row.kind, name: row.name }])),
      roster: new Map(rosterRows.map((row) => [row.date, row.staff_id])),
    };
  }
}
