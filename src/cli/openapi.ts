import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { buildOpenApiDocument } from '../common/openapi';
import { loadConfig } from '../config/app-config';

/**
 * Prints the OpenAPI document without a database (for spectral in CI): the app is built with
 * `abortOnError: false` and never initialised, so nothing connects.
 */
async function main(): Promise<void> {
  const config = { ...loadConfig({ NODE_ENV: 'test' }), databaseUrl: 'postgres://unused@127.0.0.1:1/unused', jwtSecret: 'x'.repeat(32) };
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: false, abortOnError: false, preview: true });
  process.stdout.write(`${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  process.exit(0);
}

void main();
