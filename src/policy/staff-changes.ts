import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PushedPerson } from '../domain/terminal/staff-push';

/** A staff write as others see it: who, and what a terminal shows of them before and after (null: not there). */
export interface StaffChange {
  staffId: string;
  before: PushedPerson | null;
  after: PushedPerson | null;
}

export interface StaffChangeListener {
  staffChanged(manager: EntityManager, change: StaffChange): Promise<void>;
}

/**
 * Staff writers announce a change of a person's employee number, name or employment; listeners
 * (the terminals, which are pushed the people entered here) act within the writer's transaction,
 * so that a rolled-back write leaves nothing behind. The staff module thus needs no devices import,
 * as with DayChanges. With no listener (a tool without the devices module) nothing else happens.
 */
@Injectable()
export class StaffChanges {
  private readonly listeners: StaffChangeListener[] = [];

  /** Called once by each listening module at start. */
  listen(listener: StaffChangeListener): void {
    this.listeners.push(listener);
  }

  async announce(manager: EntityManager, change: StaffChange): Promise<void> {
    const { before, after } = change;
    const same = before !== null && after !== null && before.employeeNo === after.employeeNo && before.name === after.name && before.active === after.active;
    if (same || (before === null && after === null)) return;
    for (const listener of this.listeners) await listener.staffChanged(manager, change);
  }
}
