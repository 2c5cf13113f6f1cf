import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

/** Issue 14 "Where and how": the service serves the built console at /app/ with the right caching and a strict CSP. */
describe('The console is served at /app/', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'kaoqin-console-'));
  const asset = 'index-AbCdEf12.js';

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title><script type="module" src="/app/assets/index-AbCdEf12.js"></script>');
    writeFileSync(join(dir, 'assets', asset), 'console.log("hi")');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestApp({ config: { consoleDir: dir } });
  });
  afterAll(() => t.close());

  it('GET / sends people to the console', async () => {
    const response = await t.http().get('/');
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/app/');
  });

  it('answers index.html for /app/ and for any client route under it, revalidated every time', async () => {
    for (const path of ['/app/', '/app', '/app/today', '/app/office/staff/123?tab=roles']) {
      const response = await t.http().get(path);
      expect([path, response.status]).toEqual([path, 200]);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('<title>console</title>');
    }
  });

  it('caches hashed assets for a year and answers 404 (not the page) for a missing one', async () => {
    const found = await t.http().get(`/app/assets/${asset}`);
    expect(found.status).toBe(200);
    expect(found.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await t.http().get('/app/assets/index-Gone1234.js');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const unhashed = await t.http().get('/app/favicon.svg');
    expect(unhashed.headers['cache-control']).toBe('no-cache');
  });

  it('keeps a strict Content-Security-Policy: scripts only from the service itself, no eval', async () => {
    const response = await t.http().get('/app/today');
    const csp = String(response.headers['content-security-policy']);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1];
    expect(scriptSrc).toBe("'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'self'");
  });

  it('leaves the API, /docs and /iclock where they are', async () => {
    expect((await t.http().get('/health')).status).toBe(200);
    expect((await t.http().get('/docs-json')).status).toBe(200);
    expect((await t.http().get('/staff')).status).toBe(401);
  });

  it('says how to build the console when it is not built, instead of a blank page', async () => {
    const bare = await startTestApp({ config: { consoleDir: join(dir, 'nothing-here') } });
    try {
      const response = await bare.http().get('/app/today');
      expect(response.status).toBe(503);
      expect(response.text).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});
