import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { startService } from './bootstrap/start-service';
import { loadConfig } from './config/app-config';
import { ConfigError } from './config/config.error';

async function main(): Promise<void> {
  const config = loadConfig();
  const service = await startService(config);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    new Logger('Kaoqin').log(`${signal} received: stopping the service and its database`);
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        new Logger('Kaoqin').error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
