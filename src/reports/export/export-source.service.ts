import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import type { CalendarKind } from '../../domain/attendance/types';
import type { Actor } from '../../domain/actor';
import { monthRange, datesBetween } from '../../domain/calendar/calendar-day';
import { Clock } from '../../policy/clock';
import { fastZone } from '../../domain/time/fast-zone';
import { CompanyProfileService } from '../../common/i18n/company-profile.service';
import { MonthLockService } from '../../policy/month-lock.service';
import { calendarOn } from '../../domain/policy';
import { PolicyRepository } from '../../policy/policy.repository';
import { SettingsRepository } from '../../policy/settings.repository';
import { StaffAccessService } from '../../staff/staff-access.service';
import type { ReportRowDto } from '../dto/report.dto';
import { MonthlyReportRepository } from '../monthly-report.repository';
import { MonthSnapshotsRepository } from '../../policy/month-snapshots.repository';
import { PositionsService } from '../../positions/positions.service';
import { gridCells, MonthlyReportService, toReportRow } from '../monthly-report.service';
import type { ExportLabels } from './export-labels';
import { mapInTurns } from '../../common/in-turns';

export interface GridLine {
  employeeNo: string;
  name: string;
  codes: string[];
}

export interface ExportDay {
  date: string;
  kind: CalendarKind;
  name: string | null;
}

/** Everything an export shows: the title, the names, the calendar and the rows (streamed for open months). */
export interface ExportSource {
  month: string;
  title: { companyName: string; month: string; generated: string; zone: string; closed: { at: string; sha256: string } | null };
  labels: ExportLabels;
  days: ExportDay[];
  summaryRows(): AsyncIterable<ReportRowDto>;
  gridRows(): AsyncIterable<GridLine>;
}

/** What a month close stores besides the report, so that its exports never read live data again. */
export interface SnapshotExtras {
  companyName: string;
  labels: ExportLabels;
  calendar: ExportDay[];
  grid: ({ staffId: string } & GridLine)[];
}

interface Snapshot extends Partial<SnapshotExtras> {
  rows: ReportRowDto[];
}

const localTime = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone: fastZone(zone) }).toFormat('yyyy-MM-dd HH:mm:ss');

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

/**
 * Where exports come from. An open month streams from the stored day results (a database cursor,
 * so 10,000 staff cost flat memory). A closed month is built from its snapshot (the canonical JSON
 * stored at the close, with the names, calendar and grid of that moment), so its export is the
 * same whenever it is downloaded, except the time it was generated.
 */
@Injectable()
export class ExportSourceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: MonthlyReportService,
    private readonly repository: MonthlyReportRepository,
    private readonly monthLock: MonthLockService,
    private readonly policies: PolicyRepository,
    private readonly settings: SettingsRepository,
    private readonly company: CompanyProfileService,
    private readonly access: StaffAccessService,
    private readonly snapshots: MonthSnapshotsRepository,
    private readonly positions: PositionsService,
    private readonly clock: Clock,
  ) {}

  async source(actor: Actor, month: string): Promise<ExportSource> {
    const manager = this.dataSource.manager;
    const zone = await this.settings.timeZone(manager);
    const generated = localTime(this.clock.now(), zone);
    const closed = (await this.monthLock.closedAmong(manager, [month])).size > 0;
    if (closed) {
      const stored = await this.snapshots.latestWithCloseTime(manager, month);
      if (stored) return this.fromSnapshot(actor, month, stored, zone, generated);
    }
    const context = await this.reports.context(actor, month);
    const extras = await this.liveExtras(manager, month);
    return {
      month,
      title: { companyName: extras.companyName, month, generated, zone, closed: null },
      labels: extras.labels,
      days: extras.calendar,
      summaryRows: () => mapAsync(this.repository.streamRows(context.from, context.to, context.viewerId), (raw) => toReportRow(raw, context)),
      gridRows: () => mapAsync(this.repository.streamGrid(context.from, context.to, context.viewerId), (raw) => ({ employeeNo: raw.employee_no, name: raw.name, codes: gridCells(raw) })),
    };
  }

  /** The names, calendar and grid of a month as they are now: stored in its snapshot at the close. */
  async snapshotExtras(manager: EntityManager, month: string): Promise<SnapshotExtras> {
    const { from, to } = monthRange(month);
    const grid = await this.repository.grid(manager, from, to, null);
    return {
      ...(await this.liveExtras(manager, month)),
      // In turns, like the report's rows: a month close of 10,000 people builds 300,000 cells.
      grid: await mapInTurns(grid, (row) => ({ staffId: row.staff_id, employeeNo: row.employee_no, name: row.name, codes: gridCells(row) })),
    };
  }

  private async liveExtras(manager: EntityManager, month: string): Promise<Omit<SnapshotExtras, 'grid'>> {
    const { from, to } = monthRange(month);
    const positions = await this.positions.labels(manager);
    const leaveTypes = await this.repository.leaveTypes(manager);
    const policy = await this.policies.load(manager, from, to);
    return {
      companyName: (await this.company.read(manager)).name,
      labels: {
        positions: Object.fromEntries(positions.map((p) => [p.code, { zh: p.nameZh, en: p.nameEn }])),
        leaveTypes: leaveTypes.map((t) => ({ code: t.code, zh: t.name_zh, en: t.name_en })),
      },
      calendar: datesBetween(from, to).map((date) => {
        const day = calendarOn(policy, date);
        return { date, kind: day.kind, name: day.name };
      }),
    };
  }

  private async fromSnapshot(actor: Actor, month: string, stored: { body: string; sha256: string; closed_at: Date }, zone: string, generated: string): Promise<ExportSource> {
    const manager = this.dataSource.manager;
    const snapshot = JSON.parse(stored.body) as Snapshot;
    // Snapshots taken before names and the grid were stored: the month is closed, so its days,
    // calendar and policy cannot have changed since; only renamed catalogue entries could.
    const live = snapshot.labels && snapshot.calendar && snapshot.grid ? null : await this.liveExtras(manager, month);
    const grid = snapshot.grid ?? (await this.liveGrid(manager, month));
    const viewer = this.access.scopeOf(actor);
    const visible = viewer === null ? null : await this.access.visibleIds(manager, viewer);
    const seen = <T extends { staffId: string }>(items: T[]) => (visible ? items.filter((item) => visible.has(item.staffId)) : items);
    return {
      month,
      title: { companyName: snapshot.companyName ?? live?.companyName ?? '', month, generated, zone, closed: { at: localTime(stored.closed_at, zone), sha256: stored.sha256 } },
      labels: snapshot.labels ?? (live as Omit<SnapshotExtras, 'grid'>).labels,
      days: snapshot.calendar ?? (live as Omit<SnapshotExtras, 'grid'>).calendar,
      summaryRows: () => fromArray(seen(snapshot.rows)),
      gridRows: () => fromArray(seen(grid).map(({ employeeNo, name, codes }) => ({ employeeNo, name, codes }))),
    };
  }

  private async liveGrid(manager: EntityManager, month: string): Promise<({ staffId: string } & GridLine)[]> {
    const { from, to } = monthRange(month);
    const rows = await this.repository.grid(manager, from, to, null);
    return rows.map((row) => ({ staffId: row.staff_id, employeeNo: row.employee_no, name: row.name, codes: gridCells(row) }));
  }

}

async function* mapAsync<T, U>(source: AsyncIterable<T>, map: (item: T) => U): AsyncGenerator<U> {
  for await (const item of source) yield map(item);
}
