import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { MonthsController } from '../months/months.controller';
import { MonthsService } from '../months/months.service';
import { PolicyModule } from '../policy/policy.module';
import { StaffAccessModule } from '../staff/staff-access.module';
import { ExportSourceService } from './export/export-source.service';
import { FinancePolicyService } from './finance-policy.service';
import { MonthlyReportRepository } from './monthly-report.repository';
import { MonthlyReportService } from './monthly-report.service';
import { ReportsController } from './reports.controller';

/** Finance's side: the monthly report, the policy behind its money, and the month close. */
@Module({
  imports: [PolicyModule, AttendanceModule, StaffAccessModule],
  controllers: [ReportsController, MonthsController],
  providers: [MonthlyReportRepository, MonthlyReportService, ExportSourceService, FinancePolicyService, MonthsService],
})
export class ReportsModule {}
