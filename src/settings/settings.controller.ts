import { Body } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { PutRoute, ReadRoute, SignedInController } from '../common/routes';
import { PutCompanyDto, PutSettingsDto, PutTimeZoneDto, SettingsDto, SettingVersionDto } from './dto/settings.dto';
import { SettingsService } from './settings.service';

@SignedInController('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @ReadRoute(undefined, SettingsDto, { summary: 'Attendance settings: the version in force today and every version' })
  get(): Promise<SettingsDto> {
    return this.settings.get();
  }

  @PutRoute(undefined, SettingVersionDto, {
    summary: 'Change settings from a date on (admin, finance — H-ORG-2)',
    description: 'Creates (or replaces) the version starting on effectiveFrom; earlier dates keep their rules. The days it governs are recomputed. 409 MONTH_CLOSED when it would change a closed month.',
    errors: [400, 403, 409],
  })
  @Roles('admin', 'finance')
  put(@CurrentActor() actor: Actor, @Body() body: PutSettingsDto): Promise<SettingVersionDto> {
    return this.settings.put(actor, body);
  }

  @PutRoute('time-zone', SettingsDto, { summary: 'Change the company time zone (admin, finance)', description: 'Every day of an open month is recomputed in the new zone.', errors: [400, 403] })
  @Roles('admin', 'finance')
  putTimeZone(@CurrentActor() actor: Actor, @Body() body: PutTimeZoneDto): Promise<SettingsDto> {
    return this.settings.putTimeZone(actor, body.timeZone);
  }

  @PutRoute('company', SettingsDto, {
    summary: 'Change the company name and default language (admin, finance)',
    description: 'defaultLanguage (zh-CN or en) is what answers, explanations and exports use when a request does not ask with Accept-Language; the name heads the reports.',
    errors: [400, 403],
  })
  @Roles('admin', 'finance')
  putCompany(@CurrentActor() actor: Actor, @Body() body: PutCompanyDto): Promise<SettingsDto> {
    return this.settings.putCompany(actor, body);
  }
}
