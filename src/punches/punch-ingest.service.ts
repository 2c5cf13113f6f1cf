import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { assignedDateOf } from '../domain/attendance/person-days';
import { DayChanges } from '../policy/day-changes';
import { DevicesService } from '../devices/devices.service';
import type { StaleSpan } from '../policy/stale-days.repository';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import { addDays } from '../domain/calendar/calendar-day';
import { Clock } from '../policy/clock';
import { localDate } from '../domain/time/company-time';
import { MonthLockService } from '../policy/month-lock.service';
import { PolicyRepository } from '../policy/policy.repository';
import { SettingsRepository } from '../policy/settings.repository';
import type { ParsedLine, PunchLine, RejectedLine } from './punch-lines';
import { PunchesRepository, PunchOrigin, StaffByNumber } from './punches.repository';

/** How far ahead of the server's clock a punch may be (device clocks drift). */
export const FUTURE_TOLERANCE_SECONDS = 120;

export interface IngestCounts {
  received: number;
  inserted: number;
  duplicates: number;
  rejected: RejectedLine[];
}

export interface IngestResult extends IngestCounts {
  /** Ids of the punches this request stored, in the order of their lines. */
  insertedIds: string[];
}

interface Accepted extends PunchLine {
  staffId: string;
  /** The local date of the punch in the company zone. */
  date: string;
}

const keyOf = (staffId: string, at: Date) => `${staffId}|${at.getTime()}`;

/** The dates whose shift a punch of local date `date` can belong to: its own and both neighbours. */
const reachableDates = (date: string): string[] => [addDays(date, -1), date, addDays(date, 1)];

/**
 * `localDate` remembered per minute for one request: a batch's 10,000 punches fall in far fewer
 * minutes, and a local date cannot change inside a minute (offsets are whole minutes).
 */
function localDates(zone: string): (at: Date) => string {
  const byMinute = new Map<number, string>();
  return (at) => {
    const minute = Math.floor(at.getTime() / 60_000);
    let date = byMinute.get(minute);
    if (date === undefined) byMinute.set(minute, (date = localDate(at, zone)));
    return date;
  };
}

/**
 * The one path by which punches enter: batches, file imports, terminals and manual punches (a
 * clock-in takes a one-statement shortcut with the same rules, PunchesRepository.clockIn).
 * Idempotent (same person, same second: one punch), line by line (a bad line does not sink the
 * rest) and month-lock aware. It stores the punches and queues their days as stale; the days are
 * recomputed in the background or by the first read (AttendanceService.ensureFresh), so a batch
 * costs about what its INSERT costs.
 */
@Injectable()
export class PunchIngestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly punches: PunchesRepository,
    private readonly dayChanges: DayChanges,
    private readonly devices: DevicesService,
    private readonly monthLock: MonthLockService,
    private readonly settings: SettingsRepository,
    private readonly policies: PolicyRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The zone local times are read in: a device's own zone when it has one, else the company's. */
  async timeZoneFor(actor: Actor): Promise<string> {
    if (actor.kind === 'device') {
      const zone = await this.devices.timeZoneOf(actor.id);
      if (zone) return zone;
    }
    return this.settings.timeZone();
  }

  async ingest(actor: Actor, lines: ParsedLine[], origin: Omit<PunchOrigin, 'createdBy'>, auditAction: string): Promise<IngestResult> {
    return this.dataSource.transaction((manager) => this.ingestIn(manager, actor, lines, origin, auditAction));
  }

  /** `knownStaff` spares the lookup by employee number when the caller has the person already. */
  async ingestIn(
    manager: EntityManager,
    actor: Actor,
    lines: ParsedLine[],
    origin: Omit<PunchOrigin, 'createdBy'>,
    auditAction: string,
    knownStaff?: Map<string, StaffByNumber>,
  ): Promise<IngestResult> {
    const now = this.clock.now();
    const latest = now.getTime() + FUTURE_TOLERANCE_SECONDS * 1000;
    const rejected: RejectedLine[] = [];
    const candidates: PunchLine[] = [];
    for (const line of lines) {
      if (line.ok) candidates.push(line);
      else rejected.push({ index: line.index, reason: line.reason, message: line.message, ...(line.raw === undefined ? {} : { raw: line.raw }) });
    }
    const staff = knownStaff ?? (await this.punches.staffByEmployeeNo(manager, [...new Set(candidates.map((line) => line.employeeNo))]));
    const zone = candidates.length > 0 ? await this.settings.timeZone(manager) : '';
    const dateOf = localDates(zone);
    // Same person, same second: one punch, within this request as against the database.
    const unique = new Map<string, Accepted>();
    let accepted = 0;
    for (const line of candidates) {
      const person = staff.get(line.employeeNo);
      if (!person) rejected.push({ index: line.index, reason: 'UNKNOWN_EMPLOYEE', message: `no staff member has employee number ${line.employeeNo}` });
      else if (!person.active) rejected.push({ index: line.index, reason: 'INACTIVE_EMPLOYEE', message: `${line.employeeNo} is no longer active` });
      else if (line.at.getTime() > latest) rejected.push({ index: line.index, reason: 'TIME_IN_FUTURE', message: `${line.at.toISOString()} is in the future` });
      else {
        accepted += 1;
        const key = keyOf(person.id, line.at);
        if (!unique.has(key)) unique.set(key, { index: line.index, employeeNo: line.employeeNo, at: line.at, sourceLabel: line.sourceLabel, staffId: person.id, date: dateOf(line.at) });
      }
    }
    let toInsert = [...unique.values()];
    let refusedDuplicates = 0;
    const refused = toInsert.length > 0 ? await this.closedMonthLines(manager, toInsert) : new Map<Accepted, string>();
    if (refused.size > 0) {
      const existing = await this.punches.existingKeys(manager, [...refused.keys()]);
      for (const [line, date] of refused) {
        // A line already stored is a duplicate (a re-sent file), closed month or not.
        if (existing.has(keyOf(line.staffId, line.at))) refusedDuplicates += 1;
        else rejected.push({ index: line.index, reason: 'MONTH_CLOSED', message: `${date} is in a month finance has closed` });
      }
      toInsert = toInsert.filter((line) => !refused.has(line));
    }
    const inserted = await this.punches.insertNew(manager, toInsert, { ...origin, createdBy: actor.id });
    const stored = inserted.map((row) => ({ id: row.id, line: unique.get(`${row.staff_id}|${row.at_ms}`) as Accepted }));
    // PostgreSQL returns them in the order they were sent (line order) in practice; sort only if not.
    if (stored.some((entry, i) => i > 0 && entry.line.index < stored[i - 1].line.index)) stored.sort((a, b) => a.line.index - b.line.index);
    await this.dayChanges.queue(manager, staleSpans(stored.map((entry) => entry.line)));
    return this.finish(manager, actor, origin, auditAction, now, {
      received: lines.length,
      inserted: inserted.length,
      // Repeated within the request, already stored (also in a closed month), or stored meanwhile by a concurrent sender.
      duplicates: accepted - unique.size + refusedDuplicates + (toInsert.length - inserted.length),
      rejected,
      insertedIds: stored.map((entry) => entry.id),
    });
  }

  /**
   * Share-locks every month these punches can count in, so that a month close waits for this write
   * (and later writes see the month closed). Most batches touch only open months and are done here;
   * near a closed month the rules decide which date each punch belongs to (a 00:20 clock-out
   * belongs to the duty of the day before): the lines that count in a closed month are returned,
   * with that date.
   */
  private async closedMonthLines(manager: EntityManager, lines: Accepted[]): Promise<Map<Accepted, string>> {
    const refused = new Map<Accepted, string>();
    const dates = [...new Set(lines.map((line) => line.date))];
    const closed = await this.monthLock.shareLock(manager, dates.flatMap(reachableDates));
    if (closed.size === 0) return refused;
    const atRisk = new Set(dates.filter((date) => reachableDates(date).some((day) => closed.has(day.slice(0, 7)))));
    const risky = lines.filter((line) => atRisk.has(line.date));
    if (risky.length === 0) return refused;
    const sorted = [...atRisk].sort();
    const policy = await this.policies.load(manager, addDays(sorted[0], -3), addDays(sorted[sorted.length - 1], 3));
    const spans = await this.punches.employment(manager, [...new Set(risky.map((line) => line.staffId))]);
    for (const line of risky) {
      const span = spans.get(line.staffId);
      const date = (span && assignedDateOf(policy, span, line.at)) ?? line.date;
      if (closed.has(date.slice(0, 7))) refused.set(line, date);
    }
    return refused;
  }

  private async finish(manager: EntityManager, actor: Actor, origin: Omit<PunchOrigin, 'createdBy'>, auditAction: string, now: Date, result: IngestResult): Promise<IngestResult> {
    // The device's last contact, when it is the device calling (an office retrying its rejected lines is not).
    if (origin.deviceId && actor.kind === 'device') await this.devices.touch(manager, origin.deviceId, now, result.inserted > 0);
    result.rejected.sort((a, b) => a.index - b.index);
    await this.audit.record(manager, actor, {
      action: auditAction,
      entity: 'punch',
      entityId: result.insertedIds.length === 1 ? result.insertedIds[0] : null,
      after: { received: result.received, inserted: result.inserted, duplicates: result.duplicates, rejected: result.rejected.length, source: origin.source },
    });
    return result;
  }

  /** Local date range helper for listings: [start of `from`, start of the day after `to`) in the zone. */
  static instantRange(from: string, to: string, zone: string): { fromInstant: Date; toInstant: Date } {
    return {
      fromInstant: DateTime.fromISO(from, { zone }).toJSDate(),
      toInstant: DateTime.fromISO(addDays(to, 1), { zone }).toJSDate(),
    };
  }
}

/** Per person, the dates new punches can change: their local dates and one day either side. */
function staleSpans(lines: Accepted[]): StaleSpan[] {
  const shifted = new Map<string, string>();
  const plus = (date: string, days: number) => {
    const key = `${date}${days}`;
    let result = shifted.get(key);
    if (result === undefined) shifted.set(key, (result = addDays(date, days)));
    return result;
  };
  const byStaff = new Map<string, { from: string; to: string }>();
  for (const line of lines) {
    const span = byStaff.get(line.staffId);
    if (!span) byStaff.set(line.staffId, { from: line.date, to: line.date });
    else if (line.date < span.from) span.from = line.date;
    else if (line.date > span.to) span.to = line.date;
  }
  return [...byStaff].map(([staffId, span]) => ({ staffId, from: plus(span.from, -1), to: plus(span.to, 1) }));
}
