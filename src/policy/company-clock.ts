import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { localDate } from '../domain/time/company-time';
import { Clock } from './clock';
import { SettingsRepository } from './settings.repository';

/**
 * The one way to learn the company's time zone and today's date in it. "Now" comes from the
 * injected Clock, so tests stand on any day; the zone from the company row (H-ORG-2 decisions).
 */
@Injectable()
export class CompanyClock {
  constructor(
    private readonly clock: Clock,
    private readonly settings: SettingsRepository,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  zone(manager?: EntityManager): Promise<string> {
    return this.settings.timeZone(manager);
  }

  /** Today's date (YYYY-MM-DD) in company time; inside a transaction, as that transaction sees the zone. */
  async today(manager?: EntityManager): Promise<string> {
    return localDate(this.clock.now(), await this.settings.timeZone(manager));
  }
}
