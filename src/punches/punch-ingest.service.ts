import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { AttendanceService } from '../attendance/attendance.service';
import type { PersonDays } from '../attendance/person-days';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { addDays } from '../calendar/calendar-day';
import { Clock } from '../common/clock';
import { localDate } from '../common/company-time';
import { MonthLockService } from '../months/month-lock.service';
import { PolicyRepository } from '../schedule/policy.repository';
import { SettingsRepository } from '../settings/settings.repository';
import type { ParsedLine, PunchLine, RejectedLine } from './punch-lines';
import { NewPunch, PunchesRepository, PunchOrigin, PunchRow, StaffByNumber } from './punches.repository';

/** How far ahead of the server's clock a punch may be (device clocks drift). */
export const FUTURE_TOLERANCE_SECONDS = 120;

export interface IngestResult {
  received: number;
  inserted: number;
  duplicates: number;
  rejected: RejectedLine[];
  /** Ids of the punches this request stored, in the order of their lines. */
  insertedIds: string[];
  /** The date each stored punch was assigned to (null: in no punch window). */
  assignedDates: Map<string, string | null>;
  /** The rows stored, and the company zone they were read in (a single clock-in answers with them). */
  stored: PunchRow[];
  zone: string | null;
}

const utcDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

interface Accepted extends PunchLine {
  staffId: string;
}

/** Where punches were assigned by the rules, so the month lock is checked on the right date. */
function assignedDates(people: Map<string, PersonDays>): Map<string, string> {
  const byPunch = new Map<string, string>();
  for (const person of people.values()) {
    for (const day of person.days) for (const punch of day.punches) if (punch.id) byPunch.set(punch.id, day.schedule.date);
  }
  return byPunch;
}

/**
 * The one path by which punches enter: batches, file imports, terminals, clock-ins and manual
 * punches. Idempotent (same person, same second: one punch), line by line (a bad line does not
 * sink the rest), month-lock aware, and the affected days are recomputed in the same transaction.
 */
@Injectable()
export class PunchIngestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly punches: PunchesRepository,
    private readonly attendance: AttendanceService,
    private readonly monthLock: MonthLockService,
    private readonly settings: SettingsRepository,
    private readonly policies: PolicyRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The zone local times are read in: a device's own zone when it has one, else the company's. */
  async timeZoneFor(actor: Actor): Promise<string> {
    if (actor.kind === 'device') {
      const rows: { time_zone: string | null }[] = await this.dataSource.query('SELECT time_zone FROM device WHERE id = $1', [actor.id]);
      if (rows[0]?.time_zone) return rows[0].time_zone;
    }
    return this.settings.timeZone();
  }

  async ingest(actor: Actor, lines: ParsedLine[], origin: Omit<PunchOrigin, 'createdBy'>, auditAction: string): Promise<IngestResult> {
    return this.dataSource.transaction((manager) => this.ingestIn(manager, actor, lines, origin, auditAction));
  }

  /**
   * `knownStaff` spares the lookup by employee number when the caller has the person already
   * (a clock-in): this path runs for every punch, so its round trips are counted.
   */
  async ingestIn(
    manager: EntityManager,
    actor: Actor,
    lines: ParsedLine[],
    origin: Omit<PunchOrigin, 'createdBy'>,
    auditAction: string,
    knownStaff?: Map<string, StaffByNumber>,
  ): Promise<IngestResult> {
    const now = this.clock.now();
    const rejected: RejectedLine[] = lines.filter((line): line is ParsedLine & { ok: false } => !line.ok).map(({ ok: _ok, ...rest }) => rest);
    const candidates = lines.filter((line): line is ParsedLine & { ok: true } => line.ok);
    const staff = knownStaff ?? (await this.punches.staffByEmployeeNo(manager, [...new Set(candidates.map((line) => line.employeeNo))]));
    const accepted: Accepted[] = [];
    for (const line of candidates) {
      const person = staff.get(line.employeeNo);
      if (!person) rejected.push({ index: line.index, reason: 'UNKNOWN_EMPLOYEE', message: `no staff member has employee number ${line.employeeNo}` });
      else if (!person.active) rejected.push({ index: line.index, reason: 'INACTIVE_EMPLOYEE', message: `${line.employeeNo} is no longer active` });
      else if (line.at.getTime() > now.getTime() + FUTURE_TOLERANCE_SECONDS * 1000) {
        rejected.push({ index: line.index, reason: 'TIME_IN_FUTURE', message: `${line.at.toISOString()} is in the future` });
      } else accepted.push({ ...line, staffId: person.id });
    }
    // Same person, same second: one punch, within this request as against the database.
    const unique = new Map<string, Accepted>();
    for (const line of accepted) {
      const key = `${line.staffId}|${line.at.getTime()}`;
      if (!unique.has(key)) unique.set(key, line);
    }
    const toInsert = [...unique.values()];
    if (toInsert.length === 0) return this.finish(manager, actor, origin, auditAction, now, lines.length, accepted.length, [], rejected, new Map(), [], null);
    // One policy for the whole span (UTC dates ± 2 days cover every zone's local dates and their neighbours).
    const instants = toInsert.map((line) => line.at.getTime()).sort((a, b) => a - b);
    const policy = await this.policies.load(manager, addDays(utcDate(instants[0]), -3), addDays(utcDate(instants[instants.length - 1]), 2));
    const zone = policy.timeZone;
    const localDates = toInsert.map((line) => localDate(line.at, zone));
    // Share-lock every month these punches could land in (a punch after midnight may belong to the day before).
    const closedMonths = await this.monthLock.shareLock(manager, localDates.flatMap((date) => [date, addDays(date, -1)]));
    const news: NewPunch[] = toInsert.map((line) => ({ staffId: line.staffId, at: line.at, sourceLabel: line.sourceLabel }));
    const inserted = await this.punches.insertNew(manager, news, { ...origin, createdBy: actor.id });
    const insertedIds: string[] = [];
    const assignedOf = new Map<string, string | null>();
    if (inserted.length > 0) {
      const byKey = new Map(toInsert.map((line) => [`${line.staffId}|${line.at.getTime()}`, line]));
      const sortedDates = [...localDates].sort();
      // A punch can belong to the shift of its local date or of either neighbour (windows reach past midnight).
      const scope = { staffIds: [...new Set(inserted.map((row) => row.staff_id))], from: addDays(sortedDates[0], -1), to: addDays(sortedDates[sortedDates.length - 1], 1) };
      await this.attendance.lockPeople(manager, scope.staffIds);
      const { people } = await this.attendance.compute(manager, scope, policy);
      const assigned = assignedDates(people);
      const refused: string[] = [];
      for (const row of inserted) {
        const date = assigned.get(row.id) ?? localDate(row.at, zone);
        const line = byKey.get(`${row.staff_id}|${row.at.getTime()}`) as Accepted;
        if (closedMonths.has(date.slice(0, 7))) {
          refused.push(row.id);
          rejected.push({ index: line.index, reason: 'MONTH_CLOSED', message: `${date} is in a month finance has closed` });
        } else {
          insertedIds.push(row.id);
          assignedOf.set(row.id, assigned.get(row.id) ?? null);
        }
      }
      if (refused.length > 0) {
        await this.punches.deleteUncommitted(manager, refused);
        await this.attendance.recompute(manager, scope);
      } else {
        await this.attendance.store(manager, scope, people, closedMonths);
      }
    }
    const kept = new Set(insertedIds);
    return this.finish(manager, actor, origin, auditAction, now, lines.length, accepted.length - inserted.length, insertedIds, rejected, assignedOf, inserted.filter((row) => kept.has(row.id)), zone);
  }

  private async finish(
    manager: EntityManager,
    actor: Actor,
    origin: Omit<PunchOrigin, 'createdBy'>,
    auditAction: string,
    now: Date,
    received: number,
    duplicates: number,
    insertedIds: string[],
    rejected: RejectedLine[],
    assignedDates: Map<string, string | null>,
    stored: PunchRow[],
    zone: string | null,
  ): Promise<IngestResult> {
    if (origin.deviceId) await this.punches.touchDevice(manager, origin.deviceId, now, insertedIds.length > 0);
    rejected.sort((a, b) => a.index - b.index);
    const result: IngestResult = { received, inserted: insertedIds.length, duplicates, rejected, insertedIds, assignedDates, stored, zone };
    await this.audit.record(manager, actor, {
      action: auditAction,
      entity: 'punch',
      entityId: insertedIds.length === 1 ? insertedIds[0] : null,
      after: { received, inserted: result.inserted, duplicates, rejected: rejected.length, source: origin.source },
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
