import { loginAdmin, SignedIn } from '../support/actors';
import { ADMIN_PASSWORD, startTestApp, TestApp } from '../support/test-app';

describe('Cache-Control: nothing personal is kept by a proxy or the back button', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  it('the sign-in answer with its token says no-store', async () => {
    const response = await t.http().post('/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['GET /auth/me', '/auth/me'],
    ['GET /staff', '/staff'],
    ['GET /audit-log', '/audit-log'],
    ['GET /reports/monthly as CSV', '/reports/monthly?month=2026-10&format=csv'],
    ['GET /positions', '/positions'],
  ])('every signed-in answer says no-store: %s', async (_name, path) => {
    const response = await t.http().get(path).set(admin.auth);
    expect(response.status).toBeLessThan(300);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('a write and error answers say no-store too', async () => {
    const created = await t.http().post('/positions').set(admin.auth).send({ code: 'ops_cache', nameZh: '运维', nameEn: 'Operations' });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    for (const response of [await t.http().get('/staff'), await t.http().post('/auth/login').send({ username: 'admin', password: 'wrong-password' }), await t.http().get('/health')]) {
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('the API description, the same for everyone, may be kept but is revalidated (no-cache)', async () => {
    const response = await t.http().get('/docs-json');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });
});

describe('TRUST_PROXY: X-Forwarded-For names the client only when the proxy is trusted', () => {
  const from = (t: TestApp, address: string, username: string) =>
    t.http().post('/auth/login').set('X-Forwarded-For', address).send({ username, password: 'wrong-password' });

  /** Two failed sign-ins from one forwarded address, then one from another (LOGIN_MAX_FAILURES_PER_CLIENT=2). */
  async function thirdFailure(t: TestApp): Promise<number> {
    expect((await from(t, '203.0.113.7', 'nobody-1')).status).toBe(401);
    expect((await from(t, '203.0.113.7', 'nobody-2')).status).toBe(401);
    return (await from(t, '198.51.100.9', 'nobody-3')).status;
  }

  it('off by default: every forwarded address is the proxy itself, so the third failure is refused', async () => {
    const t = await startTestApp({ config: { loginMaxFailuresPerClient: 2 } });
    try {
      expect(await thirdFailure(t)).toBe(429);
      const keys = await t.sql<{ key: string }>(`SELECT key FROM login_failure WHERE key LIKE 'client:%'`);
      expect(keys.map((row) => row.key)).toEqual([expect.stringMatching(/^client:(::ffff:)?127\.0\.0\.1$/)]);
    } finally {
      await t.close();
    }
  });

  it.each<[string, number | string[] | boolean]>([
    ['a hop count (1)', 1],
    ['the loopback range', ['loopback']],
    ['an address list', ['127.0.0.1', '::1', '::ffff:127.0.0.1']],
  ])('trusted as %s: clients behind the proxy are counted apart', async (_name, trustProxy) => {
    const t = await startTestApp({ config: { loginMaxFailuresPerClient: 2, trustProxy } });
    try {
      expect(await thirdFailure(t)).toBe(401);
      expect((await from(t, '203.0.113.7', 'nobody-4')).status).toBe(429);
      const keys = await t.sql<{ key: string }>(`SELECT key FROM login_failure WHERE key LIKE 'client:%' ORDER BY key`);
      expect(keys.map((row) => row.key)).toEqual(['client:198.51.100.9', 'client:203.0.113.7']);
    } finally {
      await t.close();
    }
  });

  it('a subnet that does not contain the proxy is not trusted', async () => {
    const t = await startTestApp({ config: { loginMaxFailuresPerClient: 2, trustProxy: ['10.0.0.0/8'] } });
    try {
      expect(await thirdFailure(t)).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('the per-client request rate limit counts forwarded clients apart only when trusted', async () => {
    const get = (t: TestApp, address: string) => t.http().get('/health').set('X-Forwarded-For', address);
    for (const [trustProxy, expected] of [[false, 429], [1, 200]] as const) {
      const t = await startTestApp({ config: { rateLimitPerMinute: 2, trustProxy } });
      try {
        expect((await get(t, '203.0.113.7')).status).toBe(200);
        expect((await get(t, '203.0.113.7')).status).toBe(200);
        expect((await get(t, '198.51.100.9')).status).toBe(expected);
      } finally {
        await t.close();
      }
    }
  });
});
