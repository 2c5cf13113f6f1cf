import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { cloneTestDatabase } from '../../support/test-app';

const execFileAsync = promisify(execFile);
const REPO_ROOT = resolve(process.cwd());

/**
 * The service as its own process, for requests that may block it for good (a request that loops
 * forever stops every other request of its process, the test's own timers included). Compiled
 * without type-checking into a temporary directory, so that the repository's dist/ is not touched.
 */
export class ChildService {
  private child: ChildProcess | null = null;
  private output = '';
  private constructor(
    private readonly buildDir: string,
    private readonly databaseUrl: string,
    private readonly dropDatabase: () => Promise<void>,
    readonly adminPassword: string,
  ) {}

  static async build(): Promise<ChildService> {
    const buildDir = await mkdtemp(join(tmpdir(), 'kaoqin-fuzz-build-'));
    await execFileAsync(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', buildDir, '--noCheck', '--sourceMap', 'false'], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    // Node resolves packages by walking up from the compiled files.
    await symlink(join(REPO_ROOT, 'node_modules'), join(buildDir, 'node_modules'), 'dir');
    const database = await cloneTestDatabase();
    return new ChildService(buildDir, database.url, database.drop, `admin-${randomBytes(6).toString('hex')}`);
  }

  /** Starts the service and returns its port. */
  async start(timeoutMs = 30_000): Promise<number> {
    this.output = '';
    const child = spawn(process.execPath, [join(this.buildDir, 'src/main.js')], {
      cwd: this.buildDir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'log',
        DATABASE_URL: this.databaseUrl,
        DATA_DIR: join(this.buildDir, 'data'),
        JWT_SECRET: randomBytes(32).toString('hex'),
        ADMIN_PASSWORD: this.adminPassword,
        ATTENDANCE_SWEEP_SECONDS: '0',
        LEAVE_GRANT_SWEEP_SECONDS: '0',
        RATE_LIMIT_PER_MINUTE: '100000000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    return new Promise<number>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`the service did not start within ${timeoutMs} ms:\n${this.output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString('utf8');
        const listening = /Listening on http:\/\/localhost:(\d+)/.exec(this.output);
        if (listening) {
          clearTimeout(timer);
          done(Number(listening[1]));
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`the service exited (${code ?? signal}):\n${this.output}`));
      });
    });
  }

  /** SIGKILL: a process stuck in a loop does not answer SIGTERM. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGKILL');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.kill();
    await this.dropDatabase();
    await unlink(join(this.buildDir, 'node_modules'));
    await rm(this.buildDir, { recursive: true, force: true });
  }
}
