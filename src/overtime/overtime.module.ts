import { Module } from '@nestjs/common';
import { ApprovalsModule } from '../approvals/approvals.module';
import { AttendanceModule } from '../attendance/attendance.module';
import { PolicyModule } from '../policy/policy.module';
import { StaffAccessModule } from '../staff/staff-access.module';
import { OvertimeController } from './overtime.controller';
import { OvertimeRepository } from './overtime.repository';
import { OvertimeService } from './overtime.service';

/** Overtime requests (加班): asked by the employee, decided through the approval workflow, credited by the attendance engine. */
@Module({
  imports: [PolicyModule, StaffAccessModule, ApprovalsModule, AttendanceModule],
  controllers: [OvertimeController],
  providers: [OvertimeRepository, OvertimeService],
})
export class OvertimeModule {}
