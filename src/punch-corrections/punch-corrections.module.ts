import { Module } from '@nestjs/common';
import { ApprovalsModule } from '../approvals/approvals.module';
import { AttendanceModule } from '../attendance/attendance.module';
import { PolicyModule } from '../policy/policy.module';
import { PunchesModule } from '../punches/punches.module';
import { StaffAccessModule } from '../staff/staff-access.module';
import { PunchCorrectionsController } from './punch-corrections.controller';
import { PunchCorrectionsRepository } from './punch-corrections.repository';
import { PunchCorrectionsService } from './punch-corrections.service';

/** Make-up punch requests (补卡): asked by the employee, decided through the approval workflow, applied as punches. */
@Module({
  imports: [PolicyModule, StaffAccessModule, ApprovalsModule, AttendanceModule, PunchesModule],
  controllers: [PunchCorrectionsController],
  providers: [PunchCorrectionsRepository, PunchCorrectionsService],
})
export class PunchCorrectionsModule {}
