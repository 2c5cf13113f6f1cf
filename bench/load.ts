import { fork } from 'node:child_process';
import { join } from 'node:path';

/** One HTTP load run: every connection sends its own headers and body, over and over. */
export interface LoadSpec {
  url: string;
  method: 'POST' | 'GET' | 'PUT';
  durationSeconds: number;
  /** One entry per connection (the connection count is their number). */
  perConnection: { headers: Record<string, string>; body: string }[];
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  ok2xx: number;
  non2xx: number;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  durationSeconds: number;
}

/**
 * Runs autocannon in a child process (dist/bench/load-worker.js), so that the load generator
 * does not share the event loop of the service it measures.
 */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'load-worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.once('message', (message: { result?: LoadResult; error?: string }) => {
      settled = true;
      if (message.result) resolve(message.result);
      else reject(new Error(`load generator: ${message.error ?? 'no result'}`));
    });
    child.once('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load generator exited with ${code} before reporting`));
      settled = true;
    });
    child.send(spec);
  });
}
