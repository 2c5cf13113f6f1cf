import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { StaffAccessModule } from './staff-access.module';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({
  imports: [StaffAccessModule, PolicyModule],
  controllers: [StaffController],
  providers: [StaffService],
  exports: [StaffService, StaffAccessModule],
})
export class StaffModule {}
