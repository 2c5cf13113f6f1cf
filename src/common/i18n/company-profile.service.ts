import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_LANGUAGE, isLanguage, Language } from '../../domain/i18n/language';
import { SettingsRepository } from '../../policy/settings.repository';

export interface CompanyProfile {
  name: string;
  defaultLanguage: Language;
}

/** How long another instance's change of the default language may take to reach this one. */
const REFRESH_MS = 5000;

/**
 * The company's name and default language (the `company` row). Every request without a usable
 * Accept-Language reads in the default language, so the value is kept in memory and refreshed in
 * the background: answering an error, even "the database is down", never waits on the database.
 * A change made through this instance applies at once; other instances see it within REFRESH_MS.
 */
@Injectable()
export class CompanyProfileService implements OnModuleInit {
  private cached: CompanyProfile = { name: '', defaultLanguage: DEFAULT_LANGUAGE };
  private loadedAt = 0;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly settings: SettingsRepository) {}

  async onModuleInit(): Promise<void> {
    await this.refresh().catch(() => undefined);
  }

  /** The default language as last read; starts a background refresh when that is old. */
  defaultLanguage(): Language {
    if (Date.now() - this.loadedAt > REFRESH_MS && !this.refreshing) {
      this.refreshing = this.refresh()
        .catch(() => undefined)
        .finally(() => (this.refreshing = null));
    }
    return this.cached.defaultLanguage;
  }

  /** The profile read now (exports and the settings answer want it exact). */
  async read(manager?: EntityManager): Promise<CompanyProfile> {
    const stored = await this.settings.profile(manager);
    const profile = { name: stored.name, defaultLanguage: isLanguage(stored.defaultLanguage) ? stored.defaultLanguage : DEFAULT_LANGUAGE };
    this.cached = profile;
    this.loadedAt = Date.now();
    return profile;
  }

  async write(manager: EntityManager, profile: CompanyProfile): Promise<void> {
    await this.settings.setProfile(manager, profile);
  }

  /** Called once the transaction that wrote the profile has committed. */
  remember(profile: CompanyProfile): void {
    this.cached = profile;
    this.loadedAt = Date.now();
  }

  private async refresh(): Promise<void> {
    await this.read();
  }
}
