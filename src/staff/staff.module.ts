import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { PolicyModule } from '../schedule/policy.module';
import { StaffAccessModule } from './staff-access.module';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({
  imports: [StaffAccessModule, AttendanceModule, PolicyModule],
  controllers: [StaffController],
  providers: [StaffService],
  exports: [StaffService, StaffAccessModule],
})
export class StaffModule {}
