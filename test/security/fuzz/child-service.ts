import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { builtMain } from '../../setup/service-build';
import { cloneTestDatabase } from '../../support/test-app';

/**
 * The service as its own process, for requests that may block it for good (a request that loops
 * forever stops every other request of its process, the test's own timers included), from the
 * run's one build (test/setup/service-build.ts).
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
    const database = await cloneTestDatabase();
    return new ChildService(dirname(dirname(builtMain())), database.url, database.drop, `admin-${randomBytes(6).toString('hex')}`);
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
  }
}
