import { AttendanceSweeper } from '../../src/attendance/attendance-sweeper';
import { loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** The value of one series in the Prometheus text format (labels in the order prom-client writes them). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics (Prometheus)', () => {
  let t: TestApp;
  let admin: SignedIn;
  const scrape = () => t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`);

  beforeAll(async () => {
    t = await startTestApp({ config: { metricsToken: TOKEN } });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  it('refuses a missing or wrong token, and a staff sign-in token, with 401 METRICS_TOKEN_INVALID', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token', `Bearer ${TOKEN}x`, admin.auth.Authorization]) {
      const request = t.http().get('/metrics');
      const response = await (authorization ? request.set('Authorization', authorization) : request);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, code: 'METRICS_TOKEN_INVALID', message: expect.any(String), details: [] });
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('answers the Prometheus text format, not to be cached', async () => {
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.text).toMatch(/^# HELP /);
    expect(response.text).toContain('# TYPE http_requests_total counter');
    expect(response.text).toContain('# TYPE process_cpu_seconds_total counter');
  });

  it('counts and times requests by route template and status, never by raw path', async () => {
    const someone = await newStaff(t, admin);
    for (let i = 0; i < 3; i++) expect((await t.http().get(`/staff/${someone.id}`).set(admin.auth)).status).toBe(200);
    expect((await t.http().get('/staff/00000000-0000-4000-8000-000000000000').set(admin.auth)).status).toBe(404);
    await t.http().get('/no/such/path');
    const text = (await scrape()).text;
    expect(sample(text, 'http_requests_total{method="GET",route="/staff/:id",status="200"}')).toBe(3);
    expect(sample(text, 'http_requests_total{method="GET",route="/staff/:id",status="404"}')).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count{method="GET",route="/staff/:id",status="200"}')).toBe(3);
    expect(sample(text, 'http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/staff/:id",status="200"}')).toBe(3);
    expect(sample(text, 'http_requests_total{method="GET",route="(unmatched)",status="404"}')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(someone.id);
  });

  it("shows the database pool's use", async () => {
    const text = (await scrape()).text;
    expect(sample(text, 'kaoqin_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'kaoqin_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'kaoqin_db_pool_connections{state="waiting"}')).toBe(0);
    expect(sample(text, 'kaoqin_db_pool_max')).toBe(t.config.databasePoolSize);
  });

  it('shows the queue of stale days (length, age of the oldest) and the sweeps that work it off', async () => {
    // The background job is off in tests: punches stay queued until the sweep below.
    const person = await newStaff(t, admin);
    const punched = await t.http().post('/punches/batch').set(admin.auth).send({ punches: [{ employeeNo: person.body.employeeNo, at: '2026-11-03T08:30:00+08:00' }] });
    expect(punched.body).toMatchObject({ inserted: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const queued = (await scrape()).text;
    expect(sample(queued, 'kaoqin_attendance_stale_rows')).toBeGreaterThanOrEqual(1);
    expect(sample(queued, 'kaoqin_attendance_stale_oldest_seconds')).toBeGreaterThan(0.04);
    expect(sample(queued, 'kaoqin_attendance_sweeps_total{kind="sweep"}')).toBeUndefined();

    expect(await t.app.get(AttendanceSweeper).sweep()).toBeGreaterThanOrEqual(1);
    const swept = (await scrape()).text;
    expect(sample(swept, 'kaoqin_attendance_stale_rows')).toBe(0);
    expect(sample(swept, 'kaoqin_attendance_stale_oldest_seconds')).toBe(0);
    expect(sample(swept, 'kaoqin_attendance_sweeps_total{kind="sweep"}')).toBe(1);
    expect(sample(swept, 'kaoqin_attendance_sweep_duration_seconds_count{kind="sweep"}')).toBe(1);
    expect(sample(swept, 'kaoqin_attendance_people_recomputed_total{kind="sweep"}')).toBeGreaterThanOrEqual(1);
  });

  it('counts terminal uploads by table and their punch lines stored or rejected', async () => {
    const person = await newStaff(t, admin, { employeeNo: '77001' });
    expect((await t.http().post('/devices').set(admin.auth).send({ name: 'Metrics door', serialNumber: 'MET0000000001' })).status).toBe(201);
    const push = (table: string, body: string) => t.http().post(`/iclock/cdata?SN=MET0000000001&table=${table}`).set('Content-Type', 'text/plain').send(body);
    expect((await push('ATTLOG', `${person.body.employeeNo}\t2026-11-04 08:20:00\t0\t1\n99999999\t2026-11-04 08:21:00\t0\t1`)).text).toBe('OK:1');
    expect((await push('OPERLOG', 'OPLOG 4\t0\t2026-11-04 08:00:00\t0\t0\t0\t0')).text).toBe('OK:1');
    const text = (await scrape()).text;
    expect(sample(text, 'kaoqin_iclock_uploads_total{table="ATTLOG"}')).toBe(1);
    expect(sample(text, 'kaoqin_iclock_uploads_total{table="OPERLOG"}')).toBe(1);
    expect(sample(text, 'kaoqin_iclock_punch_lines_total{outcome="stored"}')).toBe(1);
    expect(sample(text, 'kaoqin_iclock_punch_lines_total{outcome="rejected"}')).toBe(1);
  });

  it('each app instance counts in a registry of its own (two apps in one process do not mix)', async () => {
    const other = await startTestApp({ config: { metricsToken: TOKEN } });
    try {
      const text = (await other.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).text;
      expect(sample(text, 'http_requests_total{method="GET",route="/staff/:id",status="200"}')).toBeUndefined();
      expect(sample((await scrape()).text, 'http_requests_total{method="GET",route="/staff/:id",status="200"}')).toBe(3);
    } finally {
      await other.close();
    }
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  it('does not exist: 404 in the one error shape, whatever token is sent', async () => {
    const t = await startTestApp();
    try {
      // In English the message is the router's own for an unknown route (zh-CN, the default, reads the catalogue's).
      for (const request of [t.http().get('/metrics').set('Accept-Language', 'en'), t.http().get('/metrics').set('Accept-Language', 'en').set('Authorization', 'Bearer anything-at-all-1234')]) {
        const response = await request;
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Cannot GET /metrics', details: [] });
      }
    } finally {
      await t.close();
    }
  });
});
