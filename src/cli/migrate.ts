import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { runMigrations } from '../database/data-source-options';
import { startEmbeddedDatabase } from '../database/embedded-database';
import { ensureDatabase } from '../database/ensure-database';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL, or to the embedded database. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.databaseUrl) {
    const applied = await runMigrations({ url: config.databaseUrl, poolSize: 2 });
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply');
    return;
  }
  const embedded = await startEmbeddedDatabase({ dir: config.dataDir });
  try {
    await ensureDatabase(embedded.adminUrl, 'kaoqin');
    const applied = await runMigrations({ url: embedded.urlFor('kaoqin'), poolSize: 2 });
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply');
  } finally {
    await embedded.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
