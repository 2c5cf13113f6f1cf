import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../domain/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiSignedIn } from '../common/api-docs';
import { PutCompanyDto, PutSettingsDto, PutTimeZoneDto, SettingsDto, SettingVersionDto } from './dto/settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('settings')
@ApiSignedIn()
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Attendance settings: the version in force today and every version' })
  @ApiOkResponse({ type: SettingsDto })
  get(): Promise<SettingsDto> {
    return this.settings.get();
  }

  @Put()
  @Roles('admin', 'finance')
  @ApiOperation({
    summary: 'Change settings from a date on (admin, finance — H-ORG-2)',
    description: 'Creates (or replaces) the version starting on effectiveFrom; earlier dates keep their rules. The days it governs are recomputed. 409 MONTH_CLOSED when it would change a closed month.',
  })
  @ApiOkResponse({ type: SettingVersionDto })
  @ApiErrors(400, 403, 409)
  put(@CurrentActor() actor: Actor, @Body() body: PutSettingsDto): Promise<SettingVersionDto> {
    return this.settings.put(actor, body);
  }

  @Put('time-zone')
  @Roles('admin', 'finance')
  @ApiOperation({ summary: 'Change the company time zone (admin, finance)', description: 'Every day of an open month is recomputed in the new zone.' })
  @ApiOkResponse({ type: SettingsDto })
  @ApiErrors(400, 403)
  putTimeZone(@CurrentActor() actor: Actor, @Body() body: PutTimeZoneDto): Promise<SettingsDto> {
    return this.settings.putTimeZone(actor, body.timeZone);
  }

  @Put('company')
  @Roles('admin', 'finance')
  @ApiOperation({
    summary: 'Change the company name and default language (admin, finance)',
    description: 'defaultLanguage (zh-CN or en) is what answers, explanations and exports use when a request does not ask with Accept-Language; the name heads the reports.',
  })
  @ApiOkResponse({ type: SettingsDto })
  @ApiErrors(400, 403)
  putCompany(@CurrentActor() actor: Actor, @Body() body: PutCompanyDto): Promise<SettingsDto> {
    return this.settings.putCompany(actor, body);
  }
}
