import { randomUUID } from 'node:crypto';
import { createLogger } from '../../src/observability/logger';
import { loginAdmin, SignedIn } from '../support/actors';
import { ADMIN_PASSWORD, startTestApp, TestApp } from '../support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Request ids and structured logs', () => {
  let t: TestApp;
  let admin: SignedIn;
  /** Everything the app logged, one JSON text a line, as pino writes it to stdout. */
  const lines: string[] = [];
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    t = await startTestApp({ log: createLogger({ logLevel: 'log', logFormat: 'json' }, { write: (line: string) => void lines.push(line) }) });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  describe('X-Request-Id', () => {
    it('names every answer with a fresh UUID when the caller sent none', async () => {
      const [a, b] = [await t.http().get('/health'), await t.http().get('/nowhere')];
      expect(a.headers['x-request-id']).toMatch(UUID);
      expect(b.status).toBe(404);
      expect(b.headers['x-request-id']).toMatch(UUID);
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    });

    it("keeps a proxy's short, safe id, so that one id follows the request through every hop", async () => {
      const response = await t.http().get('/auth/me').set(admin.auth).set('X-Request-Id', 'lb-7f3a.19:2');
      expect(response.headers['x-request-id']).toBe('lb-7f3a.19:2');
    });

    it.each([['too long', 'x'.repeat(65)], ['with spaces', 'a b'], ['with a quote', 'a"b'], ['with markup', '<b>x</b>'], ['empty', '']])(
      'replaces an id that is %s with a UUID of its own',
      async (_name, id) => {
        const response = await t.http().get('/health').set('X-Request-Id', id);
        expect(response.headers['x-request-id']).toMatch(UUID);
      },
    );
  });

  it('writes the request id into the audit rows of the writes it made, and the audit log filters by it', async () => {
    const requestId = `ops-${randomUUID()}`;
    const created = await t.http().post('/positions').set(admin.auth).set('X-Request-Id', requestId).send({ code: 'ops_audit', nameZh: '审计', nameEn: 'Audit' });
    expect(created.status).toBe(201);
    const rows = await t.sql<{ request_id: string | null; action: string }>(`SELECT request_id, action FROM audit_log WHERE entity = 'position' AND entity_id = 'ops_audit'`);
    expect(rows).toEqual([{ request_id: requestId, action: expect.stringMatching(/^position\./) }]);

    const listed = await t.http().get('/audit-log').query({ requestId }).set(admin.auth);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ entityId: 'ops_audit', requestId })]);
    // Rows written outside a request (the first administrator's seed) have none.
    const seeded = await t.sql<{ request_id: string | null }>(`SELECT request_id FROM audit_log ORDER BY id LIMIT 1`);
    expect(seeded[0].request_id).toBeNull();
  });

  it('the audit log stays append-only with the new column', async () => {
    await expect(t.sql(`UPDATE audit_log SET request_id = 'changed'`)).rejects.toThrow(/append-only/);
  });

  it('logs one JSON line per request, carrying its id, status and time, without headers, tokens or passwords', async () => {
    const requestId = `ops-${randomUUID()}`;
    await t.http().post('/auth/login').set('X-Request-Id', requestId).send({ username: 'admin', password: ADMIN_PASSWORD });
    await t.http().get('/staff').set(admin.auth).set('X-Request-Id', `${requestId}-2`).set('X-Device-Key', 'secret-device-key-123');
    const mine = records().filter((record) => typeof record.requestId === 'string' && record.requestId.startsWith(requestId));
    expect(mine).toEqual([
      expect.objectContaining({ level: 'info', requestId, msg: 'POST /auth/login 200', res: { statusCode: 200 }, responseTime: expect.any(Number) }),
      expect.objectContaining({ level: 'info', requestId: `${requestId}-2`, msg: 'GET /staff 403', req: expect.objectContaining({ method: 'GET', url: '/staff' }) }),
    ]);
    const all = lines.join('\n');
    expect(all).not.toContain(admin.token);
    expect(all).not.toContain(ADMIN_PASSWORD);
    expect(all).not.toContain('secret-device-key-123');
  });

  it("lines the service's own code logs while serving a request carry the request's id", async () => {
    const device = await t.http().post('/devices').set(admin.auth).send({ name: 'Ops door', serialNumber: 'OPS0000000001' });
    expect(device.status).toBe(201);
    const requestId = `ops-${randomUUID()}`;
    const pushed = await t.http().post('/iclock/cdata?SN=OPS0000000001&table=OPERLOG').set('Content-Type', 'text/plain').set('X-Request-Id', requestId).send('OPLOG 4\t0\t2026-11-03 08:00:00\t0\t0\t0\t0');
    expect(pushed.status).toBe(200);
    expect(records()).toContainEqual(expect.objectContaining({ level: 'info', context: 'Iclock', requestId, msg: expect.stringContaining('OPERLOG') }));
  });

  it("the framework's start-up says at most one line per module: no line per route", async () => {
    const startup = records().filter((record) => ['RoutesResolver', 'RouterExplorer', 'InstanceLoader'].includes(String(record.context)));
    expect(startup.filter((record) => record.context !== 'InstanceLoader')).toEqual([]);
    // TypeORM's modules are registered once per DataSource (the request pool and the background pool).
    const messages = startup.map((record) => String(record.msg)).filter((message) => !message.startsWith('TypeOrm'));
    expect(new Set(messages).size).toBe(messages.length);
    expect(lines.join('\n')).not.toMatch(/Mapped \{/);
  });
});

describe('createLogger', () => {
  it('blanks secrets in whatever object is logged, at the top and one level down', () => {
    const lines: string[] = [];
    const logger = createLogger({ logLevel: 'log', logFormat: 'json' }, { write: (line: string) => void lines.push(line) });
    logger.info({ password: 'pw-1', body: { newPassword: 'pw-2', oldPassword: 'pw-3', name: 'kept' }, req: { headers: { authorization: 'Bearer t-1', 'x-device-key': 'dk-1' } }, device: { key: 'dk-2' } }, 'careless');
    const record = JSON.parse(lines[0]);
    expect(record).toMatchObject({ password: '[redacted]', body: { newPassword: '[redacted]', oldPassword: '[redacted]', name: 'kept' }, device: { key: '[redacted]' } });
    expect(lines[0]).not.toMatch(/pw-\d|t-1|dk-\d/);
  });

  it('LOG_FORMAT=text writes one readable line a record: time, level, context, message, request id, other fields', () => {
    const written: string[] = [];
    const logger = createLogger({ logLevel: 'log', logFormat: 'text' }, undefined, (line) => void written.push(line));
    logger.info({ context: 'Kaoqin', requestId: 'req-1', port: 3000 }, 'Listening');
    logger.debug('not at LOG_LEVEL=log');
    expect(written).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO  \[Kaoqin\] Listening \(req-1\) \{"port":3000\}\n$/)]);
  });
});
