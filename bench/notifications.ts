import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Api } from './http';
import { LoadResult, runLoad } from './load';
import type { SeededCompany } from './seed';

/** The outbox delivering to a local webhook receiver while the clock-in load runs (issue 18). */
export interface DeliveryRun {
  /** The load right before the messages were written (the comparison, on the machine as it is then). */
  without: LoadResult;
  /** The same load while the deliverer works. */
  result: LoadResult;
  messages: number;
  /** From the messages' commit to the last one delivered. */
  seconds: number;
  perSecond: number;
}

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

const SECRET = `whsec_${Buffer.from('bench-webhook-signing-secret-32b').toString('base64')}`;

/**
 * Registers a webhook to a receiver in this process (answering 200 at once), runs the clock-in
 * load, writes `messages` events into the outbox in one transaction (as many month closes would)
 * and runs the same load again while the service's deliverer sends them; then waits for the last.
 */
export async function clockWhileDelivering(serviceUrl: string, api: Api, adminToken: string, company: SeededCompany, query: Query, durationSeconds: number, messages = 3000): Promise<DeliveryRun> {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    await api.ok('POST', '/notification-channels', { token: adminToken, json: { kind: 'webhook', name: 'Bench receiver', url: `http://127.0.0.1:${port}/hook`, secret: SECRET, eventKinds: ['month_closed'] } });
    const perConnection = company.clockUsers.map((user) => ({ headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' }, body: '{}' }));
    const clockLoad = (seconds: number) => runLoad({ url: `${serviceUrl}/punches/clock`, method: 'POST', durationSeconds: seconds, perConnection });
    const without = await clockLoad(durationSeconds);
    const delivered = async () => ((await query(`SELECT count(*)::int AS n FROM notification_delivery WHERE status = 'delivered'`)) as { n: number }[])[0].n;
    const before = await delivered();
    const started = performance.now();
    await query(
      `INSERT INTO notification_event (kind, audience, params) SELECT 'month_closed', 'finance', jsonb_build_object('month', '2026-10', 'actorName', 'bench ' || i) FROM generate_series(1, $1) i`,
      [messages],
    );
    const result = await clockLoad(durationSeconds);
    // The rest, if the load ended first; given up after a minute (the figure then says so).
    const deadline = performance.now() + 60_000;
    while ((await delivered()) - before < messages && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const seconds = (performance.now() - started) / 1000;
    const done = (await delivered()) - before;
    return { without, result, messages: done, seconds, perSecond: done / seconds };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export const deliveryLines = (run: DeliveryRun) => [
  `outbox → local webhook receiver (signed, Standard Webhooks): ${run.messages} messages in ${run.seconds.toFixed(1)} s = ${run.perSecond.toFixed(0)} messages/s, while the clock-in load ran`,
  `clock-in while delivering: ${run.result.requestsPerSecond.toFixed(0)} req/s, p50 ${run.result.latencyMs.p50} ms, p99 ${run.result.latencyMs.p99} ms, 2xx/non-2xx ${run.result.ok2xx}/${run.result.non2xx}`,
  `clock-in right before, nothing to deliver: ${run.without.requestsPerSecond.toFixed(0)} req/s, p50 ${run.without.latencyMs.p50} ms, p99 ${run.without.latencyMs.p99} ms, 2xx/non-2xx ${run.without.ok2xx}/${run.without.non2xx}`,
  `ratio (while delivering ÷ before): ${(run.result.requestsPerSecond / Math.max(1, run.without.requestsPerSecond)).toFixed(2)} req/s, ${(run.result.latencyMs.p99 / Math.max(1, run.without.latencyMs.p99)).toFixed(2)} p99`,
];
