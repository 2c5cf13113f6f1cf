import { Module } from '@nestjs/common';
import { StaffAccessService } from './staff-access.service';
import { StaffRepository } from './staff.repository';

/** Who may see whom: needed by every feature, so it depends on nothing but the staff table. */
@Module({ providers: [StaffRepository, StaffAccessService], exports: [StaffRepository, StaffAccessService] })
export class StaffAccessModule {}
