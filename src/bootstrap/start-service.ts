import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { configureApp } from '../app.setup';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../policy/clock';
import type { AppConfig } from '../config/app-config';
import type { RuntimeConfig } from '../config/runtime-config';
import { runMigrations } from '../database/data-source-options';
import { EmbeddedDatabase, startEmbeddedDatabase } from '../database/embedded-database';
import { ensureDatabase } from '../database/ensure-database';
import { createLogger, PinoLoggerService } from '../observability/logger';
import { resolveJwtSecret } from './jwt-secret';
import { seedFirstAdmin } from './seed-admin';

export interface RunningService {
  app: INestApplication;
  url: string;
  stop(): Promise<void>;
}

function describeServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

/** Database (embedded or external), migrations, first admin, HTTP: the whole start sequence. */
export async function startService(config: AppConfig): Promise<RunningService> {
  // One logger for the framework, our own lines and the request lines: JSON (or text) at LOG_LEVEL.
  const appLogger = createLogger(config);
  const nestLogger = new PinoLoggerService(appLogger);
  Logger.overrideLogger(nestLogger);
  const logger = new Logger('Kaoqin');
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === null) {
    const log = config.logLevel === 'debug' ? (message: string) => logger.debug(message.trim()) : undefined;
    embedded = await startEmbeddedDatabase({ dir: config.dataDir, log });
    await ensureDatabase(embedded.adminUrl, 'kaoqin');
    databaseUrl = embedded.urlFor('kaoqin');
    logger.log(`Database: embedded PostgreSQL (data in ${config.dataDir}/pg, ${describeServer(databaseUrl)})`);
  } else {
    logger.log(`Database: PostgreSQL server at ${describeServer(databaseUrl)} (DATABASE_URL)`);
  }
  try {
    const applied = await runMigrations({ url: databaseUrl, poolSize: 2 });
    if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
    const runtime: RuntimeConfig = { ...config, databaseUrl, jwtSecret: await resolveJwtSecret(config.jwtSecret, config.dataDir) };
    const app = await NestFactory.create(AppModule.forRoot(runtime), { logger: nestLogger, bodyParser: false });
    configureApp(app, config, appLogger);
    app.enableShutdownHooks();
    const seeded = await seedFirstAdmin(app.get(DataSource), app.get(AuditService), config.adminPassword, app.get(Clock).now());
    if (seeded?.generatedPassword) {
      logger.log(`Created the first administrator "${seeded.username}" with the password: ${seeded.generatedPassword}  (shown once; change it)`);
    } else if (seeded) {
      logger.log(`Created the first administrator "${seeded.username}" with ADMIN_PASSWORD`);
    }
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address() as { port: number };
    const url = `http://localhost:${address.port}`;
    logger.log(`Listening on ${url} — API docs at ${url}/docs`);
    return {
      app,
      url,
      stop: async () => {
        await app.close();
        if (embedded) await embedded.stop();
      },
    };
  } catch (error) {
    if (embedded) await embedded.stop();
    throw error;
  }
}
