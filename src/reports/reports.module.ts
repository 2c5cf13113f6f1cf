import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { LeaveBalanceModule } from '../leave-balance/leave-balance.module';
import { PolicyModule } from '../policy/policy.module';
import { PositionsModule } from '../positions/positions.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { StaffAccessModule } from '../staff/staff-access.module';
import { ExportSourceService } from './export/export-source.service';
import { FinancePolicyRepository } from './finance-policy.repository';
import { FinancePolicyService } from './finance-policy.service';
import { MonthlyReportRepository } from './monthly-report.repository';
import { MonthlyReportService } from './monthly-report.service';
import { ReportsController } from './reports.controller';

/** Finance's report: the monthly report, its exports and the policy behind its money. */
@Module({
  imports: [PolicyModule, AttendanceModule, StaffAccessModule, ScheduleModule, PositionsModule, LeaveBalanceModule],
  controllers: [ReportsController],
  providers: [MonthlyReportRepository, FinancePolicyRepository, MonthlyReportService, ExportSourceService, FinancePolicyService],
  exports: [MonthlyReportService, ExportSourceService],
})
export class ReportsModule {}
