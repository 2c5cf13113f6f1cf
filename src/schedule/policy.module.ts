import { Module } from '@nestjs/common';
import { MonthLockService } from '../months/month-lock.service';
import { SettingsRepository } from '../settings/settings.repository';
import { ShiftsRepository } from '../shifts/shifts.repository';
import { PolicyRepository } from './policy.repository';

/** The stored rules every dated computation reads, and the month lock every dated write checks. */
@Module({
  providers: [SettingsRepository, ShiftsRepository, PolicyRepository, MonthLockService],
  exports: [SettingsRepository, ShiftsRepository, PolicyRepository, MonthLockService],
})
export class PolicyModule {}
