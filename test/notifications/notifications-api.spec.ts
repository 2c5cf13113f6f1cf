import { NotificationDeliverer } from '../../src/notifications/notification-deliverer';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

const WEBHOOK_SECRET = `whsec_${Buffer.from('another-signing-secret-32-bytes!').toString('base64')}`;

/**
 * Issue 18, the routes: a person's messages (read, unread, mark read; someone else's is 404) and
 * their e-mail choice per kind over the office's defaults; the office's settings, channels whose
 * secrets are never answered, and roles on every action.
 */
describe('Notification routes (issue 18)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let lead: CreatedStaff;
  let emp: CreatedStaff;
  let deliverer: NotificationDeliverer;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    lead = await newStaff(t, admin);
    emp = await newStaff(t, admin, { supervisorId: lead.id });
    deliverer = t.app.get(NotificationDeliverer);
  });
  afterAll(() => t.close());

  const requestLeave = (date: string) =>
    t.http().post('/leave-requests').set(emp.auth).send({ type: 'personal', startDate: date, endDate: date, startHalf: null, endHalf: null, reason: 'family' }).expect(201);

  it('H-ORG-3: the approver reads their messages, one or all; someone else cannot see or mark them (404)', async () => {
    await requestLeave('2026-11-30');
    await requestLeave('2026-12-01');
    await deliverer.deliverOnce();
    const inbox = (await t.http().get('/notifications').set(lead.auth).expect(200)).body;
    expect(inbox).toMatchObject({ total: 2, unread: 2, page: 1, pageSize: 50 });
    const [first] = inbox.items;
    expect((await t.http().post(`/notifications/${first.id}/read`).set(emp.auth)).status).toBe(404);
    const read = await t.http().post(`/notifications/${first.id}/read`).set(lead.auth).set('Accept-Language', 'en').expect(200);
    expect(read.body).toMatchObject({ id: first.id, readAt: '2026-11-27T02:00:00.000Z', title: expect.stringMatching(/^Waiting for you/) });
    expect((await t.http().get('/notifications?unread=true').set(lead.auth).expect(200)).body).toMatchObject({ total: 1, unread: 1 });
    expect((await t.http().post('/notifications/read-all').set(lead.auth).expect(200)).body).toEqual({ marked: 1 });
    expect((await t.http().get('/notifications?unread=true').set(lead.auth).expect(200)).body).toMatchObject({ total: 0, unread: 0 });
  });

  it("each person chooses e-mail per kind; left alone, the office's default applies; a new address is validated", async () => {
    const defaults = (await t.http().get('/notifications/preferences').set(emp.auth).expect(200)).body;
    expect(defaults.hasEmail).toBe(false);
    expect(defaults.items.find((p: { kind: string }) => p.kind === 'daily_problems')).toEqual({ kind: 'daily_problems', email: true, chosen: false });
    const put = await t.http().put('/notifications/preferences').set(emp.auth).send({ preferences: [{ kind: 'daily_problems', email: false }] }).expect(200);
    expect(put.body.items.find((p: { kind: string }) => p.kind === 'daily_problems')).toEqual({ kind: 'daily_problems', email: false, chosen: true });
    // The office turns the default off for a kind: who has not chosen follows.
    await t.http().put('/notification-settings').set(admin.auth).send({ emailKinds: ['request_decided'] }).expect(200);
    const after = (await t.http().get('/notifications/preferences').set(emp.auth).expect(200)).body.items;
    expect(after.find((p: { kind: string }) => p.kind === 'request_waiting')).toEqual({ kind: 'request_waiting', email: false, chosen: false });
    await t.http().put('/notifications/preferences').set(emp.auth).send({ preferences: [{ kind: 'daily_problems', email: null }] }).expect(200);
    const reset = (await t.http().get('/notifications/preferences').set(emp.auth).expect(200)).body.items;
    expect(reset.find((p: { kind: string }) => p.kind === 'daily_problems')).toEqual({ kind: 'daily_problems', email: false, chosen: false });
    const bad = await t.http().put('/notifications/preferences').set(emp.auth).send({ preferences: [{ kind: 'gossip', email: true }] });
    expect(bad.status).toBe(400);
    const badEmail = await t.http().patch(`/staff/${emp.id}`).set(admin.auth).set('Accept-Language', 'en').send({ email: 'not-an-address' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.details).toContainEqual({ field: 'email', message: 'email must be an e-mail address like wang@example.com' });
    const saved = await t.http().patch(`/staff/${emp.id}`).set(admin.auth).send({ email: 'wang@example.com', language: 'en' }).expect(200);
    expect(saved.body).toMatchObject({ email: 'wang@example.com', language: 'en' });
  });

  it('the office sets retention, digest hour, reminder and escalation (escalation after the reminder), audited', async () => {
    const settings = (await t.http().get('/notification-settings').set(admin.auth).expect(200)).body;
    expect(settings).toMatchObject({ retentionDays: 180, digestHour: 9, reminderHours: 24, escalationHours: 48, terminalSilentMinutes: 30, emailConfigured: false });
    const wrong = await t.http().put('/notification-settings').set(admin.auth).send({ reminderHours: 48 });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'NOTIFICATION_SETTINGS_INVALID', details: [{ field: 'escalationHours' }] });
    const put = await t.http().put('/notification-settings').set(admin.auth).send({ retentionDays: 90, digestHour: 8 }).expect(200);
    expect(put.body).toMatchObject({ retentionDays: 90, digestHour: 8, reminderHours: 24 });
    expect(await t.sql(`SELECT action FROM audit_log WHERE entity = 'notification_settings' ORDER BY id`)).toEqual([{ action: 'notification_settings.update' }, { action: 'notification_settings.update' }]);
    expect((await t.http().put('/notification-settings').set(admin.auth).send({ retentionDays: 3 })).status).toBe(400);
  });

  it('secrets are stored encrypted and never answered: only whether one is set and its last four characters', async () => {
    const created = await t.http().post('/notification-channels').set(admin.auth).send({
      kind: 'webhook', name: 'Payroll', url: 'https://payroll.example.com/hooks/kaoqin?token=payroll-token-1234', secret: WEBHOOK_SECRET, eventKinds: ['request_decided'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ urlHost: 'payroll.example.com', urlLast4: '1234', secretSet: true, secretLast4: WEBHOOK_SECRET.slice(-4), scope: 'office', teamLeadId: null, active: true });
    const everything = JSON.stringify((await t.http().get('/notification-channels').set(admin.auth).expect(200)).body) + JSON.stringify(await t.sql(`SELECT * FROM notification_channel`));
    expect(everything).not.toContain('payroll-token-1234');
    expect(everything).not.toContain(WEBHOOK_SECRET);
    const audit = JSON.stringify(await t.sql(`SELECT before, after FROM audit_log WHERE entity = 'notification_channel'`));
    expect(audit).not.toContain(WEBHOOK_SECRET);

    const noSecret = await t.http().post('/notification-channels').set(admin.auth).send({ kind: 'webhook', name: 'x', url: 'https://a.example.com/', eventKinds: ['month_closed'] });
    expect(noSecret.body).toMatchObject({ code: 'NOTIFICATION_CHANNEL_INVALID', details: [{ field: 'secret' }] });
    const team = await t.http().post('/notification-channels').set(admin.auth).send({ kind: 'wecom', name: '销售组', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', scope: 'team', eventKinds: ['request_waiting'] });
    expect(team.body).toMatchObject({ code: 'NOTIFICATION_CHANNEL_INVALID', details: [{ field: 'teamLeadId' }] });
    const empty = await t.http().post('/notification-channels').set(admin.auth).send({ kind: 'wecom', name: '销售组', url: 'https://qyapi.weixin.qq.com/x', eventKinds: [] });
    expect(empty.body).toMatchObject({ code: 'NOTIFICATION_CHANNEL_INVALID', details: [{ field: 'eventKinds' }] });
    const ftp = await t.http().post('/notification-channels').set(admin.auth).send({ kind: 'wecom', name: 'x', url: 'ftp://example.com/', eventKinds: ['month_closed'] });
    expect(ftp.status).toBe(400);
    const off = await t.http().patch(`/notification-channels/${created.body.id}`).set(admin.auth).send({ active: false, scope: 'team', teamLeadId: lead.id }).expect(200);
    expect(off.body).toMatchObject({ active: false, scope: 'team', teamLeadId: lead.id, secretSet: true });
    expect((await t.http().patch(`/notification-channels/${created.body.id}`).set(admin.auth).send({ secret: null })).body.code).toBe('NOTIFICATION_CHANNEL_INVALID');
    expect((await t.http().patch('/notification-channels/00000000-0000-4000-8000-000000000000').set(admin.auth).send({ active: false })).status).toBe(404);
  });

  it('the office alone sees settings, channels and the delivery log (403 for everyone else)', async () => {
    for (const [method, path] of [['get', '/notification-settings'], ['get', '/notification-channels'], ['get', '/notification-deliveries'], ['put', '/notification-settings']] as const) {
      expect((await t.http()[method](path).set(lead.auth).send({})).status).toBe(403);
    }
    expect((await t.http().post('/notification-deliveries/00000000-0000-4000-8000-000000000000/retry').set(admin.auth)).status).toBe(404);
    const filtered = await t.http().get('/notification-deliveries?status=failed&from=2026-11-01&to=2026-11-30').set(admin.auth).expect(200);
    expect(filtered.body.total).toBe(0);
  });
});
