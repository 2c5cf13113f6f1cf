import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Logger, LoggerService } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RunningService, startService } from '../../../src/bootstrap/start-service';
import { loadConfig } from '../../../src/config/app-config';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../../src/config/runtime-config';
import type { TestApp } from '../../support/test-app';
import { ADMIN_PASSWORD, settleQueue } from '../../support/test-app';

export const execFileAsync = promisify(execFile);

/** The repository root: vitest (npm test) runs from it. */
export const REPO_ROOT = resolve(process.cwd());

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A TCP port nobody listens on right now (for a child process, whose PORT=0 port we could not read). */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Polls `probe` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = undefined;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(intervalMs);
  }
}

/** Runs one statement on its own connection (never through a service's pool). */
export async function query<T extends object = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Collects what the service logs instead of printing it (expected 503s log their stack as errors). */
export class CollectingLogger implements LoggerService {
  readonly lines: { level: string; message: string }[] = [];
  private push(level: string, message: unknown): void {
    this.lines.push({ level, message: message instanceof Error ? (message.stack ?? message.message) : String(message) });
  }
  log(message: unknown): void {
    this.push('log', message);
  }
  error(message: unknown): void {
    this.push('error', message);
  }
  warn(message: unknown): void {
    this.push('warn', message);
  }
  debug(message: unknown): void {
    this.push('debug', message);
  }
  verbose(message: unknown): void {
    this.push('verbose', message);
  }
  fatal(message: unknown): void {
    this.push('fatal', message);
  }
}

export interface InProcessService {
  service: RunningService;
  /** The service seen as actors.ts expects (login, newStaff go through `http()`). */
  t: TestApp;
  url: string;
  stop(): Promise<void>;
}

/**
 * One instance of the service started the way main.ts starts it (`startService(loadConfig(env))`),
 * inside this process, on 127.0.0.1 and a free port. The background sweep and the queue of stale
 * days are off unless asked for (`t.settle()` works the queue off).
 */
export async function startInProcess(env: Record<string, string>, logger: LoggerService = new CollectingLogger()): Promise<InProcessService> {
  const service = await startService(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      ADMIN_PASSWORD,
      ATTENDANCE_SWEEP_SECONDS: '0',
      LEAVE_GRANT_SWEEP_SECONDS: '0',
      ATTENDANCE_QUEUE_MS: '0',
      LOG_LEVEL: 'error',
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
    }),
  );
  // startService set the global logger to its levels; from here on, collect instead of printing.
  Logger.overrideLogger(logger);
  const dataSource = service.app.get(DataSource);
  const config = service.app.get<RuntimeConfig>(RUNTIME_CONFIG);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await service.stop();
  };
  const t: TestApp = {
    app: service.app,
    http: () => request(service.url),
    dataSource,
    config,
    databaseUrl: config.databaseUrl,
    sql: (text, params) => dataSource.query(text, params),
    settle: () => settleQueue(service.app),
    close: stop,
  };
  return { service, t, url: service.url, stop };
}

export const randomSecret = () => randomBytes(32).toString('hex');

/** The one error body (README: "One error shape everywhere"). */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details: { field: string; message: string }[];
}

export function isErrorShape(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return (
    Object.keys(candidate).sort().join(',') === 'code,details,message,statusCode' &&
    typeof candidate.statusCode === 'number' &&
    typeof candidate.code === 'string' &&
    typeof candidate.message === 'string' &&
    Array.isArray(candidate.details)
  );
}

/** Inserts `count` active staff straight into the table (far faster than the API for thousands). */
export async function insertStaff(url: string, prefix: string, count: number, hiredOn = '2025-01-01'): Promise<{ id: string; employeeNo: string }[]> {
  return query<{ id: string; employeeNo: string }>(
    url,
    `INSERT INTO staff (employee_no, name, username, hired_on)
       SELECT $1 || lpad(g::text, 5, '0'), 'Fault test ' || g, lower($1) || '_' || g, $3::date FROM generate_series(1, $2::int) AS g
     RETURNING id, employee_no AS "employeeNo"`,
    [prefix, count, hiredOn],
  ).then((rows) => rows.sort((a, b) => a.employeeNo.localeCompare(b.employeeNo)));
}

/**
 * `perPerson` punches for each person on the workdays from `firstDay` (YYYY-MM-DD) on, two per day
 * (an arrival near 08:25 and a departure near 17:35, China time), every one a distinct second.
 */
export function punchLines(people: { employeeNo: string }[], workdays: string[], salt = 0): { employeeNo: string; at: string }[] {
  const lines: { employeeNo: string; at: string }[] = [];
  people.forEach((person, i) => {
    for (const day of workdays) {
      const s = (i * 7 + salt) % 60;
      const m = (i + salt) % 9;
      lines.push({ employeeNo: person.employeeNo, at: `${day}T08:${String(20 + m).padStart(2, '0')}:${String(s).padStart(2, '0')}+08:00` });
      lines.push({ employeeNo: person.employeeNo, at: `${day}T17:${String(31 + m).padStart(2, '0')}:${String(s).padStart(2, '0')}+08:00` });
    }
  });
  return lines;
}

/** Workdays (Monday to Friday, no statutory holiday) of November 2026 up to the 20th. */
export const NOVEMBER_WORKDAYS = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13', '16', '17', '18', '19', '20'].map((d) => `2026-11-${d}`);
/** Ordinary workdays (Monday to Friday) of October 2026 after the National Day week (1–7 October). */
export const OCTOBER_WORKDAYS = ['12', '13', '14', '15', '16', '19', '20', '21', '22', '23', '26', '27', '28', '29', '30'].map((d) => `2026-10-${d}`);

/** `node <build>/src/main.js` as a child process, the way an operator runs it (the build: builtMain()). */
export class ChildService {
  private child: ChildProcess | null = null;
  private output = '';
  readonly url: string;

  constructor(
    private readonly mainJs: string,
    private readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get log(): string {
    return this.output;
  }

  async start(timeoutMs = 30000): Promise<void> {
    const child = spawn(process.execPath, [this.mainJs], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(this.port), LOG_LEVEL: 'log', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    const exited = new Promise<never>((_, fail) => child.once('exit', (code, signal) => fail(new Error(`the service exited (${code ?? signal}) while starting:\n${this.output}`))));
    exited.catch(() => undefined);
    await Promise.race([
      exited,
      waitFor('the service to listen', async () => (this.output.includes('Listening on') ? true : undefined), timeoutMs),
    ]);
  }

  /** SIGKILL: no shutdown hook, no rollback from our side, nothing flushed. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  /** A clean stop (SIGTERM), then SIGKILL if it does not stop in time. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }
}
