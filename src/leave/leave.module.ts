import { Module } from '@nestjs/common';
import { ApprovalsModule } from '../approvals/approvals.module';
import { ConductModule } from '../conduct/conduct.module';
import { LeaveBalanceModule } from '../leave-balance/leave-balance.module';
import { ExemptionsController } from '../exemptions/exemptions.controller';
import { ExemptionsRepository } from '../exemptions/exemptions.repository';
import { ExemptionsService } from '../exemptions/exemptions.service';
import { PolicyModule } from '../policy/policy.module';
import { StaffAccessModule } from '../staff/staff-access.module';
import { LeaveTypesRepository } from './leave-types.repository';
import { LeaveTypesService } from './leave-types.service';
import { LeaveController } from './leave.controller';
import { LeaveRepository } from './leave.repository';
import { LeaveService } from './leave.service';

/** Requests that excuse attendance — leave and business trips — run through the approval workflow. */
@Module({
  imports: [PolicyModule, StaffAccessModule, ApprovalsModule, ConductModule, LeaveBalanceModule],
  controllers: [LeaveController, ExemptionsController],
  providers: [LeaveRepository, LeaveService, LeaveTypesRepository, LeaveTypesService, ExemptionsRepository, ExemptionsService],
  exports: [ExemptionsService],
})
export class LeaveModule {}
