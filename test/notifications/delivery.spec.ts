import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { NotificationDeliverer } from '../../src/notifications/notification-deliverer';
import { Notifier } from '../../src/notifications/notifier';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { HttpReceiver, SmtpReceiver } from '../support/notification-receivers';
import { startTestApp, TestApp } from '../support/test-app';

const WEBHOOK_SECRET = `whsec_${Buffer.from('a-webhook-signing-secret-of-32-by').toString('base64')}`;
const DING_SECRET = 'SECdingtalk-robot-secret';
const FEISHU_SECRET = 'feishu-bot-secret';
const ALL_KINDS = ['request_waiting', 'request_decided', 'request_reminder', 'request_escalated'];

/**
 * Issue 18: a request that waits reaches its approver, on every channel, from the outbox written
 * in the request's transaction; failures are retried 1 min, 5 min, 30 min, 2 h and 12 h apart, then
 * failed and visible, and retried by hand. Real receivers: an SMTP server, HTTP robots, a webhook
 * that verifies the Standard Webhooks signature. Today is Friday 2026-11-27, 10:00 in Shanghai.
 */
describe('Notifications delivered from the outbox (issue 18; H-ORG-3)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let lead: CreatedStaff;
  let emp: CreatedStaff;
  let smtp: SmtpReceiver;
  let receiver: HttpReceiver;
  let deliverer: NotificationDeliverer;
  const channelIds: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await new SmtpReceiver().start();
    receiver = await new HttpReceiver().start();
    t = await startTestApp({ clock, config: { smtpUrl: smtp.url, mailFrom: '考勤 <kaoqin@example.com>', notifyTimeoutMs: 1000 } });
    admin = await loginAdmin(t);
    lead = await newStaff(t, admin, { name: '李主管' });
    emp = await newStaff(t, admin, { name: '王芳', supervisorId: lead.id });
    await t.http().patch(`/staff/${lead.id}`).set(admin.auth).send({ email: 'lead@example.com', language: 'en' }).expect(200);
    await t.http().patch(`/staff/${emp.id}`).set(admin.auth).send({ email: 'wang@example.com' }).expect(200);
    const channels = [
      { kind: 'dingtalk', name: '办公室钉钉群', url: receiver.url('/dingtalk/robot/send?access_token=ding-token-1'), secret: DING_SECRET },
      { kind: 'wecom', name: '企业微信群', url: receiver.url('/wecom/webhook/send?key=wecom-key-1') },
      { kind: 'feishu', name: '飞书群', url: receiver.url('/feishu/hook/feishu-hook-1'), secret: FEISHU_SECRET },
      { kind: 'webhook', name: 'Payroll', url: receiver.url('/payroll/hook'), secret: WEBHOOK_SECRET },
    ];
    for (const channel of channels) {
      const response = await t.http().post('/notification-channels').set(admin.auth).send({ ...channel, eventKinds: ALL_KINDS });
      expect(response.status).toBe(201);
      channelIds[channel.kind] = response.body.id;
    }
    deliverer = t.app.get(NotificationDeliverer);
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
    await smtp.stop();
  });

  const requestLeave = (date: string) =>
    t.http().post('/leave-requests').set(emp.auth).send({ type: 'personal', startDate: date, endDate: date, startHalf: null, endHalf: null, reason: 'family' });
  const deliveries = async (query = '') => (await t.http().get(`/notification-deliveries?pageSize=200${query}`).set(admin.auth).expect(200)).body;

  it('H-ORG-3: a leave request waits for its approver — in-app, by e-mail in their language, on each robot in its own format, and as a signed webhook', async () => {
    const leave = await requestLeave('2026-11-30');
    expect(leave.status).toBe(201);
    expect(await deliverer.deliverOnce()).toBe(5);

    const inbox = await t.http().get('/notifications').set(lead.auth).set('Accept-Language', 'en').expect(200);
    expect(inbox.body).toMatchObject({ total: 1, unread: 1 });
    expect(inbox.body.items[0]).toMatchObject({ kind: 'request_waiting', title: 'Waiting for you: leave request of 王芳', readAt: null, params: { subjectKind: 'leave', subjectId: leave.body.id } });
    expect((await t.http().get('/notifications').set(emp.auth).expect(200)).body.total).toBe(0);

    // E-mail: to the approver's address, in English (their language), text and HTML, one Message-ID per delivery.
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0];
    expect(mail.to).toMatchObject({ text: 'lead@example.com' });
    expect(mail.from).toMatchObject({ value: [{ address: 'kaoqin@example.com', name: '考勤' }] });
    expect(mail.subject).toBe('Waiting for you: leave request of 王芳');
    expect(mail.text).toContain('it waits for your decision (H-ORG-3)');
    expect(mail.html).toContain('<h2>Waiting for you: leave request of 王芳</h2>');
    expect(mail.messageId).toMatch(/\.email\..+@kaoqin>$/);

    // DingTalk: markdown, signed with timestamp + sign (HMAC-SHA256 of "timestamp\nsecret").
    const [ding] = receiver.at('/dingtalk/robot/send');
    expect(ding.query.get('access_token')).toBe('ding-token-1');
    const timestamp = ding.query.get('timestamp')!;
    expect(ding.query.get('sign')).toBe(createHmac('sha256', DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest('base64'));
    expect(ding.json).toMatchObject({ msgtype: 'markdown', markdown: { title: '待审批：王芳的请假' } });
    expect((ding.json!.markdown as { text: string }).text).toMatch(/^### 待审批：王芳的请假\n\n王芳提交了请假/);

    // WeCom: markdown content; its key is in the URL.
    const [wecom] = receiver.at('/wecom/webhook/send');
    expect(wecom.query.get('key')).toBe('wecom-key-1');
    expect(wecom.json).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringContaining('待审批：王芳的请假') } });

    // Feishu: text, signed with timestamp (seconds) + sign (HMAC-SHA256 keyed "timestamp\nsecret" over nothing).
    const [feishu] = receiver.at('/feishu/hook/feishu-hook-1');
    const fs = feishu.json as { timestamp: string; sign: string; msg_type: string; content: { text: string } };
    expect(fs.msg_type).toBe('text');
    expect(fs.sign).toBe(createHmac('sha256', `${fs.timestamp}\n${FEISHU_SECRET}`).update('').digest('base64'));
    expect(fs.content.text).toContain('待审批：王芳的请假');

    // Webhook: Standard Webhooks headers, verified with the package the receiver would use.
    const [hook] = receiver.at('/payroll/hook');
    const payload = new Webhook(WEBHOOK_SECRET).verify(hook.body, hook.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };
    expect(payload.type).toBe('kaoqin.request_waiting');
    expect(payload.data).toMatchObject({ kind: 'request_waiting', params: { subjectKind: 'leave', subjectId: leave.body.id, requesterName: '王芳' } });
    expect(hook.headers['webhook-id']).toMatch(/\.webhook\./);

    const log = await deliveries('&kind=request_waiting');
    expect(log.total).toBe(5);
    expect(log.items.every((d: { status: string; attempts: number }) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
    // Nothing more to do: a second pass sends nothing again.
    expect(await deliverer.deliverOnce()).toBe(0);
  });

  it('H-ORG-3: the decision reaches the requester, in the company language (Chinese) by e-mail', async () => {
    const leave = await requestLeave('2026-12-01');
    await deliverer.deliverOnce();
    await t.http().post(`/leave-requests/${leave.body.id}/reject`).set(lead.auth).send({ comment: '那天店里缺人' }).expect(200);
    await deliverer.deliverOnce();
    const inbox = await t.http().get('/notifications').set(emp.auth).expect(200);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'request_decided', title: '您的请假已驳回' });
    expect(inbox.body.items[0].text).toContain('意见：那天店里缺人');
    const mail = smtp.mails.find((m) => m.subject === '您的请假已驳回');
    expect(mail?.to).toMatchObject({ text: 'wang@example.com' });
  });

  it('a change that rolls back leaves no message; a refused request none either', async () => {
    const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM notification_event`);
    const notifier = t.app.get(Notifier);
    await expect(
      t.dataSource.transaction(async (manager) => {
        await notifier.emit(manager, { kind: 'month_closed', audience: 'finance', staffId: null, params: { month: '2026-10', actorName: 'x' } });
        throw new Error('the change failed after its message was written');
      }),
    ).rejects.toThrow('the change failed');
    expect((await requestLeave('2026-11-27')).status).toBe(422);
    expect(await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM notification_event`)).toEqual(before);
  });

  it('a receiver answering 500 is tried again a minute later; a robot saying "system busy" (errcode) counts as a failure', async () => {
    let hookCalls = 0;
    let dingCalls = 0;
    receiver.answer = (request) => {
      if (request.path === '/payroll/hook' && ++hookCalls === 1) return { status: 500, body: 'down for maintenance' };
      if (request.path === '/dingtalk/robot/send' && ++dingCalls === 1) return { status: 200, body: '{"errcode":-1,"errmsg":"系统繁忙"}' };
      return { status: 200, body: '{"errcode":0,"code":0}' };
    };
    await requestLeave('2026-12-02');
    await deliverer.deliverOnce();
    const failing = (await deliveries('&status=pending')).items;
    expect(failing.map((d: { channel: string }) => d.channel).sort()).toEqual(['dingtalk', 'webhook']);
    expect(failing.find((d: { channel: string }) => d.channel === 'webhook')).toMatchObject({ attempts: 1, lastError: 'HTTP 500: down for maintenance', nextAttemptAt: '2026-11-27T02:01:00.000Z' });
    expect(failing.find((d: { channel: string }) => d.channel === 'dingtalk').lastError).toBe('errcode -1: 系统繁忙');
    // Not due before the minute is up.
    clock.set('2026-11-27T10:00:59+08:00');
    expect(await deliverer.deliverOnce()).toBe(0);
    clock.set('2026-11-27T10:01:00+08:00');
    expect(await deliverer.deliverOnce()).toBe(2);
    expect((await deliveries('&status=pending')).total).toBe(0);
    // The same webhook-id both times: a receiver that deduplicates keeps one.
    const ids = receiver.at('/payroll/hook').slice(-2).map((r) => r.headers['webhook-id']);
    expect(ids[0]).toBe(ids[1]);
    receiver.answer = () => ({ status: 200, body: '{"errcode":0,"code":0}' });
    clock.set('2026-11-27T10:00:00+08:00');
  });

  it('a dead receiver: tried 6 times (1 min, 5 min, 30 min, 2 h, 12 h apart), then failed with its last error; retried by hand once it is back', async () => {
    const dead = await new HttpReceiver().start();
    const deadUrl = dead.url('/gone?access_token=dead-token-9');
    await dead.stop();
    await t.http().patch(`/notification-channels/${channelIds.wecom}`).set(admin.auth).send({ url: deadUrl }).expect(200);
    await requestLeave('2026-12-03');
    let now = new Date('2026-11-27T02:00:00Z').getTime();
    const gaps = [0, 60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];
    for (const gap of gaps) {
      now += gap;
      clock.set(new Date(now));
      await deliverer.deliverOnce();
    }
    const [failed] = (await deliveries('&status=failed&channel=wecom')).items;
    expect(failed).toMatchObject({ status: 'failed', attempts: 6, nextAttemptAt: null, channelName: '企业微信群' });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    // The robot's token is in its URL: never in the log.
    expect(JSON.stringify(await deliveries())).not.toContain('dead-token-9');
    // Failed stays failed: nothing more is tried.
    clock.set(new Date(now + 24 * 3_600_000));
    expect(await deliverer.deliverOnce()).toBe(0);

    // Back: the office points the robot at the live address and retries (audited).
    await t.http().patch(`/notification-channels/${channelIds.wecom}`).set(admin.auth).send({ url: receiver.url('/wecom/webhook/send?key=wecom-key-1') }).expect(200);
    const retried = await t.http().post(`/notification-deliveries/${failed.id}/retry`).set(admin.auth).expect(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await t.http().post(`/notification-deliveries/${failed.id}/retry`).set(admin.auth)).body.code).toBe('NOTIFICATION_NOT_FAILED');
    expect(await deliverer.deliverOnce()).toBe(1);
    const delivered = (await t.http().get(`/notification-deliveries?channel=wecom&status=delivered&kind=request_waiting&pageSize=200`).set(admin.auth)).body.items;
    expect(delivered.find((d: { id: string }) => d.id === failed.id)).toMatchObject({ attempts: 1, lastError: null });
    const audit = await t.sql(`SELECT action FROM audit_log WHERE entity = 'notification_delivery' AND entity_id = $1`, [failed.id]);
    expect(audit).toEqual([{ action: 'notification_delivery.retry' }]);
    clock.set('2026-11-27T10:00:00+08:00');
  });

  it('a slow receiver never slows the API: the attempt gives up at NOTIFY_TIMEOUT_MS while requests are answered at once', async () => {
    receiver.answer = (request) => (request.path === '/payroll/hook' ? { status: 200, delayMs: 3000 } : { status: 200, body: '{"errcode":0,"code":0}' });
    await requestLeave('2026-12-04');
    const pass = deliverer.deliverOnce();
    const started = performance.now();
    await t.http().get('/notifications').set(lead.auth).expect(200);
    expect(performance.now() - started).toBeLessThan(500);
    await pass;
    const [slow] = (await deliveries('&status=pending&channel=webhook')).items;
    expect(slow.lastError).toMatch(/abort|timeout/i);
    receiver.answer = () => ({ status: 200, body: '{"errcode":0,"code":0}' });
  });
});
