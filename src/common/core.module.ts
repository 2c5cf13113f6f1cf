import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { RUNTIME_CONFIG, RuntimeConfig } from '../config/runtime-config';
import { Clock } from '../policy/clock';
import { SettingsRepository } from '../policy/settings.repository';
import { CompanyProfileService } from './i18n/company-profile.service';

/**
 * What every feature may inject: the configuration, the clock, the audit trail and the company's
 * name and language (read through the company row's owner, a stateless repository of the policy layer).
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: RuntimeConfig, clock: Clock): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: RUNTIME_CONFIG, useValue: config }, { provide: Clock, useValue: clock }, AuditService, SettingsRepository, CompanyProfileService],
      exports: [RUNTIME_CONFIG, Clock, AuditService, CompanyProfileService],
    };
  }
}
