import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { buildOpenApiDocument } from '../../src/common/openapi';
import { loadConfig } from '../../src/config/app-config';
import { OpenApiDocument, ResponseContract } from '../support/contract/response-contract';

/**
 * The run-wide half of the response check (test/setup/response-contract.ts is the per-file half):
 * the global setup writes the document the app generates, once; the global teardown adds up what
 * every file validated and, when the whole suite ran, fails unless every operation was exercised.
 */

export async function writeContractDocument(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kaoqin-contract-'));
  // Built as src/cli/openapi.ts does: never initialised, so nothing connects to a database.
  const config = { ...loadConfig({ NODE_ENV: 'test' }), databaseUrl: 'postgres://unused@127.0.0.1:1/unused', jwtSecret: 'x'.repeat(32) };
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: false, abortOnError: false, preview: true });
  const file = join(dir, 'openapi.json');
  await writeFile(file, JSON.stringify(buildOpenApiDocument(app)));
  await app.close();
  process.env.KAOQIN_OPENAPI_FILE = file;
  process.env.KAOQIN_CONTRACT_DIR = join(dir, 'files');
}

interface FileRecord {
  file: string;
  validated: number;
  operations: Record<string, number>;
  mismatches: number;
}

/** Spec files that write no record ran no test (filtered out), so the suite was not whole. */
async function specFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.spec.ts')).map((entry) => join(entry.parentPath, entry.name));
}

/** `testNamePattern`: with `-t`, every file runs but not every test, so coverage cannot be asked for. */
export async function reportContractRun(testNamePattern?: string): Promise<void> {
  const documentFile = process.env.KAOQIN_OPENAPI_FILE;
  const recordDir = process.env.KAOQIN_CONTRACT_DIR;
  if (!documentFile || !recordDir) return;
  const names = await readdir(recordDir).catch(() => [] as string[]);
  const records = await Promise.all(names.map(async (name) => JSON.parse(await readFile(join(recordDir, name), 'utf8')) as FileRecord));
  const all = new ResponseContract(JSON.parse(await readFile(documentFile, 'utf8')) as OpenApiDocument).operations();
  const exercised = new Set(records.flatMap((record) => Object.keys(record.operations)));
  const validated = records.reduce((sum, record) => sum + record.validated, 0);
  const mismatches = records.reduce((sum, record) => sum + record.mismatches, 0);
  const missing = all.filter((operation) => !exercised.has(operation));
  const whole = !testNamePattern && records.length > 0 && records.length >= (await specFiles(join(process.cwd(), 'test'))).length;
  process.stderr.write(
    `\nOpenAPI response check: ${validated} answers validated in ${records.length} files, ${mismatches} mismatches; ` +
      `${all.length - missing.length} of ${all.length} operations exercised${whole ? '' : ' (partial run)'}\n`,
  );
  await rm(join(documentFile, '..'), { recursive: true, force: true });
  if (!whole) return;
  if (validated === 0) throw new Error('The OpenAPI response check validated no answer: is test/setup/response-contract.ts still in setupFiles (vitest.config.mts)?');
  if (missing.length > 0) throw new Error(`No test received an answer from these documented operations, so the document is unchecked there:\n  ${missing.join('\n  ')}`);
}
