import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { ConfigError } from './config.error';

/** Everything the process reads from its environment, validated once at start. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Set: use that PostgreSQL server. Unset: start the embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | null;
  databasePoolSize: number;
  /** A query waiting longer on the database fails (503) instead of hanging the request. */
  databaseQueryTimeoutMs: number;
  /** A request waiting longer than this for a free connection of the pool answers 503 DATABASE_BUSY. */
  databaseAcquireTimeoutMs: number;
  /** Connections of the background work's own pool (queue of stale days, sweep): requests never take them. */
  databaseBackgroundPoolSize: number;
  /** Node's headersTimeout: the whole request head must arrive within this. */
  httpHeadersTimeoutMs: number;
  /** Node's requestTimeout: the whole request, head and body, must arrive within this. */
  httpRequestTimeoutMs: number;
  /** A body that sends nothing for this long is answered 408 and its connection closed. */
  httpBodyIdleTimeoutMs: number;
  dataDir: string;
  /** Unset outside production: generated once and kept in `dataDir`. */
  jwtSecret: string | null;
  jwtTtlSeconds: number;
  adminPassword: string | null;
  loginMaxFailures: number;
  loginFailureWindowSeconds: number;
  loginMaxFailuresPerClient: number;
  rateLimitPerMinute: number;
  /** How often pending days are finalised; 0 turns the background sweep off. */
  attendanceSweepSeconds: number;
  /** How often the queue of stale day results is worked off; 0 leaves it to reads (and the sweep). */
  attendanceQueueMs: number;
  /**
   * Worker threads that compute day results off the event loop (issue 20); 0 computes them on the
   * main thread, a slice at a time. Default: one less than the machine's CPUs, at least one.
   */
  attendanceWorkers: number;
  /**
   * The scheduling priority (nice, 0–19) of those worker threads on Linux, where a thread has its
   * own: above 0 the thread that serves HTTP (and PostgreSQL) gets the CPU first while a month is
   * recomputed, and the rules take what is left. 0 leaves them as the process. Elsewhere ignored
   * (a priority there is the whole process's).
   */
  attendanceWorkerNice: number;
  /** How often leave entitlements due are granted (issue 16); 0 turns the grant sweep off. */
  leaveGrantSweepSeconds: number;
  /** Rejected lines kept per device; older ones are dropped (and counted) past it. */
  deviceRejectedLinesMax: number;
  /** Uploads of tables the service does not interpret, kept per device; older ones are dropped (and counted) past it. */
  deviceUploadsMax: number;
  /** A command sent to a terminal and not answered within this is sent again on its next poll. */
  deviceCommandTimeoutSeconds: number;
  /** A command sent this often without an answer is given up (failed, no_answer). */
  deviceCommandMaxSends: number;
  /** Browser origins allowed to call the API (CORS); empty: none. */
  corsOrigins: string[];
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** `json`: one JSON object a line (for collectors); `text`: one readable line, for people at a terminal. */
  logFormat: 'json' | 'text';
  /** Express's `trust proxy`: which hops' X-Forwarded-For to believe when telling clients apart. */
  trustProxy: TrustProxy;
  /** Bearer token that GET /metrics requires; null: /metrics answers 404. */
  metricsToken: string | null;
  /** The built console (`npm run build` writes it to dist/web), served at /app/. */
  consoleDir: string;
  /** smtp:// or smtps:// server for e-mail notifications (credentials inside); null: no e-mail is sent. */
  smtpUrl: string | null;
  /** The From of notification e-mails; required with smtpUrl. */
  mailFrom: string | null;
  /** How often the notification outbox is delivered; 0 turns the deliverer off. */
  notifyDeliveryMs: number;
  /** How often reminders, escalations, the daily digest and terminal checks are looked for; 0: off. */
  notifySweepSeconds: number;
  /** One delivery attempt (SMTP, robot, webhook) gives up after this. */
  notifyTimeoutMs: number;
  /** The key material robot and webhook secrets are encrypted with; null: derived from the JWT secret. */
  notifySecretsKey: string | null;
}

/** false: the socket's address; a number: that many proxies in front; a list: those addresses and subnets. */
export type TrustProxy = boolean | number | string[];

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function databaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a valid URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, got "${url.protocol}"`);
  }
  return raw;
}

function corsOrigins(env: Env): string[] {
  const raw = env.CORS_ORIGINS;
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((origin) => {
    const trimmed = origin.trim();
    if (!/^https?:\/\/[^/\s]+$/.test(trimmed)) {
      throw new ConfigError('CORS_ORIGINS', `must be a comma-separated list of origins like https://hr.example.com, got "${trimmed}"`);
    }
    return trimmed;
  });
}

// Express's (proxy-addr's) names for address ranges.
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrSubnet(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Express's `trust proxy` values, checked here so that a typo stops the start instead of trusting nobody (or everybody). */
function trustProxy(env: Env): TrustProxy {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 100) throw new ConfigError('TRUST_PROXY', `must be at most 100 hops, got ${hops}`);
    return hops;
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const wrong = entries.find((entry) => !isAddressOrSubnet(entry));
  if (wrong !== undefined) {
    throw new ConfigError(
      'TRUST_PROXY',
      `must be true, false, a hop count, or a comma-separated list of addresses, subnets (10.0.0.0/8) and loopback/linklocal/uniquelocal; "${wrong}" is none of these`,
    );
  }
  return entries;
}

function metricsToken(env: Env): string | null {
  const raw = env.METRICS_TOKEN;
  if (raw === undefined || raw === '') return null;
  if (raw.length < 16) throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters long');
  if (!/^[\x21-\x7e]+$/.test(raw)) throw new ConfigError('METRICS_TOKEN', 'must be printable ASCII without spaces (it is sent in a header)');
  return raw;
}

function smtpUrl(env: Env): string | null {
  const raw = env.SMTP_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('SMTP_URL', 'is not a valid URL (expected smtp://user:password@host:587 or smtps://user:password@host:465)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError('SMTP_URL', `must start with smtp:// or smtps://, got "${url.protocol}"`);
  if (!url.hostname) throw new ConfigError('SMTP_URL', 'names no host');
  return raw;
}

const MAILBOX = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;

/** `kaoqin@example.com` or `考勤 <kaoqin@example.com>`. */
function mailFrom(env: Env, smtp: string | null): string | null {
  const raw = env.MAIL_FROM?.trim();
  if (raw === undefined || raw === '') {
    if (smtp !== null) throw new ConfigError('MAIL_FROM', 'is required with SMTP_URL (an address like kaoqin@example.com, or "考勤 <kaoqin@example.com>")');
    return null;
  }
  const named = /^[^<>\r\n]*<([^<>]+)>$/.exec(raw);
  if (!MAILBOX.test(named ? named[1] : raw) || /[\r\n]/.test(raw)) throw new ConfigError('MAIL_FROM', `must be an address like kaoqin@example.com or "考勤 <kaoqin@example.com>", got "${raw}"`);
  return raw;
}

function notifySecretsKey(env: Env): string | null {
  const raw = env.NOTIFY_SECRETS_KEY;
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) throw new ConfigError('NOTIFY_SECRETS_KEY', 'must be at least 32 characters long');
  return raw;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const jwtSecret = env.JWT_SECRET && env.JWT_SECRET.length > 0 ? env.JWT_SECRET : null;
  if (jwtSecret !== null && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  if (jwtSecret === null && nodeEnv === 'production') {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production (at least 32 random characters)');
  }
  const adminPassword = env.ADMIN_PASSWORD && env.ADMIN_PASSWORD.length > 0 ? env.ADMIN_PASSWORD : null;
  if (adminPassword !== null && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 8 characters long');
  }
  const httpHeadersTimeoutMs = intVar(env, 'HTTP_HEADERS_TIMEOUT_MS', 20_000, 100, 600_000);
  const httpRequestTimeoutMs = intVar(env, 'HTTP_REQUEST_TIMEOUT_MS', 300_000, 100, 3_600_000);
  // Node refuses a head timeout longer than the whole request's.
  if (httpRequestTimeoutMs < httpHeadersTimeoutMs) {
    throw new ConfigError('HTTP_REQUEST_TIMEOUT_MS', `must not be shorter than HTTP_HEADERS_TIMEOUT_MS (${httpHeadersTimeoutMs}), got ${httpRequestTimeoutMs}`);
  }
  const smtp = smtpUrl(env);
  return {
    nodeEnv,
    port: intVar(env, 'PORT', 3000, 0, 65535),
    host: env.HOST && env.HOST.length > 0 ? env.HOST : '0.0.0.0',
    databaseUrl: databaseUrl(env),
    databasePoolSize: intVar(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    databaseQueryTimeoutMs: intVar(env, 'DATABASE_QUERY_TIMEOUT_MS', 30_000, 1000, 3_600_000),
    databaseAcquireTimeoutMs: intVar(env, 'DATABASE_ACQUIRE_TIMEOUT_MS', 5000, 100, 600_000),
    // Two: the sweep's advisory-lock session and the transaction of the pass it runs.
    databaseBackgroundPoolSize: intVar(env, 'DATABASE_BACKGROUND_POOL_SIZE', 2, 2, 50),
    httpHeadersTimeoutMs,
    httpRequestTimeoutMs,
    httpBodyIdleTimeoutMs: intVar(env, 'HTTP_BODY_IDLE_TIMEOUT_MS', 10_000, 100, 600_000),
    dataDir: env.DATA_DIR && env.DATA_DIR.length > 0 ? env.DATA_DIR : './data',
    jwtSecret,
    jwtTtlSeconds: intVar(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    adminPassword,
    loginMaxFailures: intVar(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginFailureWindowSeconds: intVar(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 15 * 60, 1, 24 * 3600),
    loginMaxFailuresPerClient: intVar(env, 'LOGIN_MAX_FAILURES_PER_CLIENT', 20, 1, 100000),
    corsOrigins: corsOrigins(env),
    deviceRejectedLinesMax: intVar(env, 'DEVICE_REJECTED_LINES_MAX', 1000, 1, 1_000_000),
    deviceUploadsMax: intVar(env, 'DEVICE_UPLOADS_MAX', 10_000, 1, 1_000_000),
    deviceCommandTimeoutSeconds: intVar(env, 'DEVICE_COMMAND_TIMEOUT_SECONDS', 120, 1, 86400),
    deviceCommandMaxSends: intVar(env, 'DEVICE_COMMAND_MAX_SENDS', 5, 1, 1000),
    attendanceSweepSeconds: intVar(env, 'ATTENDANCE_SWEEP_SECONDS', 60, 0, 86400),
    attendanceQueueMs: intVar(env, 'ATTENDANCE_QUEUE_MS', 1000, 0, 3_600_000),
    attendanceWorkers: intVar(env, 'ATTENDANCE_WORKERS', Math.max(1, availableParallelism() - 1), 0, 64),
    attendanceWorkerNice: intVar(env, 'ATTENDANCE_WORKER_NICE', 10, 0, 19),
    leaveGrantSweepSeconds: intVar(env, 'LEAVE_GRANT_SWEEP_SECONDS', 3600, 0, 86400),
    rateLimitPerMinute: intVar(env, 'RATE_LIMIT_PER_MINUTE', 6000, 1, 100_000_000),
    logLevel: oneOf(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log'),
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'text'] as const, 'json'),
    trustProxy: trustProxy(env),
    metricsToken: metricsToken(env),
    // Relative to the working directory, as npm start and the container run from the project root.
    consoleDir: env.CONSOLE_DIR && env.CONSOLE_DIR.length > 0 ? env.CONSOLE_DIR : 'dist/web',
    smtpUrl: smtp,
    mailFrom: mailFrom(env, smtp),
    notifyDeliveryMs: intVar(env, 'NOTIFY_DELIVERY_MS', 1000, 0, 3_600_000),
    notifySweepSeconds: intVar(env, 'NOTIFY_SWEEP_SECONDS', 60, 0, 86400),
    notifyTimeoutMs: intVar(env, 'NOTIFY_TIMEOUT_MS', 10_000, 100, 120_000),
    notifySecretsKey: notifySecretsKey(env),
  };
}
