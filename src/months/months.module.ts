import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PolicyModule } from '../policy/policy.module';
import { ReportsModule } from '../reports/reports.module';
import { MonthsController } from './months.controller';
import { MonthsService } from './months.service';

/** The month close (H-ORG-2): above the report, whose full form a close stores as its snapshot. */
@Module({
  imports: [PolicyModule, AttendanceModule, ReportsModule, NotificationsModule],
  controllers: [MonthsController],
  providers: [MonthsService],
})
export class MonthsModule {}
