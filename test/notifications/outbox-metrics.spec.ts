import { NotificationDeliverer } from '../../src/notifications/notification-deliverer';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { HttpReceiver } from '../support/notification-receivers';
import { startTestApp, TestApp } from '../support/test-app';

const TOKEN = 'metrics-token-for-outbox-0123456789';
const WEBHOOK_SECRET = `whsec_${Buffer.from('a-webhook-signing-secret-of-32-by').toString('base64')}`;

const sample = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

/**
 * Issue 18: the outbox as an operator watches it — events waiting to be fanned out, deliveries
 * pending, due and failed, the age of the oldest due one, and the attempts by outcome — so that a
 * stopped deliverer or a dead receiver shows on a dashboard before anyone asks where a message went.
 */
describe('Outbox metrics (issue 18)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let emp: CreatedStaff;
  let receiver: HttpReceiver;
  let deliverer: NotificationDeliverer;
  const scrape = async () => (await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;

  beforeAll(async () => {
    receiver = await new HttpReceiver().start();
    t = await startTestApp({ clock, config: { metricsToken: TOKEN, notifyTimeoutMs: 1000 } });
    admin = await loginAdmin(t);
    const lead = await newStaff(t, admin, { name: '李主管' });
    emp = await newStaff(t, admin, { name: '王芳', supervisorId: lead.id });
    await t.http().post('/notification-channels').set(admin.auth).send({ kind: 'webhook', name: 'Payroll', url: receiver.url('/hook'), secret: WEBHOOK_SECRET, eventKinds: ['request_waiting'] }).expect(201);
    deliverer = t.app.get(NotificationDeliverer);
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  it('shows an event waiting, a failed attempt to retry, the wait of the one due, then its delivery', async () => {
    expect(sample(await scrape(), 'kaoqin_notification_outbox{state="waiting"}')).toBe(0);
    await t.http().post('/leave-requests').set(emp.auth).send({ type: 'personal', startDate: '2026-11-30', endDate: '2026-11-30', startHalf: null, endHalf: null, reason: 'family' }).expect(201);
    const written = await scrape();
    expect(sample(written, 'kaoqin_notification_outbox{state="waiting"}')).toBe(1);
    expect(sample(written, 'kaoqin_notification_outbox{state="pending"}')).toBe(0);

    receiver.answer = () => ({ status: 500, body: 'busy' });
    expect(await deliverer.deliverOnce()).toBe(1);
    const failedOnce = await scrape();
    expect(sample(failedOnce, 'kaoqin_notification_outbox{state="waiting"}')).toBe(0);
    expect(sample(failedOnce, 'kaoqin_notification_outbox{state="pending"}')).toBe(1);
    expect(sample(failedOnce, 'kaoqin_notification_outbox{state="due"}')).toBe(0);
    expect(sample(failedOnce, 'kaoqin_notification_oldest_due_seconds')).toBe(0);
    expect(sample(failedOnce, 'kaoqin_notification_deliveries_total{channel="webhook",outcome="retry"}')).toBe(1);

    // The retry is due a minute later; nobody delivers for another 90 s: the gauge says how long it waited.
    clock.set(new Date('2026-11-27T10:02:30+08:00'));
    const waiting = await scrape();
    expect(sample(waiting, 'kaoqin_notification_outbox{state="due"}')).toBe(1);
    expect(sample(waiting, 'kaoqin_notification_oldest_due_seconds')).toBeCloseTo(90, 0);

    receiver.answer = () => ({ status: 200, body: 'ok' });
    expect(await deliverer.deliverOnce()).toBe(1);
    const delivered = await scrape();
    expect(sample(delivered, 'kaoqin_notification_outbox{state="pending"}')).toBe(0);
    expect(sample(delivered, 'kaoqin_notification_outbox{state="failed"}')).toBe(0);
    expect(sample(delivered, 'kaoqin_notification_deliveries_total{channel="webhook",outcome="delivered"}')).toBe(1);
  });
});
