import { availableParallelism } from 'node:os';
import { loadConfig } from '../src/config/app-config';

describe('Environment is validated once, naming the variable that is wrong', () => {
  it('has working defaults for a bare machine', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, databaseUrl: null, dataDir: './data', jwtSecret: null, nodeEnv: 'development' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /DATABASE_URL must start with postgres/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    [{ NODE_ENV: 'production' }, /JWT_SECRET is required when NODE_ENV=production/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 characters/],
    [{ ADMIN_PASSWORD: 'short' }, /ADMIN_PASSWORD must be at least 8/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ HTTP_HEADERS_TIMEOUT_MS: '30000', HTTP_REQUEST_TIMEOUT_MS: '20000' }, /HTTP_REQUEST_TIMEOUT_MS must not be shorter than HTTP_HEADERS_TIMEOUT_MS/],
    [{ HTTP_BODY_IDLE_TIMEOUT_MS: '0' }, /HTTP_BODY_IDLE_TIMEOUT_MS must be between/],
    [{ DATABASE_ACQUIRE_TIMEOUT_MS: 'soon' }, /DATABASE_ACQUIRE_TIMEOUT_MS must be a whole number/],
    [{ DATABASE_BACKGROUND_POOL_SIZE: '1' }, /DATABASE_BACKGROUND_POOL_SIZE must be between 2/],
    [{ LOG_FORMAT: 'pretty' }, /LOG_FORMAT must be one of json, text/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY must be true, false, a hop count.*"yes"/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY .*"10.0.0.0\/33"/],
    [{ TRUST_PROXY: '10.0.0.1, proxy.local' }, /TRUST_PROXY .*"proxy.local"/],
    [{ TRUST_PROXY: '1000' }, /TRUST_PROXY must be at most 100 hops/],
    [{ TRUST_PROXY: '-1' }, /TRUST_PROXY/],
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN must be at least 16 characters/],
    [{ ATTENDANCE_WORKERS: 'all' }, /ATTENDANCE_WORKERS must be a whole number/],
    [{ ATTENDANCE_WORKERS: '65' }, /ATTENDANCE_WORKERS must be between 0 and 64/],
    [{ ATTENDANCE_WORKER_NICE: '20' }, /ATTENDANCE_WORKER_NICE must be between 0 and 19/],
    [{ METRICS_TOKEN: 'has a space in it, long enough' }, /METRICS_TOKEN must be printable ASCII without spaces/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('issue 23: bounds every wait on a client or a connection by default', () => {
    expect(loadConfig({})).toMatchObject({
      httpHeadersTimeoutMs: 20_000,
      httpRequestTimeoutMs: 300_000,
      httpBodyIdleTimeoutMs: 10_000,
      databaseAcquireTimeoutMs: 5000,
      databaseBackgroundPoolSize: 2,
    });
  });

  it.each<[string | undefined, boolean | number | string[]]>([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
    ['0', 0],
    ['2', 2],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.10 ,fd00::/8,uniquelocal', ['10.0.0.0/8', '192.168.1.10', 'fd00::/8', 'uniquelocal']],
  ])('TRUST_PROXY=%j means trust proxy %j (Express semantics), off by default', (raw, expected) => {
    expect(loadConfig({ TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  it('issue 20: computes day results in one worker thread fewer than the CPUs (at least one), or on the main thread with 0', () => {
    expect(loadConfig({}).attendanceWorkers).toBe(Math.max(1, availableParallelism() - 1));
    expect(loadConfig({ ATTENDANCE_WORKERS: '0' }).attendanceWorkers).toBe(0);
    expect(loadConfig({ ATTENDANCE_WORKERS: '4' }).attendanceWorkers).toBe(4);
    // …at a lower priority than the thread that serves HTTP, unless told otherwise
    expect(loadConfig({}).attendanceWorkerNice).toBe(10);
    expect(loadConfig({ ATTENDANCE_WORKER_NICE: '0' }).attendanceWorkerNice).toBe(0);
  });

  it('leaves /metrics off and logs JSON unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ metricsToken: null, logFormat: 'json', logLevel: 'log' });
    expect(loadConfig({ METRICS_TOKEN: 'a'.repeat(32), LOG_FORMAT: 'text' })).toMatchObject({ metricsToken: 'a'.repeat(32), logFormat: 'text' });
  });

  it('accepts production with a secret and an external database', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://u:p@db:5432/kaoqin' });
    expect(config).toMatchObject({ nodeEnv: 'production', databaseUrl: 'postgres://u:p@db:5432/kaoqin' });
  });
});
