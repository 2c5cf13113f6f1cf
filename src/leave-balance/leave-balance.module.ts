import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { StaffAccessModule } from '../staff/staff-access.module';
import { AllowanceRulesRepository } from './allowance-rules.repository';
import { CarryOverRepository } from './carry-over.repository';
import { CountedLeaveRepository } from './counted-leave.repository';
import { GrantRunsRepository } from './grant-runs.repository';
import { LeaveBalanceController } from './leave-balance.controller';
import { LeaveBalanceRepository } from './leave-balance.repository';
import { LeaveBalanceService } from './leave-balance.service';
import { LeaveBalanceSettingsService } from './leave-balance-settings.service';
import { LeaveChargesService } from './leave-charges.service';
import { LeaveGrantService } from './leave-grant.service';
import { LeaveGrantSweeper } from './leave-grant.sweeper';
import { LeaveStatementService } from './leave-statement.service';
import { LieuRepository } from './lieu.repository';
import { LieuService } from './lieu.service';

/**
 * Leave balances (issue 16): the ledger, the rules it is kept under, what leave requests charge
 * (LeaveChargesService, used by the leave module), the grant sweep, and the statutory days left
 * (LeaveStatementService, also read by the monthly report); time off in lieu (LieuService, issue 22).
 */
@Module({
  imports: [PolicyModule, StaffAccessModule],
  controllers: [LeaveBalanceController],
  providers: [
    LeaveBalanceRepository,
    AllowanceRulesRepository,
    CarryOverRepository,
    GrantRunsRepository,
    CountedLeaveRepository,
    LeaveBalanceService,
    LeaveBalanceSettingsService,
    LeaveChargesService,
    LeaveGrantService,
    LeaveGrantSweeper,
    LeaveStatementService,
    LieuRepository,
    LieuService,
  ],
  exports: [LeaveChargesService, LeaveStatementService, LieuService],
})
export class LeaveBalanceModule {}
