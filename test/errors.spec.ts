import { loginAdmin, SignedIn } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

describe('API conventions: one error shape', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const expectErrorShape = (body: Record<string, unknown>, status: number, code: string) => {
    expect(body).toEqual({ statusCode: status, code, message: expect.any(String), details: expect.any(Array) });
  };

  it('answers malformed JSON with 400 MALFORMED_JSON, not a 500', async () => {
    const response = await t.http().post('/auth/login').set('Content-Type', 'application/json').send('{"username":');
    expect(response.status).toBe(400);
    expectErrorShape(response.body, 400, 'MALFORMED_JSON');
  });

  it('refuses unknown fields with 400 VALIDATION_FAILED naming them', async () => {
    const response = await t.http().post('/staff').set(admin.auth).send({
      employeeNo: 'X1', name: 'X', username: 'xx', hiredOn: '2025-01-01', salary: 100,
    });
    expect(response.status).toBe(400);
    expectErrorShape(response.body, 400, 'VALIDATION_FAILED');
    expect(response.body.details).toContainEqual({ field: 'salary', message: '不是可接受的字段' }); // the company language, zh-CN
    const rows = await t.sql(`SELECT 1 FROM staff WHERE employee_no = 'X1'`);
    expect(rows).toHaveLength(0);
  });

  it('names each invalid field (impossible dates included)', async () => {
    const response = await t.http().post('/staff').set(admin.auth).send({ employeeNo: 'bad no!', name: '', username: 'ok_name', hiredOn: '2026-02-30' });
    expect(response.status).toBe(400);
    const fields = response.body.details.map((detail: { field: string }) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['employeeNo', 'name', 'hiredOn']));
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    const response = await t.http().get('/no-such-route').set(admin.auth);
    expect(response.status).toBe(404);
    expectErrorShape(response.body, 404, 'NOT_FOUND');
  });

  it('answers a non-UUID id with 400 naming the parameter', async () => {
    const response = await t.http().get('/staff/not-a-uuid').set(admin.auth);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'id', message: 'id 必须是 UUID' }]);
  });

  it('lists at most the documented 1,000 details, however many fields are wrong', async () => {
    const body = Object.fromEntries([['username', 'admin'], ['password', 'x'], ...Array.from({ length: 1500 }, (_, i) => [`k${i}`, 1])]);
    const response = await t.http().post('/auth/login').send(body);
    expect(response.status).toBe(400);
    expect(response.body.details.length).toBeGreaterThan(0);
    expect(response.body.details.length).toBeLessThanOrEqual(1000);
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await t.http().post('/auth/login').set('Content-Type', 'application/json').send(JSON.stringify({ username: 'a'.repeat(3 * 1024 * 1024), password: 'x' }));
    expect(response.status).toBe(413);
    expectErrorShape(response.body, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses text the database cannot store (NUL) with 400, not a 500', async () => {
    const response = await t.http().get('/staff?q=a%00b').set(admin.auth);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('INVALID_TEXT');
  });

  it('refuses a body nested too deeply with 400 before validation recurses into it', async () => {
    let nested: unknown = 'x';
    for (let i = 0; i < 2000; i++) nested = [nested];
    const response = await t.http().post('/positions').set(admin.auth).send({ code: 'deep', nameZh: nested, nameEn: 'x' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'body' }] });
  });

  it('refuses dates outside 1970–2099 (year 9999 would overflow date arithmetic)', async () => {
    expect((await t.http().get('/calendar?month=9999-12').set(admin.auth)).status).toBe(400);
    expect((await t.http().put('/roster/9999-12-31').set(admin.auth).send({ staffId: admin.id })).status).toBe(400);
    const settings = await t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '9999-12-31', graceMinutes: 1 });
    expect(settings.status).toBe(400);
    expect(settings.body.details[0].field).toBe('effectiveFrom');
  });

  it('H-ATT-2, H-ATT-5: answers dates from 1970 to 1999 (before the first settings version) like any other: the first version governs them', async () => {
    expect((await t.http().get('/calendar?month=1999-12').set(admin.auth)).status).toBe(200);
    expect((await t.http().get(`/schedule?staffId=${admin.id}&month=1970-01`).set(admin.auth)).status).toBe(200);
    const attendance = await t.http().get(`/attendance?staffId=${admin.id}&month=1985-06`).set(admin.auth);
    expect({ status: attendance.status, body: attendance.status === 200 ? null : attendance.body }).toEqual({ status: 200, body: null });
    const batch = await t.http().post('/punches/batch').set(admin.auth).send({ punches: [{ employeeNo: 'A0001', at: '1970-01-01T08:00:00+08:00' }, { employeeNo: 'A0001', at: '2026-11-03T08:00:00+08:00' }] });
    expect(batch.status).toBe(200);
    const settings = await t.http().get('/settings').set(admin.auth);
    const old = await t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '1990-01-01', graceMinutes: settings.body.current.graceMinutes });
    expect(old.status).toBe(200);
  });

  it('refuses handbook version numbers outside 1 … 1,000,000 with 400 (2^31 would overflow the column)', async () => {
    for (const n of ['2147483648', '99999999999999999999', '0', '-1', '1.5', 'one']) {
      const response = await t.http().get(`/handbook/versions/${n}`).set(admin.auth);
      expect({ n, status: response.status, details: response.body.details }).toEqual({ n, status: 400, details: [{ field: 'n', message: expect.any(String) }] });
    }
    const first = await t.http().get('/handbook/versions/1').set(admin.auth);
    expect({ status: first.status, body: first.status === 200 ? null : first.body }).toEqual({ status: 200, body: null });
  });

  it('refuses a JSON array or bare value as a body with 400 naming the body, not fields "0", "1"', async () => {
    for (const body of ['[1,2]', '[{"code":"x"}]', '"text"', '42', 'null']) {
      const response = await t.http().post('/positions').set(admin.auth).set('Content-Type', 'application/json').send(body);
      expect({ body, status: response.status, details: response.body.details }).toEqual({ body, status: 400, details: [{ field: 'body', message: expect.any(String) }] });
    }
  });

  it('refuses an import over 20 MB with 413 even when its last line never ends, and stores nothing', async () => {
    const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM punch');
    const file = `employeeNo,at\nA0001,2026-11-04 08:00:00\n${'x'.repeat(21 * 1024 * 1024)}`;
    const response = await t.http().post('/punches/import').set(admin.auth).set('Content-Type', 'text/csv').timeout(30_000).send(file);
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM punch')).toEqual(before);
  });

  it('refuses text with a lone UTF-16 surrogate (JSON "\\udfff") with 400 INVALID_TEXT: no database can store it', async () => {
    for (const body of ['{"code":"surrogate","nameZh":"\\udfff\\ud800x","nameEn":"x"}', '{"code":"surrogate","nameZh":"x","nameEn":"x","\\ud800":1}']) {
      const response = await t.http().post('/positions').set(admin.auth).set('Content-Type', 'application/json').send(body);
      expect({ status: response.status, code: response.body.code, details: response.body.details }).toEqual({ status: 400, code: 'INVALID_TEXT', details: [{ field: 'body', message: expect.any(String) }] });
    }
    // A proper pair (an emoji) is fine.
    const emoji = await t.http().post('/positions').set(admin.auth).set('Content-Type', 'application/json').send('{"code":"emoji_pos","nameZh":"\\ud83d\\ude00","nameEn":"x"}');
    expect(emoji.status).toBe(201);
    expect(emoji.body.nameZh).toBe('😀');
  });

  it('H-ATT-7: answers the monthly report of a month before the first finance policy version (1970-01) with that first version', async () => {
    for (const month of ['1970-01', '1999-12']) {
      const response = await t.http().get(`/reports/monthly?month=${month}`).set(admin.auth);
      expect({ month, status: response.status }).toEqual({ month, status: 200 });
    }
  });

  it('H-ATT-4: refuses a shift that would run into the next day\'s shift (422 SHIFTS_OVERLAP), which would leave days no punch window could be built for', async () => {
    const office = await t.http().put('/shifts/office').set(admin.auth).send({ effectiveFrom: '2026-12-01', sessions: [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '08:40' }] });
    expect({ status: office.status, code: office.body.code, field: office.body.details?.[0]?.field }).toEqual({ status: 422, code: 'SHIFTS_OVERLAP', field: 'sessions' });
    // the detail names both shifts, their versions and the two times, in the reader's language
    expect(office.body.details).toEqual([{ field: 'sessions', message: 'office 班次（2026-12-01 起）08:40 才结束，晚于次日 office 班次（2000-01-01 起）08:30 的开始' }]);
    const english = await t.http().put('/shifts/office').set(admin.auth).set('Accept-Language', 'en').send({ effectiveFrom: '2026-12-01', sessions: [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '08:40' }] });
    expect(english.body.details).toEqual([{ field: 'sessions', message: "the office shift (from 2026-12-01) ends at 08:40, after the next day's office shift (from 2000-01-01) starts at 08:30" }]);
    const duty = await t.http().put('/shifts/duty').set(admin.auth).send({ effectiveFrom: '2026-12-01', sessions: [{ start: '16:00', end: '09:00' }] });
    expect({ status: duty.status, code: duty.body.code }).toEqual({ status: 422, code: 'SHIFTS_OVERLAP' });
    // Up to the next morning's start is allowed: duty until 08:30 meets the office shift exactly.
    const meets = await t.http().put('/shifts/duty').set(admin.auth).send({ effectiveFrom: '2026-12-01', sessions: [{ start: '16:00', end: '08:30' }] });
    expect(meets.status).toBe(200);
    expect((await t.http().get(`/schedule?staffId=${admin.id}&month=2026-12`).set(admin.auth)).status).toBe(200);
    expect((await t.http().get(`/attendance?staffId=${admin.id}&month=2026-12`).set(admin.auth)).status).toBe(200);
  });

  it('refuses an import whose body is not text (415), since a parsed body cannot be streamed', async () => {
    const response = await t.http().post('/punches/import').set(admin.auth).set('Content-Type', 'application/json').send('{}');
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('serves the OpenAPI document with the bearer scheme and the error schema', async () => {
    const response = await t.http().get('/docs-json');
    expect(response.status).toBe(200);
    expect(response.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(response.body.components.schemas.ErrorResponseDto).toBeDefined();
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/staff', '/staff/{id}', '/positions', '/health']));
  });

  it('reports health with the database check', async () => {
    const response = await t.http().get('/health');
    expect(response.status).toBe(200);
    expect(response.body.info.database.status).toBe('up');
  });
});

describe('Request rate limit and CORS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ config: { rateLimitPerMinute: 5 } });
  });
  afterAll(() => t.close());

  it('sends RateLimit headers and answers 429 with Retry-After in the one error shape past the limit', async () => {
    const first = await t.http().get('/health');
    expect(first.headers['ratelimit-limit']).toBe('5');
    expect(first.headers['ratelimit-remaining']).toBe('4');
    for (let i = 0; i < 4; i++) await t.http().get('/health');
    const limited = await t.http().get('/health');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: expect.any(String), details: [] });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

});

describe('CORS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ config: { corsOrigins: ['https://hr.example.com'] } });
  });
  afterAll(() => t.close());

  it('allows only the configured browser origins', async () => {
    const allowed = await t.http().options('/auth/login').set('Origin', 'https://hr.example.com').set('Access-Control-Request-Method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://hr.example.com');
    const refused = await t.http().options('/auth/login').set('Origin', 'https://evil.example.com').set('Access-Control-Request-Method', 'POST');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });
});
