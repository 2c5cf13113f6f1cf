import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { AttendanceService } from '../../src/attendance/attendance.service';
import { AuditService } from '../../src/audit/audit.service';
import { seedFirstAdmin } from '../../src/bootstrap/seed-admin';
import type { Clock } from '../../src/policy/clock';
import { loadConfig } from '../../src/config/app-config';
import type { RuntimeConfig } from '../../src/config/runtime-config';
import { type AppLogger, createLogger, PinoLoggerService, silentLogger } from '../../src/observability/logger';
import { adminQuery, assertTestDatabaseName, withDatabase } from '../setup/test-database';

export const ADMIN_PASSWORD = 'admin-password-1';

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  config: RuntimeConfig;
  databaseUrl: string;
  /** Runs SQL directly against this file's database (for checks the API does not expose). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Works off the queue of stale days, as the background job does every ATTENDANCE_QUEUE_MS (off in tests). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** A database of the file's own, cloned from the migrated template. */
export async function cloneTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.KAOQIN_TEST_ADMIN_URL;
  const template = process.env.KAOQIN_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('The global setup (test/setup/global-setup.ts) did not run');
  const name = `kaoqin_test_${randomBytes(6).toString('hex')}`;
  assertTestDatabaseName(name);
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`);
      break;
    } catch (error) {
      // Two files cloning at the same instant can see each other on the template; try again.
      if (attempt >= 10 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  };
}

/** Works off the queue of stale days of an app whose background job is off, as that job would. */
export async function settleQueue(app: INestApplication): Promise<void> {
  while ((await app.get(AttendanceService).drainQueue()) > 0);
}

/**
 * `log`: where the app's log lines go (a test reading them); otherwise silent, or errors and warnings with TEST_LOG.
 * `sharedWith`: a second app on another app's database (seeded already, dropped by that app's close).
 */
export async function startTestApp(
  options: { clock?: Clock; config?: Partial<RuntimeConfig>; log?: AppLogger; sharedWith?: TestApp } = {},
): Promise<TestApp> {
  const shared = options.sharedWith;
  const database = shared ? { url: shared.databaseUrl, drop: async () => undefined } : await cloneTestDatabase();
  const config: RuntimeConfig = {
    // The background sweeps are driven by hand in tests (AttendanceSweeper.sweep(), LeaveGrantSweeper.run(), NotificationDeliverer.deliverOnce()).
    ...loadConfig({ NODE_ENV: 'test', ATTENDANCE_SWEEP_SECONDS: '0', ATTENDANCE_QUEUE_MS: '0', LEAVE_GRANT_SWEEP_SECONDS: '0', NOTIFY_DELIVERY_MS: '0', NOTIFY_SWEEP_SECONDS: '0' }),
    ...options.config,
    databaseUrl: database.url,
    jwtSecret: shared?.config.jwtSecret ?? randomBytes(32).toString('hex'),
  };
  const log = options.log ?? (process.env.TEST_LOG ? createLogger({ logLevel: 'warn', logFormat: 'text' }) : silentLogger());
  const app = await NestFactory.create(AppModule.forRoot(config, { clock: options.clock }), {
    logger: options.log || process.env.TEST_LOG ? new PinoLoggerService(log) : false,
    bodyParser: false,
  });
  configureApp(app, config, log);
  await app.init();
  const dataSource = app.get(DataSource);
  if (!shared) await seedFirstAdmin(dataSource, app.get(AuditService), ADMIN_PASSWORD, options.clock?.now() ?? new Date());
  return {
    app,
    http: () => request(app.getHttpServer()),
    dataSource,
    config,
    databaseUrl: database.url,
    sql: (text, params) => dataSource.query(text, params),
    settle: () => settleQueue(app),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
