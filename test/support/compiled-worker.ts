import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const REPO_ROOT = process.cwd();

/**
 * The attendance worker module compiled as the service ships it (CommonJS, by tsc), for tests that
 * run the TypeScript sources: worker threads load plain JavaScript, not jest's transformed modules.
 * Only the worker and what it imports (the pure rules) are compiled, into a directory inside the
 * repository so that its imports resolve to node_modules.
 */
export async function compileAttendanceWorker(): Promise<{ file: string; remove: () => Promise<void> }> {
  await mkdir(join(REPO_ROOT, 'dist'), { recursive: true });
  const outDir = await mkdtemp(join(REPO_ROOT, 'dist', 'test-worker-'));
  await execFileAsync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules/typescript/bin/tsc'),
      '--outDir', outDir, '--rootDir', join(REPO_ROOT, 'src'),
      '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'ES2023',
      '--esModuleInterop', '--skipLibCheck', '--resolveJsonModule', '--types', 'node',
      // Emit only: npm run typecheck checks these files; a busy machine took over a minute to check them again here.
      '--noCheck',
      join(REPO_ROOT, 'src/attendance/compute-worker.ts'),
    ],
    { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  return { file: join(outDir, 'attendance/compute-worker.js'), remove: () => rm(outDir, { recursive: true, force: true }) };
}
