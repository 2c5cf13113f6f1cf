import { NotificationDeliverer } from '../../src/notifications/notification-deliverer';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 18, a message per event beyond leave: a business trip signed (H-ATT-8) and a make-up punch
 * decided reach the requester through the same approval events; a new handbook version reaches
 * everyone (H-CON-1 … H-CON-9); a disciplinary record the person it concerns (H-CON-8); the month
 * closed and reopened reaches finance (H-ORG-2). Today is Friday 2026-11-27 in Shanghai.
 */
describe('A message for each event (issue 18)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;
  let lead: CreatedStaff;
  let emp: CreatedStaff;
  let deliverer: NotificationDeliverer;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'], name: '赵会计' });
    lead = await newStaff(t, admin, { name: '李主管' });
    emp = await newStaff(t, admin, { name: '王芳', supervisorId: lead.id });
    deliverer = t.app.get(NotificationDeliverer);
  });
  afterAll(() => t.close());

  const latest = async (who: SignedIn, kind: string) => {
    await deliverer.deliverOnce();
    const items = (await t.http().get('/notifications?pageSize=200').set(who.auth).expect(200)).body.items as { kind: string; title: string; text: string; params: Record<string, unknown> }[];
    return items.filter((n) => n.kind === kind);
  };

  it('H-ATT-8: a business trip waits for the supervisor and its signature reaches the employee', async () => {
    const trip = await t.http().post('/exemptions').set(emp.auth).send({ date: '2026-11-30', from: null, to: null, destination: '京东仓', reason: '退货' }).expect(201);
    expect((await latest(lead, 'request_waiting'))[0]).toMatchObject({ title: '待审批：王芳的因公外出', params: { subjectKind: 'exemption', subjectId: trip.body.id } });
    await t.http().post(`/exemptions/${trip.body.id}/approve`).set(lead.auth).send({ attest: true }).expect(200);
    expect((await latest(emp, 'request_decided'))[0]).toMatchObject({ title: '您的因公外出已批准', params: { status: 'approved', actorName: '李主管' } });
  });

  it('H-ATT-7: a make-up punch, a flow of its own, is announced and decided through the same approval events', async () => {
    const correction = await t.http().post('/punch-corrections').set(emp.auth).send({ date: '2026-11-26', session: 0, direction: 'in', at: '2026-11-26T08:30:00+08:00', reason: '考勤机故障' });
    expect(correction.status).toBe(201);
    expect((await latest(lead, 'request_waiting')).map((n) => n.params.subjectKind)).toContain('punch_correction');
    await t.http().post(`/punch-corrections/${correction.body.id}/reject`).set(lead.auth).send({ comment: '当天有打卡记录' }).expect(200);
    const decided = (await latest(emp, 'request_decided')).find((n) => n.params.subjectKind === 'punch_correction');
    expect(decided).toMatchObject({ title: '您的补卡已驳回' });
  });

  it('H-CON-1: a new handbook version reaches every active person; H-CON-8: a disciplinary record the person it concerns', async () => {
    await t.http().post('/handbook/versions').set(admin.auth).send({ note: '直播规范' }).expect(201);
    await t.http().put('/handbook/versions/2/articles/H-CON-10').set(admin.auth).send({ chapter: 'conduct', titleZh: '直播规范', titleEn: 'Live streams', textZh: '直播时不得透露未公开的价格。', textEn: 'Do not reveal unpublished prices.' }).expect(200);
    await t.http().post('/handbook/versions/2/publish').set(admin.auth).send({}).expect(200);
    for (const who of [emp, lead, finance, admin]) expect((await latest(who, 'handbook_published'))[0]).toMatchObject({ title: '员工守则第 2 版已发布' });

    const handbook = (await t.http().get('/handbook/versions/1').set(admin.auth).expect(200)).body as { articles: { key: string; id: string }[] };
    const article = handbook.articles.find((a) => a.key === 'H-CON-8')!;
    const record = await t.http().post('/disciplinary-records').set(admin.auth).send({ staffId: emp.id, articleIds: [article.id], occurredOn: '2026-11-20', facts: '联系不上四小时', severity: 'minor', action: 'fine', amountFen: 5000 });
    expect(record.status).toBe(201);
    const [message] = await latest(emp, 'disciplinary_issued');
    expect(message).toMatchObject({ title: '新的奖惩记录：罚款', params: { recordId: record.body.id } });
    expect(message.text).toContain('罚款 50.00 元');
    expect(await latest(lead, 'disciplinary_issued')).toEqual([]);
  });

  it('H-ORG-2: the month closed and reopened reaches finance, with who did it and why', async () => {
    await t.http().post('/months/2026-10/close').set(finance.auth).send({}).expect(200);
    expect((await latest(finance, 'month_closed'))[0]).toMatchObject({ title: '2026-10 已结账', params: { month: '2026-10', actorName: '赵会计' } });
    await t.http().post('/months/2026-10/reopen').set(finance.auth).send({ reason: '补录病假' }).expect(200);
    expect((await latest(finance, 'month_reopened'))[0].text).toContain('原因：补录病假');
    expect(await latest(emp, 'month_closed')).toEqual([]);
  });
});
