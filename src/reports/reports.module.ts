import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { PolicyModule } from '../policy/policy.module';
import { StaffAccessModule } from '../staff/staff-access.module';
import { ExportSourceService } from './export/export-source.service';
import { FinancePolicyService } from './finance-policy.service';
import { MonthlyReportRepository } from './monthly-report.repository';
import { MonthlyReportService } from './monthly-report.service';
import { ReportsController } from './reports.controller';

/** Finance's report: the monthly report, its exports and the policy behind its money. */
@Module({
  imports: [PolicyModule, AttendanceModule, StaffAccessModule],
  controllers: [ReportsController],
  providers: [MonthlyReportRepository, MonthlyReportService, ExportSourceService, FinancePolicyService],
  exports: [MonthlyReportService, ExportSourceService],
})
export class ReportsModule {}
