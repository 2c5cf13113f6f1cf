import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { digestDate, previousMonth } from '../domain/notifications/schedule';
import { NotificationSweepRepository } from './notification-sweep.repository';

/**
 * What time brings, looked for by the deliverer's sweep with the injected clock: reminders after
 * reminder_hours and escalations to the office after escalation_hours for requests still pending,
 * yesterday's problems once the company's clock reaches the digest hour, the last month ready to
 * close, terminals silent for terminal_silent_minutes, and lines terminals had refused.
 */
@Injectable()
export class NotificationSweep {
  constructor(private readonly sweep: NotificationSweepRepository) {}

  async run(manager: EntityManager, now: Date): Promise<number> {
    return manager.transaction(async (tx) => {
      const settings = await this.sweep.settings(tx);
      let found = 0;
      found += await this.sweep.overdueRequests(tx, now, settings.reminder_hours, false);
      found += await this.sweep.overdueRequests(tx, now, settings.escalation_hours, true);
      const date = digestDate(now, settings.time_zone, settings.digest_hour);
      if (date) found += await this.sweep.dailyProblems(tx, now, date);
      found += await this.sweep.monthReady(tx, now, previousMonth(now, settings.time_zone));
      found += await this.sweep.silentTerminals(tx, now, settings.terminal_silent_minutes);
      found += await this.sweep.rejectedLines(tx, now);
      return found;
    });
  }
}
