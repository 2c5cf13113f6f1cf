import { Module } from '@nestjs/common';
import { CalendarOverridesRepository } from './calendar-overrides.repository';
import { CompanyClock } from './company-clock';
import { DayChanges } from './day-changes';
import { MonthLockService } from './month-lock.service';
import { MonthSnapshotsRepository } from './month-snapshots.repository';
import { PolicyRepository } from './policy.repository';
import { SettingsRepository } from './settings.repository';
import { ShiftsRepository } from './shifts.repository';
import { StaleDaysRepository } from './stale-days.repository';
import { StaffChanges } from './staff-changes';

/**
 * The policy layer, below every feature: the stored rules every dated computation reads, the month
 * lock every dated write checks, the company's clock, and the announcements of changed days and
 * changed staff.
 */
@Module({
  providers: [CalendarOverridesRepository, SettingsRepository, ShiftsRepository, PolicyRepository, MonthLockService, MonthSnapshotsRepository, CompanyClock, DayChanges, StaleDaysRepository, StaffChanges],
  exports: [CalendarOverridesRepository, SettingsRepository, ShiftsRepository, PolicyRepository, MonthLockService, MonthSnapshotsRepository, CompanyClock, DayChanges, StaleDaysRepository, StaffChanges],
})
export class PolicyModule {}
