import { Module } from '@nestjs/common';
import { StaffAccessService } from './staff-access.service';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({
  controllers: [StaffController],
  providers: [StaffRepository, StaffAccessService, StaffService],
  exports: [StaffRepository, StaffAccessService, StaffService],
})
export class StaffModule {}
