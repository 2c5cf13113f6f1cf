import { StaffCredentials } from '../auth/credentials';
import { StaffRepository } from './staff.repository';
import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { StaffAccessModule } from './staff-access.module';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({
  imports: [StaffAccessModule, PolicyModule],
  controllers: [StaffController],
  // The guard reads staff through its port (auth/credentials.ts); the staff rows answer it.
  providers: [StaffService, { provide: StaffCredentials, useExisting: StaffRepository }],
  exports: [StaffService, StaffAccessModule, StaffCredentials],
})
export class StaffModule {}
