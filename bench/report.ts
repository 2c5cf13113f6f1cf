import { IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

/** One line of the result table: our figure, the raw PostgreSQL (or bare framework) baseline, the target. */
export interface Figure {
  name: string;
  unit: string;
  ours: number | null;
  baseline: number | null;
  /** Whether a larger number is better (rates) or a smaller one (times, latencies). */
  better: 'higher' | 'lower';
  target: { op: '>=' | '<=' | '<'; value: number } | null;
  /** A second target on ours ÷ baseline (the report issue's "at most 2.5× the raw SQL"); met only when both are. */
  maxRatio?: number;
  /** The same for rates (issue 20: "at least 0.5× the bare route's throughput"). */
  minRatio?: number;
  /** Short remark shown after the table (what the baseline is, failures…). */
  note?: string;
}

export interface FigureResult extends Figure {
  /** ours ÷ baseline; null when either is missing. */
  ratio: number | null;
  met: boolean | null;
  /** With a ratio target: which part was missed, for the table ('time', 'ratio' or both). */
  missed?: string;
}

export function evaluate(figure: Figure): FigureResult {
  const ratio = figure.ours !== null && figure.baseline !== null && figure.baseline !== 0 ? figure.ours / figure.baseline : null;
  let met: boolean | null = null;
  if (figure.target && figure.ours !== null) {
    const { op, value } = figure.target;
    met = op === '>=' ? figure.ours >= value : op === '<=' ? figure.ours <= value : figure.ours < value;
  }
  if (figure.maxRatio === undefined && figure.minRatio === undefined) return { ...figure, ratio, met };
  const ratioMet = ratio === null ? null : (figure.maxRatio === undefined || ratio <= figure.maxRatio) && (figure.minRatio === undefined || ratio >= figure.minRatio);
  if (figure.target === null) return { ...figure, ratio, met: ratioMet, ...(ratioMet === false ? { missed: 'ratio' } : {}) };
  const missed = [met === false ? 'time' : null, ratioMet === false ? 'ratio' : null].filter(Boolean).join('+');
  const both = met === false || ratioMet === false ? false : met === null || ratioMet === null ? null : true;
  return { ...figure, ratio, met: both, ...(missed ? { missed } : {}) };
}

/** Everything a run measured; printed as a table today, written as JSON by a later issue. */
export interface BenchReport {
  startedAt: string;
  options: Record<string, unknown>;
  database: string;
  counts: { label: string; value: number }[];
  figures: FigureResult[];
  /** Lines printed right above the figure table (how the punches were seeded). */
  preamble?: string[];
  details: { section: string; lines: string[] }[];
  memory: { phase: string; peakRssBytes: number; eventLoopDelayMaxMs: number; eventLoopDelayP99Ms: number }[];
  seconds: number;
}

export function formatNumber(value: number | null, unit = ''): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

function formatRatio(ratio: number | null): string {
  if (ratio === null) return '—';
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}

export function formatBytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

/** Plain, aligned columns (console.log only). */
export function table(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (rightAligned[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function printReport(report: BenchReport): void {
  const out: string[] = [];
  out.push('');
  out.push(`Kaoqin bench — ${report.startedAt}`);
  out.push(`options: ${Object.entries(report.options).map(([key, value]) => `${key}=${String(value)}`).join(', ')}`);
  out.push(`database: ${report.database}`);
  out.push('');
  out.push(table(['rows', 'count'], report.counts.map((count) => [count.label, count.value.toLocaleString('en-US')]), [false, true]));
  out.push('');
  for (const line of report.preamble ?? []) out.push(line);
  out.push(
    table(
      ['figure', 'ours', 'baseline', 'ours/base', 'target', 'met'],
      report.figures.map((figure) => [
        figure.name,
        formatNumber(figure.ours, figure.unit),
        formatNumber(figure.baseline, figure.unit),
        formatRatio(figure.ratio),
        [figure.target ? `${figure.target.op} ${formatNumber(figure.target.value, figure.unit)}` : null, figure.maxRatio !== undefined ? `<= ${figure.maxRatio}×` : null, figure.minRatio !== undefined ? `>= ${figure.minRatio}×` : null]
          .filter(Boolean)
          .join(', ') || '—',
        figure.met === null ? '—' : figure.met ? 'yes' : figure.missed ? `NO (${figure.missed})` : 'NO',
      ]),
      [false, true, true, true, true, false],
    ),
  );
  const notes = report.figures.filter((figure) => figure.note);
  if (notes.length > 0) {
    out.push('');
    for (const figure of notes) out.push(`  ${figure.name}: ${figure.note}`);
  }
  for (const detail of report.details) {
    out.push('');
    out.push(`${detail.section}:`);
    for (const line of detail.lines) out.push(`  ${line}`);
  }
  out.push('');
  out.push('the bench process (service, seeder and baselines; PostgreSQL and the load generator not included), per phase:');
  out.push(
    table(
      ['phase', 'peak RSS', 'event-loop delay p99', 'max'],
      report.memory.map((entry) => [entry.phase, formatBytes(entry.peakRssBytes), `${entry.eventLoopDelayP99Ms.toFixed(0)} ms`, `${entry.eventLoopDelayMaxMs.toFixed(0)} ms`]),
      [false, true, true, true],
    )
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n'),
  );
  out.push('');
  out.push(`total ${report.seconds.toFixed(1)} s. Timings are reported, never judged: this command does not fail on a missed target.`);
  console.log(out.join('\n'));
}

interface PhaseStats {
  peakRss: number;
  delay: IntervalHistogram;
}

/**
 * Samples process.memoryUsage().rss and the event-loop delay (how long the service's only thread
 * was busy while timers waited): a peak per phase and overall.
 */
export class RssSampler {
  private readonly timer: NodeJS.Timeout;
  private readonly phases = new Map<string, PhaseStats>();
  private current: PhaseStats;
  private readonly overall: PhaseStats;

  constructor(intervalMs = 50) {
    this.overall = this.newStats();
    this.current = this.enterStats('start');
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    this.sample();
  }

  private newStats(): PhaseStats {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    return { peakRss: 0, delay };
  }

  private enterStats(phase: string): PhaseStats {
    const existing = this.phases.get(phase);
    if (existing) {
      existing.delay.enable();
      return existing;
    }
    const stats = this.newStats();
    this.phases.set(phase, stats);
    return stats;
  }

  enter(phase: string): void {
    this.sample();
    this.current.delay.disable();
    this.current = this.enterStats(phase);
    this.sample();
  }

  sample(): void {
    const rss = process.memoryUsage().rss;
    this.overall.peakRss = Math.max(this.overall.peakRss, rss);
    this.current.peakRss = Math.max(this.current.peakRss, rss);
  }

  stop(): BenchReport['memory'] {
    this.sample();
    clearInterval(this.timer);
    const row = (phase: string, stats: PhaseStats) => {
      stats.delay.disable();
      // The histogram counts in nanoseconds and includes the 10 ms sampling resolution.
      const ms = (ns: number) => Math.max(0, ns / 1e6 - 10);
      return { phase, peakRssBytes: stats.peakRss, eventLoopDelayMaxMs: ms(stats.delay.max), eventLoopDelayP99Ms: ms(stats.delay.percentile(99)) };
    };
    return [...[...this.phases].map(([phase, stats]) => row(phase, stats)), row('whole run', this.overall)];
  }
}
