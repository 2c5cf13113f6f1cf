import { Module } from '@nestjs/common';
import { PolicyModule } from '../schedule/policy.module';
import { StaffAccessModule } from '../staff/staff-access.module';
import { AttendanceSweeper } from './attendance-sweeper';
import { AttendanceViewService } from './attendance-view.service';
import { AttendanceController } from './attendance.controller';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceService } from './attendance.service';
import { CoversRepository } from './covers.repository';
import { StaleDaysRepository } from './stale-days.repository';

@Module({
  imports: [PolicyModule, StaffAccessModule],
  controllers: [AttendanceController],
  providers: [AttendanceRepository, CoversRepository, StaleDaysRepository, AttendanceService, AttendanceViewService, AttendanceSweeper],
  exports: [AttendanceService, AttendanceRepository, StaleDaysRepository, AttendanceSweeper],
})
export class AttendanceModule {}
