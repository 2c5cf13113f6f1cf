import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';
import { ActorName, FuzzRequest, iclockRequestArb, Pools, requestArb } from './fuzz/arbitraries';
import { abbreviate, hugeString } from './fuzz/nasty';
import { ChildService } from './fuzz/child-service';
import { listOperations, OpenApiDocument, Operation } from './fuzz/openapi';
import { Answer, errorShapeProblems, RawClient, Snapshot, TableSnapshots } from './fuzz/oracle';
import { calendarEdgeProbes, nestingProbes, nulProbes } from './fuzz/probes';
import { NotificationDeliverer } from '../../src/notifications/notification-deliverer';

/**
 * Issue 9, "Bad input": requests generated from the app's own OpenAPI document (GET /docs-json),
 * mostly invalid — wrong types, missing and extra fields, huge strings and arrays, impossible
 * dates and times, time zones, Unicode and NUL, numbers out of range, SQL and script fragments,
 * malformed JSON and wrong content types — sent as admin (admin + finance, so role checks do
 * not hide validation), as an employee, and as a device key where one is accepted. For every
 * request: no 5xx; every 4xx is exactly `{ statusCode, code, message, details: [{ field, message }] }`;
 * and a refused request leaves every table of the database as it was (rows and contents,
 * audit_log included).
 *
 * Part of `npm test` (about 3,500 requests; CI runs it twice, on each database, with different
 * seeds); `npm run test:fuzz` is the long hunt (FUZZ_SCALE=20). FUZZ_SEED=<seed> replays a failure
 * reported with that seed.
 */

/** Operations are fuzzed by their first path segment, one test each. */
const GROUPS = [
  'auth',
  'staff',
  'positions',
  'audit-log',
  'health',
  'devices',
  'settings',
  'shifts',
  'calendar',
  'roster',
  'schedule',
  'attendance',
  'punches',
  'leave-types',
  'leave-requests',
  'leave-balances',
  'exemptions',
  'punch-corrections',
  'overtime-requests',
  'approvals',
  'reports',
  'finance-policy',
  'months',
  'handbook',
  'disciplinary-records',
  'notifications',
  'notification-settings',
  'notification-channels',
  'notification-deliveries',
] as const;

/** The plain-text device protocol: only "no 5xx on garbage" is asked of it. */
const DEVICE_PROTOCOL = 'iclock';

/**
 * How long a request to the in-process app may take before it counts as unanswered. Generous: a
 * valid request may do real work (a hire date moved back to 2000 judges 26 years of days, a new
 * time zone every open day), and on a loaded CI machine that took over 10 s; a request given up
 * on but still running would commit after the next one's snapshot and be blamed on it. Hangs are
 * caught within ANSWER_WITHIN_MS by the child-process suite below.
 */
const IN_PROCESS_ANSWER_MS = 60_000;

/** How long a request to the child-process service may take, and how often a stuck one is restarted before the rest are skipped. */
const ANSWER_WITHIN_MS = 5_000;
const MAX_RESTARTS = Number(process.env.FUZZ_MAX_RESTARTS ?? 3);

/** Routes outside the API proper: the documentation itself, and the metrics (no input; a token of their own). */
const NOT_FUZZED = ['docs', 'docs-json', 'metrics'];

/**
 * Runs per operation, by how much input it takes; FUZZ_SCALE multiplies them (20 in `npm run test:fuzz`).
 * Halved when the API passed 140 operations: the file had become a sixth of `npm test`'s time.
 */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
function runsFor(operation: Operation): number {
  const hasBody = operation.body !== null;
  const hasQuery = operation.parameters.some((parameter) => parameter.in === 'query');
  const hasPath = operation.parameters.some((parameter) => parameter.in === 'path');
  const runs = hasBody ? 30 : hasQuery ? 25 : hasPath ? 12 : 3;
  return Math.max(1, Math.round(runs * SCALE));
}

/** The fewest requests fast-check must generate in one run of the file at FUZZ_SCALE=1 (CI runs it twice). */
const MIN_GENERATED = 1_500;

/** Tables a refused request may legitimately write, per operation: a failed sign-in is counted (README, "Sign-in"). */
function ignoredTables(request: FuzzRequest): string[] {
  return request.operation === 'POST /auth/login' ? ['login_failure'] : [];
}

const firstSegment = (path: string) => path.split('/')[1] ?? '';

/** The shrunk failing request and what was wrong with it, with the seed to replay it (FUZZ_SEED). */
function report(operation: Operation, result: fc.RunDetails<[FuzzRequest]>): string {
  const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  return `${operation.id} (seed ${result.seed}, path "${result.counterexamplePath}", after ${result.numRuns} runs, shrunk ${result.numShrinks} times):\n  ${error}`;
}

describe('Bad input (issue 9): property-based requests generated from the OpenAPI document', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let client: RawClient;
  let snapshots: TableSnapshots;
  let last: Snapshot;
  let operations: Operation[];
  let pools: Pools;
  let serialNumbers: string[];
  let seedAdmin: SignedIn;
  let office: CreatedStaff;
  let employee: CreatedStaff;
  let deviceKey: string;
  const auth: Record<ActorName, Record<string, string>> = { admin: {}, employee: {}, device: {}, anonymous: {} };
  let sent = 0;
  let generated = 0;
  let refused = 0;
  const spent = { requests: 0, snapshots: 0 };

  const api = async (who: SignedIn, method: 'get' | 'post' | 'put' | 'patch', path: string, body?: Record<string, unknown>, expected = [200, 201]) => {
    let call = t.http()[method](path).set(who.auth);
    if (body !== undefined) call = call.send(body);
    const response = await call;
    if (!expected.includes(response.status)) throw new Error(`fixture ${method.toUpperCase()} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Record<string, unknown>;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock, config: { rateLimitPerMinute: 100_000_000, loginMaxFailures: 1_000_000, loginMaxFailuresPerClient: 1_000_000 } });
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    client = new RawClient((server.address() as AddressInfo).port);

    // The actors: admin (with finance, so that no role check hides validation), an employee, a device key.
    seedAdmin = await loginAdmin(t);
    office = await newStaff(t, seedAdmin, { roles: ['admin', 'finance'], name: 'Office' });
    const lead = await newStaff(t, seedAdmin, { name: 'Lead' });
    employee = await newStaff(t, seedAdmin, { supervisorId: lead.id, name: 'Employee' });
    // Targets for path ids: never the actors themselves, so that a generated request that happens
    // to be valid (a password change, a deactivation) cannot sign an actor out.
    const victims = [await newStaff(t, seedAdmin, { supervisorId: lead.id, name: 'Victim A' }), await newStaff(t, seedAdmin, { name: 'Victim B' })];

    const pendingLeave = await api(employee, 'post', '/leave-requests', { type: 'personal', startDate: '2026-12-03', startHalf: null, endDate: '2026-12-04', endHalf: null, reason: 'Family' });
    const approvedLeave = await api(employee, 'post', '/leave-requests', { type: 'sick', startDate: '2026-12-08', startHalf: null, endDate: '2026-12-08', endHalf: null });
    await api(lead, 'post', `/leave-requests/${String(approvedLeave.id)}/approve`, { comment: 'ok' });
    const pendingTrip = await api(employee, 'post', '/exemptions', { date: '2026-11-16', from: '08:30', to: '11:00', destination: 'JD logistics centre', reason: 'Returns' });
    const approvedTrip = await api(employee, 'post', '/exemptions', { date: '2026-11-17', from: null, to: null, destination: 'Client', reason: 'Visit' });
    await api(lead, 'post', `/exemptions/${String(approvedTrip.id)}/approve`, { attest: true });
    const pendingCorrection = await api(employee, 'post', '/punch-corrections', { date: '2026-11-24', session: 0, direction: 'in', at: '2026-11-24T08:30:00+08:00', reason: 'Terminal was down' });
    const approvedCorrection = await api(employee, 'post', '/punch-corrections', { date: '2026-11-25', session: 1, direction: 'out', at: '2026-11-25T17:30:00+08:00', reason: 'Forgot' });
    await api(lead, 'post', `/punch-corrections/${String(approvedCorrection.id)}/approve`, { comment: 'ok' });
    const pendingOvertime = await api(employee, 'post', '/overtime-requests', { date: '2026-11-24', start: '18:00', end: '19:00', reason: 'Backlog' });
    const approvedOvertime = await api(employee, 'post', '/overtime-requests', { date: '2026-11-25', start: '18:00', end: '20:00', reason: 'Backlog' });
    await api(lead, 'post', `/overtime-requests/${String(approvedOvertime.id)}/approve`, { comment: 'ok' });
    const targetDevice = await api(office, 'post', '/devices', { name: 'Fuzz target', serialNumber: 'FUZZ-TARGET-1' });
    const actorDevice = await api(office, 'post', '/devices', { name: 'Fuzz actor', serialNumber: 'FUZZ-ACTOR-1' });
    deviceKey = String(actorDevice.apiKey);
    serialNumbers = ['FUZZ-TARGET-1', 'FUZZ-ACTOR-1', 'UNKNOWN-SN-1'];
    const punch = await api(office, 'post', '/punches/manual', { staffId: victims[0].id, at: '2026-11-03T08:29:00+08:00', reason: 'Terminal was down' });
    const handbook = await api(office, 'get', '/handbook');
    const articles = (handbook.articles as { id: string; key: string }[]) ?? [];
    await api(office, 'post', '/handbook/versions', { note: 'Fuzz draft' });
    const record = await api(office, 'post', '/disciplinary-records', { staffId: employee.id, articleIds: [articles[0].id], occurredOn: '2026-11-20', facts: 'Unreachable for four hours', severity: 'minor', action: 'warning' });
    await api(office, 'put', '/roster/2026-12-01', { staffId: victims[0].id });
    await api(office, 'put', '/calendar/2026-12-24', { kind: 'workday', name: 'Stock-take' });
    await api(office, 'post', '/positions', { code: 'fuzz_pos', nameZh: '测试岗', nameEn: 'Fuzz position' });
    await api(office, 'post', '/leave-types', { code: 'fuzz_leave', nameZh: '测试假', nameEn: 'Fuzz leave', paid: false });
    // Messages, a channel and its deliveries (to a closed port: pending after a failed attempt), for the notification routes.
    const channel = await api(office, 'post', '/notification-channels', { kind: 'wecom', name: 'Fuzz group', url: 'http://127.0.0.1:9/robot?key=fuzz', eventKinds: ['request_waiting', 'request_decided'] });
    await t.app.get(NotificationDeliverer).deliverOnce();
    const notificationIds = (await t.sql<{ id: string }>(`SELECT id FROM notification WHERE recipient_id = $1`, [employee.id])).map((row) => row.id);
    const deliveryIds = (await t.sql<{ id: string }>(`SELECT id FROM notification_delivery LIMIT 2`)).map((row) => row.id);
    // A closed month, so that writes into it are refused with 409 (and must write nothing).
    await api(office, 'post', '/months/2026-10/close', undefined, [200, 201]);

    auth.admin = { authorization: `Bearer ${office.token}` };
    auth.employee = { authorization: `Bearer ${employee.token}` };
    auth.device = { 'x-device-key': deviceKey };

    const staffIds = [victims[0].id, victims[1].id, employee.id, lead.id, office.id];
    const byPath: [RegExp, string, string[]][] = [
      [/^\/staff\//, 'id', victims.map((victim) => victim.id)],
      [/^\/devices\//, 'id', [String(targetDevice.id)]],
      [/^\/punches\//, 'id', [String(punch.id)]],
      [/^\/leave-requests\//, 'id', [String(pendingLeave.id), String(approvedLeave.id)]],
      [/^\/exemptions\//, 'id', [String(pendingTrip.id), String(approvedTrip.id)]],
      [/^\/punch-corrections\//, 'id', [String(pendingCorrection.id), String(approvedCorrection.id)]],
      [/^\/overtime-requests\//, 'id', [String(pendingOvertime.id), String(approvedOvertime.id)]],
      [/^\/disciplinary-records\//, 'id', [String(record.id)]],
      [/^\/notifications\//, 'id', notificationIds],
      [/^\/notification-channels\//, 'id', [String(channel.id)]],
      [/^\/notification-deliveries\//, 'id', deliveryIds],
      [/^\/positions\//, 'code', ['presales_service', 'fuzz_pos']],
      [/^\/leave-types\//, 'code', ['personal', 'fuzz_leave']],
      [/^\/leave-balances\/settings\/rules\//, 'code', ['annual', 'fuzz_leave']],
      [/^\/shifts\//, 'code', ['office', 'duty']],
      [/^\/(calendar|roster)\//, 'date', ['2026-12-24', '2026-12-01', '2026-10-15', '2026-11-30']],
      [/^\/months\//, 'month', ['2026-10', '2026-11', '2026-12']],
      [/^\/handbook\//, 'n', ['1', '2']],
      [/^\/handbook\//, 'key', ['H-CON-1', 'H-CON-8', 'H-NEW-1']],
    ];
    pools = {
      pathValues: (path, name) => byPath.filter(([pattern, parameter]) => pattern.test(path) && parameter === name).flatMap(([, , values]) => values),
      staffIds,
      articleIds: articles.map((article) => article.id),
      // Any other id field: the actors' own ids are left out here too (a path id drawn from this pool
      // once deactivated the admin actor, and every later request of the run was answered 401).
      anyIds: [victims[0].id, victims[1].id, lead.id, String(pendingLeave.id), String(pendingTrip.id), String(record.id), String(punch.id), String(targetDevice.id)],
      employeeNos: [String(employee.body.employeeNo), String(victims[0].body.employeeNo)],
    };

    const docs = await client.send('get', '/docs-json', {}, null);
    operations = listOperations(docs.json as OpenApiDocument);
    snapshots = await TableSnapshots.connect(t.databaseUrl);
    last = await snapshots.take();
  }, 120_000);

  afterAll(async () => {
    await snapshots?.close();
    client?.close();
    await t?.close();
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`bad-input: ${sent} requests sent (${generated} generated by fast-check), ${refused} refused; ${seconds(spent.requests)} in requests, ${seconds(spent.snapshots)} in table snapshots`);
  });

  /** Sends one request; returns the answer and what is wrong with it (nothing, ideally). */
  async function judge(request: FuzzRequest, options: { shapeAndWrites: boolean } = { shapeAndWrites: true }): Promise<{ answer: Answer | null; problems: string[] }> {
    const before = last;
    let answer: Answer;
    const started = performance.now();
    try {
      answer = await client.send(request.method, request.target, { ...auth[request.actor], ...request.headers }, request.body, IN_PROCESS_ANSWER_MS);
    } catch (error) {
      return { answer: null, problems: [`no answer: ${String(error)}`] };
    } finally {
      sent += 1;
      spent.requests += performance.now() - started;
    }
    const answered = performance.now();
    last = await snapshots.take();
    spent.snapshots += performance.now() - answered;
    const problems: string[] = [];
    if (answer.status >= 500) problems.push(`answered ${answer.status} (a server error)`);
    else if (answer.status < 200 || (answer.status >= 300 && answer.status < 400)) problems.push(`answered ${answer.status}`);
    if (answer.status >= 400) {
      refused += 1;
      if (options.shapeAndWrites) {
        problems.push(...errorShapeProblems(answer));
        problems.push(...TableSnapshots.changes(before, last, ignoredTables(request)).map((change) => `refused, yet wrote: ${change}`));
      }
    }
    return { answer, problems };
  }

  const describeFailure = (request: FuzzRequest, answer: Answer | null, problems: string[]) =>
    `${request}\n  → ${answer ? `${answer.status} ${abbreviate(answer.text, 300)}` : 'no answer'}\n  ${problems.join('\n  ')}`;

  /** The property's body: throws what is wrong, so that fast-check shrinks and reports it. */
  async function check(request: FuzzRequest, options?: { shapeAndWrites: boolean }): Promise<void> {
    generated += 1;
    const { answer, problems } = await judge(request, options);
    if (problems.length > 0) throw new Error(describeFailure(request, answer, problems));
  }

  /** Sends every probe and lists the failing ones (one line each, then the first few in full). */
  async function probeAll(probes: FuzzRequest[]): Promise<string[]> {
    const failing: { request: FuzzRequest; answer: Answer | null; problems: string[] }[] = [];
    for (const request of probes) {
      const outcome = await judge(request);
      if (outcome.problems.length > 0) failing.push({ request, ...outcome });
    }
    return failing.map(({ request, answer, problems }) => `${request.operation} [${request.mutation}] as ${request.actor} → ${answer?.status ?? 'no answer'}: ${problems[0]}${problems.length > 1 ? ` (+${problems.length - 1})` : ''}`);
  }

  const actorsFor = (operation: Operation): fc.Arbitrary<ActorName> => {
    const choices: fc.WeightedArbitrary<ActorName>[] = [
      { weight: 3, arbitrary: fc.constant<ActorName>('admin') },
      { weight: 1, arbitrary: fc.constant<ActorName>('employee') },
    ];
    if (operation.deviceKey) choices.push({ weight: 1, arbitrary: fc.constant<ActorName>('device') });
    if (operation.open) choices.push({ weight: 1, arbitrary: fc.constant<ActorName>('anonymous') });
    return fc.oneof(...choices);
  };

  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

  /** Every actor can still sign in after a run (a generated request that happened to be valid must not have locked one out). */
  async function actorsStillSignedIn(): Promise<string[]> {
    const problems: string[] = [];
    for (const actor of ['admin', 'employee'] as const) {
      const answer = await client.send('get', '/auth/me', auth[actor], null);
      if (answer.status !== 200) problems.push(`the ${actor} token stopped working (${answer.status})`);
    }
    last = await snapshots.take();
    return problems;
  }

  it('covers every documented operation', () => {
    const known = new Set<string>([...GROUPS, DEVICE_PROTOCOL, ...NOT_FUZZED]);
    const unknown = operations.filter((operation) => !known.has(firstSegment(operation.path))).map((operation) => operation.id);
    expect(unknown).toEqual([]);
    expect(operations.length).toBeGreaterThan(50);
  });

  for (const group of GROUPS) {
    it(`${group}: no 5xx, one error shape, and a refused request writes nothing`, async () => {
      const failures: string[] = [];
      const inGroup = operations.filter((operation) => firstSegment(operation.path) === group);
      expect(inGroup.length).toBeGreaterThan(0);
      for (const operation of inGroup) {
        const property = fc.asyncProperty(requestArb(operation, pools, actorsFor(operation)), (request) => check(request));
        const result = await fc.check(property, { numRuns: runsFor(operation), seed });
        if (result.failed) failures.push(report(operation, result));
        failures.push(...(await actorsStillSignedIn()).map((problem) => `${operation.id}: ${problem}`));
      }
      expect(failures).toEqual([]);
    }, 240_000);
  }

  it('iclock (device protocol): no 5xx on garbage', async () => {
    const failures: string[] = [];
    for (const operation of operations.filter((candidate) => firstSegment(candidate.path) === DEVICE_PROTOCOL)) {
      const property = fc.asyncProperty(iclockRequestArb(operation, serialNumbers), (request) => check(request, { shapeAndWrites: false }));
      const result = await fc.check(property, { numRuns: 30, seed });
      if (result.failed) failures.push(report(operation, result));
    }
    expect(failures).toEqual([]);
  }, 120_000);

  const apiOperations = () => operations.filter((operation) => firstSegment(operation.path) !== DEVICE_PROTOCOL);

  // PostgreSQL cannot store a NUL character in text; the service must refuse it (4xx), not crash.
  it('NUL: a NUL character in any string of an otherwise valid request is refused with 4xx, never 5xx', async () => {
    const probes = nulProbes(apiOperations(), pools, ['admin', 'employee']);
    expect(probes.length).toBeGreaterThan(100);
    expect(await probeAll(probes)).toEqual([]);
  }, 120_000);

  it('deep JSON: bodies nested 2,000 and 10,000 levels deep are refused with 400, never 5xx', async () => {
    const probes = nestingProbes(apiOperations(), pools, [2_000, 10_000]);
    expect(probes.length).toBeGreaterThan(100);
    expect(await probeAll(probes)).toEqual([]);
  }, 120_000);

  it('import: a file refused as too large (over 20 MB) stores nothing, even after 5,000 good lines', async () => {
    const lines = Array.from({ length: 5_001 }, (_, index) => {
      const at = new Date(Date.UTC(2026, 10, 9, 0, 0, index));
      return `${String(employee.body.employeeNo)},${at.toISOString()}`;
    });
    const file = `employeeNo,at\n${lines.join('\n')}\n${`${hugeString(' ', 1_000)}\n`.repeat(21_000)}`;
    const request = new FuzzRequest('POST /punches/import', 'admin', 'post', '/punches/import?source=too-large.csv', { 'content-type': 'text/csv' }, file, '5,001 good lines, then 21 MB of blank lines');
    const { answer, problems } = await judge(request);
    expect(answer?.status).toBeGreaterThanOrEqual(400);
    expect(problems).toEqual([]);
  }, 60_000);

  it(`fast-check generated at least ${MIN_GENERATED} requests (times FUZZ_SCALE, when below 1)`, () => {
    expect(generated).toBeGreaterThanOrEqual(Math.round(MIN_GENERATED * Math.min(SCALE, 1)));
  });
});

/**
 * Inputs that stop the service for good are sent to a service of its own, in a child process:
 * an endless loop blocks every request of its process (and the test's own timers with it).
 */
describe('Bad input that could hang the service (child process)', () => {
  let service: ChildService;
  let client: RawClient;
  let headers: Record<string, string>;
  let pools: Pools;
  let operations: Operation[];

  async function startAndSignIn(): Promise<void> {
    client?.close();
    client = new RawClient(await service.start());
    await signIn();
  }

  async function signIn(): Promise<void> {
    const login = await client.send('post', '/auth/login', { 'content-type': 'application/json' }, JSON.stringify({ username: 'fuzz_office', password: 'password-123' }));
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${login.text}`);
    headers = { authorization: `Bearer ${String((login.json as { accessToken: string }).accessToken)}` };
  }

  beforeAll(async () => {
    service = await ChildService.build();
    client = new RawClient(await service.start());
    const login = await client.send('post', '/auth/login', { 'content-type': 'application/json' }, JSON.stringify({ username: 'admin', password: service.adminPassword }));
    const admin = { authorization: `Bearer ${String((login.json as { accessToken: string }).accessToken)}` };
    const create = async (path: string, body: Record<string, unknown>) => {
      const answer = await client.send('post', path, { ...admin, 'content-type': 'application/json' }, JSON.stringify(body));
      if (answer.status !== 201) throw new Error(`fixture POST ${path}: ${answer.status} ${answer.text}`);
      return answer.json as Record<string, unknown>;
    };
    await create('/staff', { employeeNo: 'F0001', name: 'Office', username: 'fuzz_office', password: 'password-123', roles: ['admin', 'finance'], hiredOn: '2025-01-01' });
    const victim = await create('/staff', { employeeNo: 'F0002', name: 'Victim', username: 'fuzz_victim', password: 'password-123', hiredOn: '2025-01-01' });
    const handbook = (await client.send('get', '/handbook', admin, null)).json as { articles: { id: string }[] };
    await signIn();
    const docs = await client.send('get', '/docs-json', {}, null);
    operations = listOperations(docs.json as OpenApiDocument).filter((operation) => firstSegment(operation.path) !== DEVICE_PROTOCOL);
    const staffIds = [String(victim.id)];
    pools = {
      pathValues: (path, name) => (path.startsWith('/staff/') && name === 'id' ? staffIds : []),
      staffIds,
      articleIds: handbook.articles.map((article) => article.id),
      anyIds: staffIds,
      employeeNos: ['F0002'],
    };
  }, 120_000);

  afterAll(async () => {
    client?.close();
    await service?.dispose();
  });

  it('the edges of the calendar (9999-12-31, 2099-12-31, 1970-01-01 and their months) in any month or date input, and an import line over 20 MB, are answered in time', async () => {
    const calendar = calendarEdgeProbes(operations, pools);
    expect(calendar.length).toBeGreaterThan(60);
    const probes = [
      new FuzzRequest('POST /punches/import', 'admin', 'post', '/punches/import', { 'content-type': 'text/csv' }, `employeeNo,at\nF0002,2026-11-03 08:00:00\n${hugeString('x', 21 * 1024 * 1024)}`, 'one 21 MB line without a newline'),
      ...calendar,
    ];
    const failures: string[] = [];
    let restarts = 0;
    for (const request of probes) {
      if (restarts > MAX_RESTARTS) {
        failures.push(`${request.operation} [${request.mutation}]: not tried (the service was restarted ${MAX_RESTARTS} times already)`);
        continue;
      }
      let answer: Answer | null = null;
      try {
        answer = await client.send(request.method, request.target, { ...headers, ...request.headers }, request.body, ANSWER_WITHIN_MS);
      } catch {
        failures.push(`${request.operation} [${request.mutation}]: no answer within ${ANSWER_WITHIN_MS / 1000} s (the service had to be killed)`);
        restarts += 1;
        await service.kill();
        if (restarts <= MAX_RESTARTS) await startAndSignIn();
        continue;
      }
      const problems = answer.status >= 500 ? [`answered ${answer.status}`] : answer.status >= 400 ? errorShapeProblems(answer) : [];
      if (problems.length > 0) failures.push(`${request.operation} [${request.mutation}] → ${answer.status}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
