import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { loginAdmin, SignedIn } from './support/actors';
import { bodyOf, chunkedHead, rawRequest } from './support/raw-http';
import { ADMIN_PASSWORD, startTestApp, TestApp } from './support/test-app';

/**
 * Issue 23: request heads and bodies have read timeouts. Small ones here (README: Configuration
 * has the defaults); the server listens for real, so that raw connections can stall or trickle.
 */
const IDLE_MS = 500;
const HEADERS_MS = 800;
const REQUEST_MS = 2500;
/** Slack for a busy machine: a timeout must fire after its bound and not much later. */
const SLACK_MS = 2500;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

describe('Slow clients: head, body and request read timeouts (issue 23)', () => {
  let t: TestApp;
  let port: number;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ config: { httpBodyIdleTimeoutMs: IDLE_MS, httpHeadersTimeoutMs: HEADERS_MS, httpRequestTimeoutMs: REQUEST_MS } });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const loginBody = JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD });

  it('a JSON body that stops arriving is answered 408 REQUEST_TIMEOUT in the one error shape, and the connection closed', async () => {
    const stalled = rawRequest(port, chunkedHead('/auth/login', { 'Content-Type': 'application/json', 'Accept-Language': 'en' }), loginBody.slice(0, 12));
    const answer = await stalled.answer;
    expect(answer.status).toBe(408);
    expect(bodyOf(answer)).toEqual({ statusCode: 408, code: 'REQUEST_TIMEOUT', message: expect.stringContaining(`${IDLE_MS} ms`), details: [{ field: 'body', message: `no data for ${IDLE_MS} ms` }] });
    expect(answer.headers.connection).toBe('close');
    expect(answer.closedByServer).toBe(true);
    expect(answer.closedAfterMs).toBeGreaterThanOrEqual(IDLE_MS);
    expect(answer.closedAfterMs).toBeLessThan(IDLE_MS + SLACK_MS);
  });

  it('the 408 of a stalled body reads Chinese by default, its detail too', async () => {
    const stalled = rawRequest(port, chunkedHead('/auth/login', { 'Content-Type': 'application/json' }), loginBody.slice(0, 12));
    const answer = await stalled.answer;
    expect(bodyOf(answer)).toMatchObject({ statusCode: 408, code: 'REQUEST_TIMEOUT', details: [{ field: 'body', message: `${IDLE_MS} 毫秒内没有收到数据` }] });
  });

  it('a terminal upload that stops arriving is answered 408 as one plain-text line (terminals cannot read JSON)', async () => {
    const stalled = rawRequest(port, chunkedHead('/iclock/cdata?SN=CQZSTALL1&table=ATTLOG', { 'Content-Type': 'text/plain', 'Accept-Language': 'en' }), '1\t2026-11-16 08:29:10\t0\t1\n');
    const answer = await stalled.answer;
    expect(answer.status).toBe(408);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    expect(answer.body).toMatch(/^REQUEST_TIMEOUT: The request body stopped arriving/);
    expect(answer.closedByServer).toBe(true);
  });

  it('a slow but steady body is not cut off: only silence counts', async () => {
    const slow = rawRequest(port, chunkedHead('/auth/login', { 'Content-Type': 'application/json', Connection: 'close' }));
    // Six pieces, one every 60% of the idle timeout: the whole body takes more than three idle timeouts.
    const pieces = loginBody.match(/.{1,8}/g) as string[];
    for (const [i, piece] of pieces.slice(0, 6).entries()) {
      if (i > 0) await sleep(IDLE_MS * 0.6);
      slow.chunk(piece);
    }
    slow.chunk(pieces.slice(6).join(''));
    slow.endChunks();
    const answer = await slow.answer;
    expect(answer.status).toBe(200);
    expect(bodyOf(answer)).toMatchObject({ tokenType: 'Bearer' });
  });

  it('a complete body whose handler waits on the database longer than the idle timeout is answered normally', async () => {
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('LOCK TABLE punch IN ACCESS EXCLUSIVE MODE');
      const batch = JSON.stringify({ punches: [{ employeeNo: 'NOBODY', at: '2026-11-16T08:29:10+08:00' }] });
      const waiting = rawRequest(port, chunkedHead('/punches/batch', { 'Content-Type': 'application/json', Authorization: admin.auth.Authorization, Connection: 'close' }));
      await sleep(100);
      waiting.chunk(batch);
      waiting.endChunks();
      await sleep(IDLE_MS * 3);
      await client.query('COMMIT');
      const answer = await waiting.answer;
      expect(answer.status).toBe(200);
      expect(bodyOf(answer)).toMatchObject({ received: 1, inserted: 0, rejected: [{ reason: 'UNKNOWN_EMPLOYEE' }] });
    } finally {
      await client.end();
    }
  });

  it('a head that never ends is answered 408 after HTTP_HEADERS_TIMEOUT_MS', async () => {
    const stalled = rawRequest(port, 'POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n');
    const answer = await stalled.answer;
    expect(answer.status).toBe(408);
    expect(bodyOf(answer)).toEqual({ statusCode: 408, code: 'REQUEST_TIMEOUT', message: expect.any(String), details: [] });
    expect(answer.closedAfterMs).toBeGreaterThanOrEqual(HEADERS_MS);
    expect(answer.closedAfterMs).toBeLessThan(HEADERS_MS + SLACK_MS);
  });

  it('a body that trickles on for ever is answered 408 after HTTP_REQUEST_TIMEOUT_MS, and no later', async () => {
    const trickle = rawRequest(port, chunkedHead('/auth/login', { 'Content-Type': 'application/json' }), '{"username":');
    // A space every 40% of the idle timeout: never idle, never done.
    const timer = setInterval(() => trickle.chunk(' '), IDLE_MS * 0.4);
    try {
      const answer = await trickle.answer;
      expect(answer.status).toBe(408);
      expect(bodyOf(answer)).toMatchObject({ statusCode: 408, code: 'REQUEST_TIMEOUT' });
      expect(answer.closedAfterMs).toBeGreaterThanOrEqual(REQUEST_MS);
      expect(answer.closedAfterMs).toBeLessThan(REQUEST_MS + SLACK_MS);
    } finally {
      clearInterval(timer);
    }
  });

  it('the service goes on answering after all of these', async () => {
    expect((await t.http().get('/staff').set(admin.auth)).status).toBe(200);
  });
});
