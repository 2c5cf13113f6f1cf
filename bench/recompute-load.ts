import type { Api } from './http';
import { LoadResult, runLoad } from './load';
import { recomputeThroughApi } from './measure';
import type { SeededCompany } from './seed';

export interface ClockDuringRecompute {
  load: LoadResult;
  /** Seconds of each recompute that ran during the load. */
  recomputes: number[];
}

/**
 * Issue 20: the clock-in load while finance recomputes the month, over and over. Before each
 * recompute the month's stored day results are deleted with SQL, so that every run computes and
 * writes every day (a recompute of an unchanged month writes nothing and would flatter the figure).
 */
export async function clockDuringRecompute(
  serviceUrl: string,
  api: Api,
  adminToken: string,
  company: SeededCompany,
  month: string,
  durationSeconds: number,
  forgetMonthDays: () => Promise<number>,
): Promise<ClockDuringRecompute> {
  const perConnection = company.clockUsers.map((user) => ({
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
    body: '{}',
  }));
  let loadEnded = false;
  const load = runLoad({ url: `${serviceUrl}/punches/clock`, method: 'POST', durationSeconds, perConnection }).finally(() => {
    loadEnded = true;
  });
  const recomputes: number[] = [];
  while (!loadEnded) {
    await forgetMonthDays();
    if (loadEnded) break;
    recomputes.push((await recomputeThroughApi(api, adminToken, month)).seconds);
  }
  return { load: await load, recomputes };
}

export const clockDuringRecomputeLines = (run: ClockDuringRecompute, before: LoadResult): string[] => [
  `POST /punches/clock while the month is recomputed from nothing (${run.recomputes.length} recomputes: ${run.recomputes.map((seconds) => seconds.toFixed(2)).join(', ')} s):`,
  `  ${run.load.requestsPerSecond.toFixed(0)} req/s, p50 ${run.load.latencyMs.p50} ms, p99 ${run.load.latencyMs.p99} ms, max ${run.load.latencyMs.max} ms, 2xx/non-2xx ${run.load.ok2xx}/${run.load.non2xx}`,
  `the same load without a recompute (step 2): ${before.requestsPerSecond.toFixed(0)} req/s, p50 ${before.latencyMs.p50} ms, p99 ${before.latencyMs.p99} ms`,
];
