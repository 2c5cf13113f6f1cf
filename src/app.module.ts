import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendanceModule } from './attendance/attendance.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { Clock, SystemClock } from './policy/clock';
import { CoreModule } from './common/core.module';
import type { RuntimeConfig } from './config/runtime-config';
import { BACKGROUND_DATA_SOURCE } from './database/background-data-source';
import { ENTITIES } from './entities';
import { dataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { IclockModule } from './iclock/iclock.module';
import { ConductModule } from './conduct/conduct.module';
import { DevicesModule } from './devices/devices.module';
import { LeaveModule } from './leave/leave.module';
import { MonthsModule } from './months/months.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ApprovalsModule } from './approvals/approvals.module';
import { ObservabilityModule } from './observability/observability.module';
import { PositionsModule } from './positions/positions.module';
import { PunchesModule } from './punches/punches.module';
import { PunchCorrectionsModule } from './punch-corrections/punch-corrections.module';
import { OvertimeModule } from './overtime/overtime.module';
import { ReportsModule } from './reports/reports.module';
import { ScheduleModule } from './schedule/schedule.module';
import { SignInModule } from './sign-in/sign-in.module';
import { StaffModule } from './staff/staff.module';

export interface AppOverrides {
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, overrides.clock ?? new SystemClock()),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: config.databaseUrl, poolSize: config.databasePoolSize, queryTimeoutMs: config.databaseQueryTimeoutMs, acquireTimeoutMs: config.databaseAcquireTimeoutMs }),
          entities: ENTITIES,
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: config.databaseUrl,
            poolSize: config.databaseBackgroundPoolSize,
            queryTimeoutMs: config.databaseQueryTimeoutMs,
            acquireTimeoutMs: config.databaseAcquireTimeoutMs,
            applicationName: 'kaoqin-background',
          }),
          entities: ENTITIES,
          name: BACKGROUND_DATA_SOURCE,
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        ObservabilityModule,
        AuthModule.forRoot(config),
        StaffModule,
        SignInModule,
        PositionsModule,
        AuditModule,
        HealthModule,
        DevicesModule,
        ScheduleModule,
        AttendanceModule,
        PunchesModule,
        IclockModule,
        LeaveModule,
        PunchCorrectionsModule,
        OvertimeModule,
        ApprovalsModule,
        ReportsModule,
        MonthsModule,
        ConductModule,
        NotificationsModule,
      ],
    };
  }
}
