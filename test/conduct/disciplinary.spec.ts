import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

describe('Disciplinary records (H-CON-8, H-ATT-9)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;
  let lead: CreatedStaff;
  let emp: CreatedStaff;
  let other: CreatedStaff;
  let articles: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'] });
    lead = await newStaff(t, admin, { employeeNo: 'D100', name: '李主管' });
    emp = await newStaff(t, admin, { employeeNo: 'D001', supervisorId: lead.id });
    other = await newStaff(t, admin, { employeeNo: 'D002' });
    const handbook = await t.http().get('/handbook').set(emp.auth);
    articles = Object.fromEntries(handbook.body.articles.map((article: { key: string; id: string }) => [article.key, article.id]));
  });
  afterAll(() => t.close());

  const issue = (body: Record<string, unknown>, who: SignedIn = admin) =>
    t.http().post('/disciplinary-records').set(who.auth).send({ staffId: emp.id, articleIds: [articles['H-CON-8']], occurredOn: '2026-11-20', facts: 'Unreachable for four hours on 20 November', severity: 'minor', action: 'warning', ...body });
  const act = (who: SignedIn, id: string, action: string, body: Record<string, unknown> = {}) => t.http().post(`/disciplinary-records/${id}/${action}`).set(who.auth).send(body);

  it('H-CON-8: a warning has no amount; a fine needs a positive one', async () => {
    const warning = await issue({});
    expect(warning.status).toBe(201);
    expect(warning.body).toMatchObject({ staffId: emp.id, status: 'issued', action: 'warning', amountFen: null, handbookVersion: 1, issuedBy: admin.id });
    expect(warning.body.articles.map((article: { key: string }) => article.key)).toEqual(['H-CON-8']);
    const noAmount = await issue({ action: 'fine', severity: 'major' });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.details[0].field).toBe('amountFen');
    expect((await issue({ action: 'fine', amountFen: 0 })).status).toBe(400);
    expect((await issue({ action: 'warning', amountFen: 5000 })).status).toBe(400);
    const fine = await issue({ action: 'fine', severity: 'major', amountFen: 5000 });
    expect(fine.body).toMatchObject({ action: 'fine', amountFen: 5000 });
    await expect(t.sql(`UPDATE disciplinary_record SET amount_fen = NULL WHERE id = $1`, [fine.body.id])).rejects.toThrow(/disciplinary_fine_amount/);
    await expect(t.sql(`DELETE FROM disciplinary_record WHERE id = $1`, [fine.body.id])).rejects.toThrow(/never deleted/);
  });

  it('only an admin issues records, citing articles of the version in force', async () => {
    expect((await issue({}, finance)).status).toBe(403);
    expect((await issue({}, lead)).status).toBe(403);
    const unknownArticle = await issue({ articleIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknownArticle.status).toBe(422);
    expect(unknownArticle.body.code).toBe('ARTICLE_NOT_IN_FORCE');
  });

  it('each state change, and who may make it: issued → acknowledged, or appealed → upheld / withdrawn', async () => {
    const first = await issue({});
    expect((await act(lead, first.body.id, 'acknowledge')).body.code).toBe('ONLY_THE_EMPLOYEE');
    expect((await act(emp, first.body.id, 'acknowledge')).body.status).toBe('acknowledged');
    expect((await act(emp, first.body.id, 'acknowledge')).body.code).toBe('STATE_CHANGED');

    const second = await issue({ action: 'fine', severity: 'major', amountFen: 20000 });
    expect((await act(emp, second.body.id, 'uphold', { reason: 'self-serving' })).status).toBe(403);
    expect((await act(admin, second.body.id, 'uphold', { reason: 'not appealed yet' })).body.code).toBe('STATE_CHANGED');
    const appealed = await act(emp, second.body.id, 'appeal', { statement: 'My phone was being repaired; the store manager knew.' });
    expect(appealed.body).toMatchObject({ status: 'appealed', statement: 'My phone was being repaired; the store manager knew.' });
    const upheld = await act(admin, second.body.id, 'uphold', { reason: 'Nobody was told in advance' });
    expect(upheld.body).toMatchObject({ status: 'upheld', resolutionReason: 'Nobody was told in advance' });

    const third = await issue({ action: 'fine', severity: 'minor', amountFen: 1000 });
    await act(emp, third.body.id, 'appeal', { statement: 'It was a holiday for me.' }).expect(200);
    expect((await act(admin, third.body.id, 'withdraw', {})).status).toBe(400);
    expect((await act(admin, third.body.id, 'withdraw', { reason: 'Approved leave that day' })).body.status).toBe('withdrawn');
    expect((await act(admin, third.body.id, 'withdraw', { reason: 'again' })).body.code).toBe('STATE_CHANGED');
    const audit = await t.sql(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [third.body.id]);
    expect(audit.map((row) => row.action)).toEqual(['disciplinary.issue', 'disciplinary.appealed', 'disciplinary.withdrawn']);
  });

  it('who sees what: the employee their own, the supervisor their reports\', admin and finance all; others 404', async () => {
    const record = await issue({});
    for (const who of [emp, lead, admin, finance]) expect((await t.http().get(`/disciplinary-records/${record.body.id}`).set(who.auth)).status).toBe(200);
    expect((await t.http().get(`/disciplinary-records/${record.body.id}`).set(other.auth)).status).toBe(404);
    expect((await act(other, record.body.id, 'appeal', { statement: 'not mine at all' })).status).toBe(404);
    const otherList = await t.http().get('/disciplinary-records').set(other.auth);
    expect(otherList.body.total).toBe(0);
    expect((await t.http().get(`/disciplinary-records?staffId=${emp.id}`).set(lead.auth)).body.total).toBeGreaterThan(0);
  });

  it('H-ATT-9: revoking an exemption as false opens linked records against the employee and the approving supervisor', async () => {
    const trip = await t.http().post('/exemptions').set(emp.auth).send({ date: '2026-11-24', from: null, to: null, destination: 'Client', reason: 'Visit' });
    await t.http().post(`/exemptions/${trip.body.id}/approve`).set(lead.auth).send({ attest: true }).expect(200);
    const revoked = await t.http().post(`/exemptions/${trip.body.id}/revoke`).set(finance.auth).send({ reason: 'The client saw nobody', false: true });
    expect(revoked.status).toBe(200);
    const pair = await t.sql<{ id: string; staff_id: string; linked_record_id: string; exemption_id: string; status: string }>(
      `SELECT id, staff_id, linked_record_id, exemption_id, status FROM disciplinary_record WHERE exemption_id = $1 ORDER BY staff_id = $2 DESC`,
      [trip.body.id, emp.id],
    );
    expect(pair).toHaveLength(2);
    expect(pair.map((row) => row.staff_id)).toEqual([emp.id, lead.id]);
    expect(pair[0].linked_record_id).toBe(pair[1].id);
    expect(pair[1].linked_record_id).toBe(pair[0].id);
    const supervisorRecord = await t.http().get(`/disciplinary-records/${pair[1].id}`).set(lead.auth);
    expect(supervisorRecord.body.articles.map((article: { key: string }) => article.key)).toEqual(['H-ATT-8', 'H-ATT-9']);
    expect(supervisorRecord.body.facts).toContain('shares the liability');
  });

  it('H-ATT-9: nothing is created when the revocation fails, and a revocation not as false creates no record', async () => {
    const trip = await t.http().post('/exemptions').set(emp.auth).send({ date: '2026-11-25', from: null, to: null, destination: 'Client', reason: 'Visit' });
    // Not approved yet: revoking fails.
    expect((await t.http().post(`/exemptions/${trip.body.id}/revoke`).set(finance.auth).send({ reason: 'The client saw nobody', false: true })).status).toBe(409);
    await t.http().post(`/exemptions/${trip.body.id}/approve`).set(lead.auth).send({ attest: true }).expect(200);
    await t.http().post(`/exemptions/${trip.body.id}/revoke`).set(finance.auth).send({ reason: 'Trip cancelled after the fact', false: false }).expect(200);
    expect(await t.sql(`SELECT 1 FROM disciplinary_record WHERE exemption_id = $1`, [trip.body.id])).toHaveLength(0);
  });

  it('fines show in the monthly report of their month; withdrawn ones do not; a closed month refuses new fines', async () => {
    const report = await t.http().get('/reports/monthly?month=2026-11').set(finance.auth);
    const row = report.body.items.find((item: { employeeNo: string }) => item.employeeNo === 'D001');
    // 5,000 (issued) + 20,000 (upheld); the withdrawn 1,000 does not count.
    expect(row.finesFen).toBe(25000);
    expect(report.body.totals.finesFen).toBe(25000);
    await t.sql(`INSERT INTO accounting_month (month, state) VALUES ('2026-10', 'closed') ON CONFLICT (month) DO UPDATE SET state = 'closed'`);
    const late = await issue({ action: 'fine', amountFen: 3000, occurredOn: '2026-10-30' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('MONTH_CLOSED');
  });
});
