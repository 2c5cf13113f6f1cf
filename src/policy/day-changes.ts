import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaleDaysRepository, StaleSpan } from './stale-days.repository';

/** Whose days, over which dates, a write changed the facts of. `staffIds` null: everyone. */
export interface ChangedDays {
  staffIds: string[] | null;
  from: string;
  to: string;
}

/** Days from a date on, for rules that apply from a date (settings, shifts, the time zone, a hire date). */
export interface ChangedFrom {
  staffIds: string[] | null;
  from: string;
  /** The last date the change can affect (the day before the next version), else open-ended. */
  until?: string;
}

/** What the attendance engine does with an announcement: bring those days up to date in the same transaction. */
export interface DayChangeListener {
  daysChanged(manager: EntityManager, changed: ChangedDays): Promise<void>;
  daysChangedFrom(manager: EntityManager, changed: ChangedFrom): Promise<void>;
  /** Every stored day of a month not closed, from the first one on. */
  openDaysChanged(manager: EntityManager): Promise<void>;
}

/**
 * Writers announce which days their change touched; the attendance module listens and brings
 * those days up to date before the writer's transaction commits, so a committed change is never
 * seen with stale results. Writers thus depend on this announcement, not on the engine: the
 * dependency points down, and a new writer (make-up punches, overtime) needs no engine import.
 * Punches, which arrive by the thousand, are queued instead (`queue`).
 */
@Injectable()
export class DayChanges {
  private listener: DayChangeListener | null = null;

  constructor(private readonly staleDays: StaleDaysRepository) {}

  /**
   * Punches, by the thousand: their days are queued as stale in the same transaction and worked off
   * in the background (or by the first read), instead of being recomputed before the commit.
   */
  queue(manager: EntityManager, spans: StaleSpan[]): Promise<void> {
    return this.staleDays.enqueue(manager, spans);
  }

  /** Called once by the attendance module at start. */
  listen(listener: DayChangeListener): void {
    if (this.listener) throw new Error('DayChanges already has a listener');
    this.listener = listener;
  }

  /** The days in `changed` have new facts; they are recomputed within `manager`'s transaction. */
  async changed(manager: EntityManager, changed: ChangedDays): Promise<void> {
    if (changed.from > changed.to || (changed.staffIds !== null && changed.staffIds.length === 0)) return;
    await this.required().daysChanged(manager, changed);
  }

  /** A rule changed from a date on: the days from then to the last stored or current day are recomputed. */
  async changedFrom(manager: EntityManager, changed: ChangedFrom): Promise<void> {
    if (changed.staffIds !== null && changed.staffIds.length === 0) return;
    await this.required().daysChangedFrom(manager, changed);
  }

  /**
   * Everyone's stored days in months that are not closed have new facts (the company's time zone,
   * which decides how every punch reads): from the first of them on, they are recomputed.
   */
  async openDaysChanged(manager: EntityManager): Promise<void> {
    await this.required().openDaysChanged(manager);
  }

  private required(): DayChangeListener {
    // A write without the engine listening would commit facts whose days stay stale: refuse loudly.
    if (!this.listener) throw new Error('No attendance engine listens to DayChanges (AttendanceModule not loaded)');
    return this.listener;
  }
}
