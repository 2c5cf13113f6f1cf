import { NotificationDeliverer } from '../../src/notifications/notification-deliverer';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 18, what time brings, found by the sweep with the injected clock: a request still pending
 * is reminded to its approver after 24 hours and escalated to the office after 48 (H-ORG-3), once
 * each; yesterday's problems reach the employee once the company's clock (Asia/Shanghai) reaches
 * the digest hour (H-ATT-5, H-ATT-6, H-ATT-7); a terminal silent for the set minutes reaches the office.
 */
describe('Reminders, escalations, the daily digest and silent terminals (issue 18)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let lead: CreatedStaff;
  let emp: CreatedStaff;
  let deliverer: NotificationDeliverer;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    lead = await newStaff(t, admin, { name: '李主管' });
    emp = await newStaff(t, admin, { name: '王芳', supervisorId: lead.id });
    deliverer = t.app.get(NotificationDeliverer);
  });
  afterAll(() => t.close());

  const kinds = async (who: SignedIn) => ((await t.http().get('/notifications?pageSize=200').set(who.auth).expect(200)).body.items as { kind: string }[]).map((n) => n.kind);
  const requestLeave = (date: string) =>
    t.http().post('/leave-requests').set(emp.auth).send({ type: 'personal', startDate: date, endDate: date, startHalf: null, endHalf: null, reason: 'family' }).expect(201);

  it('H-ORG-3: a request still pending is reminded to its approver at 24 h and escalated to the office at 48 h, once each; a decided one is not', async () => {
    const waiting = await requestLeave('2026-12-07');
    const decided = await requestLeave('2026-12-08');
    await t.http().post(`/leave-requests/${decided.body.id}/approve`).set(lead.auth).send({}).expect(200);
    await deliverer.deliverOnce();
    expect(await kinds(lead)).toEqual(['request_waiting', 'request_waiting']);

    clock.set('2026-11-28T09:59:59+08:00');
    await deliverer.sweepOnce();
    expect(await kinds(lead)).not.toContain('request_reminder');

    clock.set('2026-11-28T10:00:00+08:00');
    await deliverer.sweepOnce();
    await deliverer.sweepOnce();
    const reminders = ((await t.http().get('/notifications').set(lead.auth).set('Accept-Language', 'en')).body.items as { kind: string; title: string; params: { subjectId: string } }[]).filter((n) => n.kind === 'request_reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ title: 'Reminder: leave request of 王芳 waiting 24 h', params: { subjectId: waiting.body.id } });
    expect(await kinds(admin)).not.toContain('request_escalated');

    clock.set('2026-11-29T10:00:00+08:00');
    await deliverer.sweepOnce();
    await deliverer.sweepOnce();
    const escalations = ((await t.http().get('/notifications').set(admin.auth)).body.items as { kind: string; text: string }[]).filter((n) => n.kind === 'request_escalated');
    expect(escalations).toHaveLength(1);
    expect(escalations[0].text).toContain('已等待 48 小时无人审批');
    expect(escalations[0].text).toContain('审批人：李主管');
    expect(await kinds(lead)).not.toContain('request_escalated');
  });

  it('H-ATT-5: yesterday\'s late arrival reaches the employee once, at the digest hour in company time (09:00 Asia/Shanghai = 01:00Z)', async () => {
    // Thursday 26 November: in at 08:47 (17 min late), out at 17:40.
    for (const at of ['2026-11-26T08:47:00+08:00', '2026-11-26T17:40:00+08:00']) {
      await t.http().post('/punches/manual').set(admin.auth).send({ staffId: emp.id, at, reason: 'terminal down' }).expect(201);
    }
    clock.set('2026-11-27T08:59:59+08:00');
    await t.http().get(`/attendance?staffId=${emp.id}&month=2026-11`).set(admin.auth).expect(200);
    await deliverer.sweepOnce();
    expect(await kinds(emp)).not.toContain('daily_problems');

    clock.set('2026-11-27T09:00:00+08:00');
    await deliverer.sweepOnce();
    await deliverer.sweepOnce();
    const digests = ((await t.http().get('/notifications').set(emp.auth)).body.items as { kind: string; title: string; text: string; params: Record<string, unknown> }[]).filter((n) => n.kind === 'daily_problems');
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ title: '2026-11-26 考勤异常', params: { date: '2026-11-26', lateMinutes: 17, missingPunches: 0, absent: false } });
    expect(digests[0].text).toContain('迟到 17 分钟（H-ATT-5）');
  });

  it('a terminal not seen for 30 minutes is reported to the office, once for that silence', async () => {
    const device = await t.http().post('/devices').set(admin.auth).send({ name: '前门考勤机', serialNumber: 'NOTIFY-SN-1' }).expect(201);
    clock.set('2026-11-27T12:00:00+08:00');
    await t.sql(`UPDATE device SET last_seen_at = $2 WHERE id = $1`, [device.body.id, new Date('2026-11-27T11:29:00+08:00')]);
    await deliverer.sweepOnce();
    await deliverer.sweepOnce();
    const silent = ((await t.http().get('/notifications').set(admin.auth)).body.items as { kind: string; title: string; text: string }[]).filter((n) => n.kind === 'terminal_silent');
    expect(silent).toHaveLength(1);
    expect(silent[0].title).toBe('考勤机 前门考勤机 已 30 分钟未联系');
    expect(silent[0].text).toContain('最后联系于 2026-11-27 11:29');
  });
});
