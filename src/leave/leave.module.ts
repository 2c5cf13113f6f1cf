import { Module } from '@nestjs/common';
import { ApprovalEventsRepository } from '../approvals/approval-events.repository';
import { ApprovalsController } from '../approvals/approvals.controller';
import { ConductModule } from '../conduct/conduct.module';
import { ExemptionsController } from '../exemptions/exemptions.controller';
import { ExemptionsRepository } from '../exemptions/exemptions.repository';
import { ExemptionsService } from '../exemptions/exemptions.service';
import { PolicyModule } from '../policy/policy.module';
import { StaffAccessModule } from '../staff/staff-access.module';
import { LeaveTypesService } from './leave-types.service';
import { LeaveController } from './leave.controller';
import { LeaveRepository } from './leave.repository';
import { LeaveService } from './leave.service';

/** Requests that excuse attendance — leave and business trips — and their approvals inbox. */
@Module({
  imports: [PolicyModule, StaffAccessModule, ConductModule],
  controllers: [LeaveController, ExemptionsController, ApprovalsController],
  providers: [LeaveRepository, LeaveService, LeaveTypesService, ExemptionsRepository, ExemptionsService, ApprovalEventsRepository],
  exports: [ExemptionsService],
})
export class LeaveModule {}
