import { DateTime } from 'luxon';

/** What one `npm run bench` run does; every option also has an environment variable. */
export interface BenchOptions {
  /** Staff members in the seeded company (`--staff`, BENCH_STAFF). */
  staff: number;
  /** The seeded month, `YYYY-MM` (`--month`, BENCH_MONTH); default: the month before the current one. */
  month: string;
  /** Seconds of load per clock-in run (`--duration`, BENCH_DURATION). */
  durationSeconds: number;
  /** Concurrent connections, each with its own employee (`--connections`, BENCH_CONNECTIONS). */
  connections: number;
  /** Lines per `POST /punches/batch` (`--batch-size`, BENCH_BATCH_SIZE). */
  batchSize: number;
  /** Batches in flight at once (`--in-flight`, BENCH_IN_FLIGHT). */
  inFlight: number;
  /** Seed of the pseudo-random company (`--seed`, BENCH_SEED): the same seed, the same punches. */
  seed: number;
  /**
   * How the month's punches get into the database (`--punches`, BENCH_PUNCHES): `api` (default)
   * through POST /punches/batch, which is the batch ingestion figure; `sql` straight into the table
   * (much faster at 10,000 staff; the batch ingestion figure is then not measured).
   */
  punches: 'api' | 'sql';
  /** Also print where the time goes inside the service (`--profile`, BENCH_PROFILE=1). */
  profile: boolean;
  /**
   * Only the month's figures, seeded with SQL, at any size (`--month-only`, BENCH_MONTH_ONLY=1): the
   * scale run, which a run above 20,000 staff always is. A minute at 1,000 staff, for comparing builds.
   */
  monthOnly: boolean;
  /** An existing server to create a throw-away database on (BENCH_DATABASE_URL); null: embedded. */
  databaseUrl: string | null;
}

export const COMPANY_ZONE = 'Asia/Shanghai';

const USAGE = `usage: npm run bench -- [--staff 1000] [--month YYYY-MM] [--duration 10] [--connections 50]
                        [--batch-size 10000] [--in-flight 4] [--seed 1] [--punches api|sql] [--profile] [--month-only]
environment: BENCH_STAFF, BENCH_MONTH, BENCH_DURATION, BENCH_CONNECTIONS, BENCH_BATCH_SIZE,
             BENCH_IN_FLIGHT, BENCH_SEED, BENCH_PUNCHES, BENCH_PROFILE=1, BENCH_MONTH_ONLY=1, BENCH_DATABASE_URL (a PostgreSQL server
             on which a fresh database kaoqin_bench_<random> is created and dropped afterwards)`;

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
  }
}

function previousMonth(): string {
  return DateTime.now().setZone(COMPANY_ZONE).startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
}

function whole(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw)) throw new UsageError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new UsageError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const raw = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new UsageError('');
    if (arg === '--profile' || arg === '--month-only') {
      flags.add(arg.slice(2));
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unexpected argument "${arg}"`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${match[1]} needs a value`);
    raw.set(match[1], value);
  }
  const known = ['staff', 'month', 'duration', 'connections', 'batch-size', 'in-flight', 'seed', 'punches'];
  for (const key of raw.keys()) if (!known.includes(key)) throw new UsageError(`unknown option --${key}`);
  const pick = (key: string, envName: string, fallback: string) => raw.get(key) ?? (env[envName] || fallback);

  const month = pick('month', 'BENCH_MONTH', previousMonth());
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`--month must be YYYY-MM, got "${month}"`);
  const current = DateTime.now().setZone(COMPANY_ZONE).toFormat('yyyy-MM');
  if (month >= current) throw new UsageError(`--month must be a past month (punches in the future are refused), got ${month}`);

  const punches = pick('punches', 'BENCH_PUNCHES', 'api');
  if (punches !== 'api' && punches !== 'sql') throw new UsageError(`--punches must be api or sql, got "${punches}"`);

  const options: BenchOptions = {
    staff: whole('--staff', pick('staff', 'BENCH_STAFF', '1000'), 2, 1_000_000),
    month,
    durationSeconds: whole('--duration', pick('duration', 'BENCH_DURATION', '10'), 1, 3600),
    connections: whole('--connections', pick('connections', 'BENCH_CONNECTIONS', '50'), 1, 1000),
    batchSize: whole('--batch-size', pick('batch-size', 'BENCH_BATCH_SIZE', '10000'), 1, 10_000),
    inFlight: whole('--in-flight', pick('in-flight', 'BENCH_IN_FLIGHT', '4'), 1, 64),
    seed: whole('--seed', pick('seed', 'BENCH_SEED', '1'), 0, 2 ** 31),
    punches,
    profile: flags.has('profile') || env.BENCH_PROFILE === '1',
    monthOnly: flags.has('month-only') || env.BENCH_MONTH_ONLY === '1',
    databaseUrl: env.BENCH_DATABASE_URL && env.BENCH_DATABASE_URL.length > 0 ? env.BENCH_DATABASE_URL : null,
  };
  if (options.connections > options.staff) throw new UsageError(`--connections (${options.connections}) cannot exceed --staff (${options.staff}): each connection is a different employee`);
  return options;
}
