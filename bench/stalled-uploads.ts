import { connect, Socket } from 'node:net';
import type { Api } from './http';
import { LoadResult, runLoad } from './load';
import type { SeededCompany } from './seed';

/** The clock-in load run again while slow clients hold uploads open mid-body (issue 23). */
export interface StalledClockRun {
  /** The load right before the uploads were opened (the comparison, on the machine as it is then). */
  without: LoadResult;
  result: LoadResult;
  /** Uploads opened: imports and terminal uploads, half each. */
  stalled: number;
  /** Of those, still open (unanswered) when the load ended: they hung for the whole run. */
  stillOpen: number;
}

/** Head and the first part of a chunked body, then nothing: a client that stalls mid-upload. */
function stallUpload(url: URL, path: string, headers: Record<string, string>, firstPart: string): { socket: Socket; answered: () => boolean } {
  const socket = connect(Number(url.port), url.hostname);
  let answered = false;
  socket.on('data', () => (answered = true));
  socket.on('close', () => (answered = true));
  socket.on('error', () => undefined);
  const head = Object.entries({ Host: url.host, 'Transfer-Encoding': 'chunked', ...headers }).map(([name, value]) => `${name}: ${value}`);
  socket.write(`POST ${path} HTTP/1.1\r\n${head.join('\r\n')}\r\n\r\n${Buffer.byteLength(firstPart).toString(16)}\r\n${firstPart}\r\n`);
  return { socket, answered: () => answered };
}

/**
 * Runs the clock-in load of the clock-in figure once as it is, then opens twice the pool's size of
 * uploads that stall mid-body (imports with the admin's token and ATTLOG uploads of a registered
 * terminal) and runs it again: the two runs back to back, so that other load on the machine moves
 * both alike. Before issue 23 each stalled import held a pooled connection for as long as it hung.
 * The service must run with an idle timeout longer than the load (HTTP_BODY_IDLE_TIMEOUT_MS) for
 * the uploads to hang throughout.
 */
export async function clockWithStalledUploads(serviceUrl: string, api: Api, adminToken: string, company: SeededCompany, poolSize: number, durationSeconds: number): Promise<StalledClockRun> {
  const url = new URL(serviceUrl);
  const serial = `BENCH-STALL-${Date.now()}`;
  await api.ok('POST', '/devices', { token: adminToken, json: { name: 'Bench stalled terminal', serialNumber: serial } });
  const person = company.clockUsers[0];
  const perConnection = company.clockUsers.map((user) => ({ headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' }, body: '{}' }));
  const clockLoad = (seconds: number) => runLoad({ url: `${serviceUrl}/punches/clock`, method: 'POST', durationSeconds: seconds, perConnection });
  await clockLoad(Math.min(2, durationSeconds));
  const without = await clockLoad(durationSeconds);
  const uploads = Array.from({ length: 2 * poolSize }, (_, i) =>
    i % 2 === 0
      ? stallUpload(url, `/punches/import?source=stalled-${i}.csv`, { 'Content-Type': 'text/csv', Authorization: `Bearer ${adminToken}` }, `employeeNo,at\n${person.employeeNo},2020-01-0`)
      : stallUpload(url, `/iclock/cdata?SN=${serial}&table=ATTLOG`, { 'Content-Type': 'text/plain' }, `${person.employeeNo}\t2020-01-0`),
  );
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const result = await clockLoad(durationSeconds);
    return { without, result, stalled: uploads.length, stillOpen: uploads.filter((upload) => !upload.answered()).length };
  } finally {
    for (const upload of uploads) upload.socket.destroy();
    // The service sees them go and removes their temporary files: let it, before the run ends.
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export const stalledClockLines = (run: StalledClockRun) => [
  `POST /punches/clock, the same load, while ${run.stalled} uploads (${run.stalled / 2} imports, ${run.stalled / 2} terminal ATTLOG uploads) hang mid-body; ` +
    `${run.stillOpen} of them still hung when the load ended`,
  `with the stalled uploads: ${run.result.requestsPerSecond.toFixed(0)} req/s, p50 ${run.result.latencyMs.p50} ms, p99 ${run.result.latencyMs.p99} ms, max ${run.result.latencyMs.max} ms, ` +
    `2xx/non-2xx ${run.result.ok2xx}/${run.result.non2xx}`,
  `without them, right before: ${run.without.requestsPerSecond.toFixed(0)} req/s, p50 ${run.without.latencyMs.p50} ms, p99 ${run.without.latencyMs.p99} ms, max ${run.without.latencyMs.max} ms, ` +
    `2xx/non-2xx ${run.without.ok2xx}/${run.without.non2xx}`,
];
