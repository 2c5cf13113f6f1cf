import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { StaffAccessModule } from '../staff/staff-access.module';
import { AttendanceSweeper } from './attendance-sweeper';
import { AttendanceViewService } from './attendance-view.service';
import { AttendanceController } from './attendance.controller';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceService } from './attendance.service';
import { CoversRepository } from './covers.repository';
import { DayComputePool } from './day-compute-pool';

@Module({
  imports: [PolicyModule, StaffAccessModule],
  controllers: [AttendanceController],
  providers: [AttendanceRepository, CoversRepository, DayComputePool, AttendanceService, AttendanceViewService, AttendanceSweeper],
  exports: [AttendanceService, AttendanceRepository, AttendanceSweeper],
})
export class AttendanceModule {}
