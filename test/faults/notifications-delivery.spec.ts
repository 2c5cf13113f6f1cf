import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { HttpReceiver } from '../support/notification-receivers';
import { builtMain } from '../setup/service-build';
import { ADMIN_PASSWORD, cloneTestDatabase } from '../support/test-app';
import { ChildService, freePort, InProcessService, query, randomSecret, startInProcess, waitFor } from './support/faults';

const SECRET = `whsec_${Buffer.from('fault-test-signing-secret-32-byt').toString('base64')}`;

/** A receiver that deduplicates on webhook-id, as the issue asks of one: it counts what it got and what it kept. */
function deduplicating(receiver: HttpReceiver): { kept: () => Set<string>; verifiedAll: () => boolean } {
  const kept = new Set<string>();
  let verified = true;
  const before = receiver.answer;
  receiver.answer = (req) => {
    try {
      new Webhook(SECRET).verify(req.body, req.headers as Record<string, string>);
    } catch {
      verified = false;
    }
    kept.add(String(req.headers['webhook-id']));
    return before(req);
  };
  return { kept: () => kept, verifiedAll: () => verified };
}

/** `n` events for finance (nobody holds the role here, so only the webhook hears them), as a month close writes them. */
async function insertEvents(url: string, n: number, tag: string): Promise<void> {
  await query(
    url,
    `INSERT INTO notification_event (kind, audience, params, created_at) SELECT 'month_closed', 'finance', jsonb_build_object('month', '2026-10', 'actorName', $1 || i), now() FROM generate_series(1, $2) i`,
    [tag, n],
  );
}

async function registerWebhook(url: string, auth: Record<string, string>, receiver: HttpReceiver): Promise<void> {
  const response = await request(url).post('/notification-channels').set(auth).send({ kind: 'webhook', name: 'Payroll', url: receiver.url('/hook'), secret: SECRET, eventKinds: ['month_closed'] });
  expect(response.status).toBe(201);
}

const delivered = async (url: string) => (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM notification_delivery WHERE status = 'delivered'`))[0].n;

/**
 * Issue 18, delivery under faults: two instances deliver the outbox one at a time (an advisory
 * lock), so a receiver that deduplicates on webhook-id gets each message exactly once; and a
 * service killed with SIGKILL mid-delivery loses nothing — the next start sends what was pending,
 * with the same webhook-id.
 */
describe('Faults: notification delivery (issue 18)', () => {
  it('two instances on one database: every message reaches the deduplicating receiver exactly once, none twice', async () => {
    const database = await cloneTestDatabase();
    const receiver = await new HttpReceiver().start();
    const dedupe = deduplicating(receiver);
    const env = { DATABASE_URL: database.url, JWT_SECRET: randomSecret(), NOTIFY_DELIVERY_MS: '20', NOTIFY_SWEEP_SECONDS: '0' };
    let a: InProcessService | null = null;
    let b: InProcessService | null = null;
    try {
      [a, b] = await Promise.all([startInProcess(env), startInProcess(env)]);
      const login = await request(a.url).post('/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(200);
      await registerWebhook(a.url, { Authorization: `Bearer ${login.body.accessToken}` }, receiver);
      await insertEvents(database.url, 150, 'two-');
      await waitFor('every delivery', async () => ((await delivered(database.url)) === 150 ? true : undefined), 60000, 100);
      expect(dedupe.kept().size).toBe(150);
      // One instance at a time: not even a repeat for the deduplication to drop.
      expect(receiver.received).toHaveLength(150);
      expect(dedupe.verifiedAll()).toBe(true);
      expect(await query(database.url, `SELECT DISTINCT attempts FROM notification_delivery`)).toEqual([{ attempts: 1 }]);
    } finally {
      await Promise.all([a?.stop().catch(() => undefined), b?.stop().catch(() => undefined)]);
      await receiver.stop();
      await database.drop();
    }
  }, 120000);

  it('kill -9 while messages are in flight: after a restart every message arrives, the ones in flight again with the same webhook-id', async () => {
    const [mainJs, database, port] = await Promise.all([builtMain(), cloneTestDatabase(), freePort()]);
    const receiver = await new HttpReceiver().start();
    // Slow answers until the kill, so that it lands while requests are open.
    let delayMs = 1500;
    receiver.answer = () => ({ status: 200, delayMs });
    const dedupe = deduplicating(receiver);
    const env = {
      DATABASE_URL: database.url,
      ADMIN_PASSWORD,
      JWT_SECRET: randomSecret(),
      ATTENDANCE_SWEEP_SECONDS: '0',
      LEAVE_GRANT_SWEEP_SECONDS: '0',
      NOTIFY_DELIVERY_MS: '100',
      NOTIFY_SWEEP_SECONDS: '0',
      NOTIFY_TIMEOUT_MS: '30000',
    };
    let child = new ChildService(mainJs, port, env);
    try {
      await child.start(60000);
      const login = await request(child.url).post('/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(200);
      await registerWebhook(child.url, { Authorization: `Bearer ${login.body.accessToken}` }, receiver);
      await insertEvents(database.url, 20, 'kill-');
      await waitFor('requests in flight', async () => (receiver.received.length > 0 ? true : undefined), 30000, 20);
      await child.kill9();
      const inFlight = new Set(receiver.received.map((r) => String(r.headers['webhook-id'])));
      const pending = (await query<{ n: number }>(database.url, `SELECT count(*)::int AS n FROM notification_delivery WHERE status = 'pending'`))[0].n;
      expect(pending).toBeGreaterThan(0);

      delayMs = 0;
      child = new ChildService(mainJs, port, env);
      await child.start(60000);
      await waitFor('every delivery after the restart', async () => ((await delivered(database.url)) === 20 ? true : undefined), 60000, 100);
      expect(dedupe.kept().size).toBe(20);
      expect(dedupe.verifiedAll()).toBe(true);
      // At least once: what was in flight when the process died was sent again, under the same id.
      const repeated = receiver.received.filter((r, i) => receiver.received.findIndex((other) => other.headers['webhook-id'] === r.headers['webhook-id']) !== i);
      expect(repeated.length).toBeGreaterThan(0);
      for (const r of repeated) expect(inFlight.has(String(r.headers['webhook-id']))).toBe(true);
    } finally {
      await child.stop().catch(() => undefined);
      await receiver.stop();
      await database.drop();
    }
  }, 600000);
});
