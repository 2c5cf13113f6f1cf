import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './load';

/** Child process of `runLoad`: receives a LoadSpec, runs autocannon, sends back a LoadResult. */
async function run(spec: LoadSpec): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: spec.url,
    method: spec.method,
    connections: spec.perConnection.length,
    duration: spec.durationSeconds,
    // Each connection is one user: its own Authorization header and body, for the whole run.
    setupClient: (client) => {
      const own = spec.perConnection[next++ % spec.perConnection.length];
      client.setHeadersAndBody(own.headers, own.body);
    },
  });
  const statusCounts: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCounts[code] = stats.count ?? 0;
  return {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    latencyMs: { mean: result.latency.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    statusCounts,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSeconds: result.duration,
  };
}

process.once('message', (spec: LoadSpec) => {
  run(spec).then(
    (result) => process.send?.({ result }, () => process.exit(0)),
    (error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
  );
});
