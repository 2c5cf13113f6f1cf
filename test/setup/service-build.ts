import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The service compiled once per run for the tests that start it as its own process (`node
 * <dir>/src/main.js`: the fault suites, the fuzzer's child service). Each of those files built it
 * itself before, two of them type-checking as they went: about a minute of CPU per run. Here without
 * type-checking (`npm run typecheck` does that), into a temporary directory, so that the repository's
 * dist/ (which CI's build writes at the same time) is not touched.
 */
export async function buildService(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const root = resolve(process.cwd());
  const dir = await mkdtemp(join(tmpdir(), 'kaoqin-service-build-'));
  await promisify(execFile)(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', dir, '--noCheck', '--sourceMap', 'false'], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  // Node resolves packages by walking up from the compiled files.
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const remove = async () => {
    // The link first, lest anything follow it into the repository's node_modules.
    await unlink(join(dir, 'node_modules')).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  return { dir, remove };
}

/** The entry point of this run's build (test/setup/global-setup.ts builds it). */
export function builtMain(): string {
  const dir = process.env.KAOQIN_SERVICE_BUILD;
  if (!dir) throw new Error('KAOQIN_SERVICE_BUILD is not set: the global setup (test/setup/global-setup.ts) builds the service');
  return join(dir, 'src/main.js');
}
