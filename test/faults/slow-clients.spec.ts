import type { AddressInfo } from 'node:net';
import { AttendanceService } from '../../src/attendance/attendance.service';
import { PunchImportService } from '../../src/punches/punch-import.service';
import { loginAdmin, newStaff, SignedIn } from '../support/actors';
import { RawAnswer, bodyOf, chunkedHead, rawRequest, RawRequest } from '../support/raw-http';
import { cloneTestDatabase } from '../support/test-app';
import { CollectingLogger, InProcessService, insertStaff, query, randomSecret, sleep, startInProcess, waitFor } from './support/faults';

/**
 * Issue 23, Faults: "A fault test opens twice the pool's size of slow uploads (imports and terminal
 * uploads that stall mid-body) and shows, while they hang: clock-ins keep answering within a small
 * multiple of their normal latency, the stale-day queue and the sweep keep running, and the stalled
 * requests end with 408 after the timeout having written nothing; then the same file sent properly
 * imports as before."
 *
 * The service runs as main.ts starts it, listening on a real port, with a small pool, its
 * background work switched on, and small timeouts (the defaults are in README: Configuration).
 */
const POOL = 4;
/** Long enough to watch the service while the uploads hang; the assertions check they still hang. */
const IDLE_MS = 6000;

describe('Faults: slow clients stall their uploads mid-body (issue 23)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let s: InProcessService;
  let port: number;
  const logger = new CollectingLogger();
  let admin: SignedIn;
  let clockers: SignedIn[];
  let people: { id: string; employeeNo: string }[];
  let device: { serialNumber: string; apiKey: string; id: string };
  const sweeps: number[] = [];
  /** Imports being handled right now (each keeps a temporary file until it settles). */
  let importsInFlight = 0;

  beforeAll(async () => {
    database = await cloneTestDatabase();
    s = await startInProcess(
      {
        DATABASE_URL: database.url,
        JWT_SECRET: randomSecret(),
        DATABASE_POOL_SIZE: String(POOL),
        DATABASE_ACQUIRE_TIMEOUT_MS: '5000',
        HTTP_BODY_IDLE_TIMEOUT_MS: String(IDLE_MS),
        HTTP_HEADERS_TIMEOUT_MS: '5000',
        HTTP_REQUEST_TIMEOUT_MS: '60000',
        ATTENDANCE_QUEUE_MS: '200',
        ATTENDANCE_SWEEP_SECONDS: '1',
      },
      logger,
    );
    port = Number(new URL(s.url).port) || (s.service.app.getHttpServer().address() as AddressInfo).port;
    admin = await loginAdmin(s.t);
    clockers = [await newStaff(s.t, admin), await newStaff(s.t, admin), await newStaff(s.t, admin)];
    people = await insertStaff(database.url, 'SLOW', 40);
    const created = await s.t.http().post('/devices').set(admin.auth).send({ name: 'Slow door', serialNumber: 'CQZSLOW0001', pinMapping: 'employee_no' });
    expect(created.status).toBe(201);
    device = created.body;
    // Each finished sweep pass, timed: the sweeper calls the service's method.
    const attendance = s.t.app.get(AttendanceService);
    const finalize = attendance.finalizeExpiredPending.bind(attendance);
    attendance.finalizeExpiredPending = async () => {
      const done = await finalize();
      sweeps.push(Date.now());
      return done;
    };
    const importer = s.t.app.get(PunchImportService);
    const importStream = importer.importStream.bind(importer);
    importer.importStream = async (...args) => {
      importsInFlight += 1;
      try {
        return await importStream(...args);
      } finally {
        importsInFlight -= 1;
      }
    };
  }, 60000);

  afterAll(async () => {
    await s?.stop();
    await database?.drop();
  });

  const clockIn = async (who: SignedIn): Promise<number> => {
    const started = performance.now();
    const response = await s.t.http().post('/punches/clock').set(who.auth).send({});
    expect(response.status).toBe(201);
    return performance.now() - started;
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

  /** An import's file: a header and two lines per person, distinct per upload. */
  const importFile = (upload: number) =>
    ['employeeNo,at', ...people.slice(upload * 2, upload * 2 + 2).flatMap((p) => [`${p.employeeNo},2026-11-16 08:2${upload}:10`, `${p.employeeNo},2026-11-16 17:3${upload}:10`])].join('\n') + '\n';
  /** A terminal's ATTLOG upload: device-local times, the PIN being the employee number. */
  const attlog = (upload: number) =>
    people
      .slice(20 + upload * 2, 22 + upload * 2)
      .map((p) => `${p.employeeNo}\t2026-11-17 08:3${upload}:00\t0\t1\t\t0\t0\t8`)
      .join('\n') + '\n';

  it('H-ATT-7: while 2×pool uploads hang, clock-ins stay fast and the queue and the sweep run; the uploads end 408 having written nothing, and then import as before', async () => {
    // Normal latency first.
    for (let i = 0; i < 3; i++) await clockIn(clockers[i % 3]); // warm-up
    const baseline = median(await sequential(10, (i) => clockIn(clockers[i % 3])));

    // Twice the pool of imports (bearer and device key), plus terminal uploads: each sends its head
    // and the first part of its body, then nothing.
    const imports = Array.from({ length: 2 * POOL }, (_, upload) => {
      const auth: Record<string, string> = upload % 2 === 0 ? { Authorization: admin.auth.Authorization } : { 'X-Device-Key': device.apiKey };
      const file = importFile(upload);
      return rawRequest(port, chunkedHead(`/punches/import?source=stalled-${upload}.csv`, { 'Content-Type': 'text/csv', ...auth }), file.slice(0, file.length - 10));
    });
    const terminals = Array.from({ length: POOL }, (_, upload) => {
      const log = attlog(upload);
      return rawRequest(port, chunkedHead(`/iclock/cdata?SN=${device.serialNumber}&table=ATTLOG&Stamp=99${upload}`, { 'Content-Type': 'text/plain' }), log.slice(0, log.length - 10));
    });
    const stalled: RawRequest[] = [...imports, ...terminals];
    const stalledAt = Date.now();
    const answers: (RawAnswer | null)[] = stalled.map(() => null);
    stalled.forEach((upload, i) => void upload.answer.then((answer) => (answers[i] = answer)));
    await sleep(300);

    // While they hang: clock-ins…
    const during = await sequential(10, (i) => clockIn(clockers[i % 3]));
    const bound = Math.max(10 * baseline, 2000);
    for (const ms of during) expect({ ms, baseline, withinBound: ms < bound }).toEqual({ ms, baseline, withinBound: true });
    // …a batch is stored and the background queue works its days off…
    const batch = people.slice(30, 40).map((p) => ({ employeeNo: p.employeeNo, at: '2026-11-18T08:29:00+08:00' }));
    expect((await s.t.http().post('/punches/batch').set(admin.auth).send({ punches: batch })).status).toBe(200);
    const ids = people.slice(30, 40).map((p) => p.id);
    await waitFor('the queue of stale days to be worked off', async () => ((await s.t.sql(`SELECT 1 FROM attendance_stale WHERE staff_id = ANY($1::uuid[])`, [ids])).length === 0 ? true : undefined), IDLE_MS);
    const judged = await s.t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM attendance_day WHERE staff_id = ANY($1::uuid[]) AND date = '2026-11-18'`, [ids]);
    expect(judged[0].n).toBe(10);
    // …and the sweep keeps passing (every second).
    await waitFor('two sweep passes since the uploads stalled', async () => (sweeps.filter((at) => at > stalledAt).length >= 2 ? true : undefined), IDLE_MS);
    // All of that happened while every upload still hung.
    expect(answers.filter((answer) => answer !== null)).toEqual([]);
    const observedMs = Date.now() - stalledAt;
    expect(observedMs).toBeLessThan(IDLE_MS);

    // Then each stalled upload is answered 408 once its body has been silent for the idle timeout, and closed.
    const ended = await Promise.all(stalled.map((upload) => upload.answer));
    for (const [i, answer] of ended.entries()) {
      const terminal = i >= imports.length;
      expect({ i, status: answer.status, closed: answer.closedByServer, late: answer.closedAfterMs >= IDLE_MS }).toEqual({ i, status: 408, closed: true, late: true });
      if (terminal) expect(answer.body).toMatch(/^REQUEST_TIMEOUT: /);
      else expect(bodyOf(answer)).toMatchObject({ statusCode: 408, code: 'REQUEST_TIMEOUT' });
    }
    // Their handlers have let go too (temporary files removed), not left waiting on a body that will never come.
    await waitFor('the stalled imports to be done with', async () => (importsInFlight === 0 ? true : undefined), 5000);
    // Nothing of them was written: no punch of theirs, no audit row, no rejected line, no upload counter.
    const stalledStaff = people.slice(0, 2 * POOL * 2).concat(people.slice(20, 20 + POOL * 2)).map((p) => p.id);
    expect(await query(database.url, `SELECT 1 FROM punch WHERE staff_id = ANY($1::uuid[])`, [stalledStaff])).toEqual([]);
    expect(await query(database.url, `SELECT 1 FROM audit_log WHERE action IN ('punch.import', 'punch.iclock')`)).toEqual([]);
    expect(await query(database.url, `SELECT 1 FROM device_rejected_line`)).toEqual([]);
    expect(await query(database.url, `SELECT attlog_stamp FROM device_push_state WHERE attlog_stamp IS NOT NULL`)).toEqual([]);
    expect(logger.lines.filter((line) => /Sweep failed|timeout exceeded/.test(line.message))).toEqual([]);

    // The same files sent properly import as before (and once only).
    for (let upload = 0; upload < imports.length; upload++) {
      const auth = upload % 2 === 0 ? admin.auth : { 'X-Device-Key': device.apiKey };
      const response = await s.t.http().post(`/punches/import?source=stalled-${upload}.csv`).set(auth).set('Content-Type', 'text/csv').send(importFile(upload));
      expect({ upload, status: response.status, body: response.body }).toEqual({ upload, status: 200, body: { received: 4, inserted: 4, duplicates: 0, rejected: [] } });
    }
    const again = await s.t.http().post('/punches/import?source=stalled-0.csv').set(admin.auth).set('Content-Type', 'text/csv').send(importFile(0));
    expect(again.body).toEqual({ received: 4, inserted: 0, duplicates: 4, rejected: [] });
    for (let upload = 0; upload < terminals.length; upload++) {
      const response = await s.t.http().post('/iclock/cdata').query({ SN: device.serialNumber, table: 'ATTLOG', Stamp: `99${upload}` }).set('Content-Type', 'text/plain').send(attlog(upload));
      expect({ upload, status: response.status, text: response.text }).toEqual({ upload, status: 200, text: 'OK:2' });
    }
    const stored = await query<{ n: number }>(database.url, `SELECT count(*)::int AS n FROM punch WHERE staff_id = ANY($1::uuid[])`, [stalledStaff]);
    expect(stored[0].n).toBe(imports.length * 4 + terminals.length * 2);
  }, 90000);
});

/** Runs `count` calls one after the other; their results in order. */
async function sequential<T>(count: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i++) results.push(await call(i));
  return results;
}
