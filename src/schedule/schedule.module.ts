import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { CalendarController } from '../calendar/calendar.controller';
import { CalendarService } from '../calendar/calendar.service';
import { RosterController } from '../roster/roster.controller';
import { RosterRepository } from '../roster/roster.repository';
import { RosterService } from '../roster/roster.service';
import { SettingsController } from '../settings/settings.controller';
import { SettingsService } from '../settings/settings.service';
import { ShiftsController } from '../shifts/shifts.controller';
import { ShiftsService } from '../shifts/shifts.service';
import { StaffAccessModule } from '../staff/staff-access.module';
import { PolicyModule } from '../policy/policy.module';
import { ScheduleController } from './schedule.controller';

/** The editable rules behind schedules: settings, shifts, calendar and duty roster, and the schedule view. */
@Module({
  imports: [PolicyModule, AttendanceModule, StaffAccessModule],
  controllers: [SettingsController, ShiftsController, CalendarController, RosterController, ScheduleController],
  providers: [SettingsService, ShiftsService, CalendarService, RosterService, RosterRepository],
  exports: [RosterService],
})
export class ScheduleModule {}
