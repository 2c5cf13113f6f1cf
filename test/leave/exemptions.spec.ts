import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

/** Today is 2026-11-27 (Asia/Shanghai); office shift 08:30–12:00, 13:00–17:30. */
describe('Business-trip exemptions (H-ATT-8, H-ATT-9, H-ATT-12)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;
  let lead: CreatedStaff;
  let emp: CreatedStaff;
  let boss: CreatedStaff;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'] });
    boss = await newStaff(t, admin, { name: '赵总' });
    lead = await newStaff(t, admin, { supervisorId: boss.id, name: '李主管', employeeNo: 'X100' });
    emp = await newStaff(t, admin, { supervisorId: lead.id, name: '王芳', employeeNo: 'X001' });
  });
  afterAll(() => t.close());

  const ask = (body: Record<string, unknown>) => t.http().post('/exemptions').set(emp.auth).send({ destination: 'JD logistics centre', reason: 'Inspect returns', ...body });
  const act = (who: SignedIn, id: string, action: string, body: Record<string, unknown> = {}) => t.http().post(`/exemptions/${id}/${action}`).set(who.auth).send(body);
  const punch = (...times: string[]) => t.http().post('/punches/batch').set(admin.auth).send({ punches: times.map((at) => ({ employeeNo: 'X001', at })) }).expect(200);
  const stored = async (date: string) =>
    (await t.sql<{ status: string; late_minutes: number; absence_days: number; exempt_days: number }>(
      `SELECT status, late_minutes, absence_days, exempt_days FROM attendance_day WHERE staff_id = $1 AND date = $2`, [emp.id, date],
    ))[0];

  it('H-ATT-8: an exemption 08:30–11:00 approved by the direct supervisor makes a 10:55 arrival not late', async () => {
    await punch('2026-11-16T10:55:00+08:00', '2026-11-16T17:30:00+08:00');
    const created = await ask({ date: '2026-11-16', from: '08:30', to: '11:00' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', approverId: lead.id, certifiedBy: null, attestation: null });
    // H-ATT-8: pending excuses nothing — 08:30 → 10:55 is 145 minutes late.
    await t.http().get(`/attendance?staffId=${emp.id}&month=2026-11`).set(emp.auth).expect(200);
    expect(await stored('2026-11-16')).toMatchObject({ status: 'late', late_minutes: 145 });
    const noSignature = await act(lead, created.body.id, 'approve', {});
    expect(noSignature.status).toBe(400);
    expect(noSignature.body.details[0].field).toBe('attest');
    expect((await act(lead, created.body.id, 'approve', { attest: false })).status).toBe(400);
    clock.set('2026-11-27T10:05:00+08:00');
    const approved = await act(lead, created.body.id, 'approve', { attest: true, comment: 'Sent him myself' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      certifiedBy: lead.id,
      certifiedAs: 'supervisor',
      certifiedAt: '2026-11-27T02:05:00.000Z',
      attestation:
        'I, 李主管 (X100), certify that 王芳 (X001) was out on company business on 2026-11-16 (08:30–11:00) at JD logistics centre, and I share the liability for this certification (H-ATT-8, H-ATT-9).',
    });
    // Reclassified in the same transaction.
    expect(await stored('2026-11-16')).toMatchObject({ status: 'present', late_minutes: 0 });
    const filed = await act(admin, created.body.id, 'file');
    expect(filed.body.status).toBe('filed');
    expect(filed.body.history.map((event: { toStatus: string; actingAs: string }) => `${event.toStatus}/${event.actingAs}`)).toEqual(['pending/employee', 'approved/supervisor', 'filed/admin']);
  });

  it('H-ATT-8: a rejected exemption changes nothing', async () => {
    await punch('2026-11-17T10:40:00+08:00', '2026-11-17T17:30:00+08:00');
    const created = await ask({ date: '2026-11-17', from: '08:30', to: '11:00' });
    await act(lead, created.body.id, 'reject', { comment: 'No trip was planned' }).expect(200);
    await t.http().get(`/attendance?staffId=${emp.id}&month=2026-11`).set(emp.auth).expect(200);
    expect(await stored('2026-11-17')).toMatchObject({ status: 'late', late_minutes: 130 });
    expect((await act(lead, created.body.id, 'approve', { attest: true })).body.code).toBe('STATE_CHANGED');
  });

  it('H-ATT-8: a whole-day exemption exempts the day; only the direct supervisor or an admin signs', async () => {
    const created = await ask({ date: '2026-11-18', from: null, to: null });
    expect((await act(boss, created.body.id, 'approve', { attest: true })).body.code).toBe('NOT_DIRECT_SUPERVISOR');
    expect((await act(emp, created.body.id, 'approve', { attest: true })).body.code).toBe('SELF_APPROVAL');
    await act(lead, created.body.id, 'approve', { attest: true }).expect(200);
    expect(await stored('2026-11-18')).toMatchObject({ status: 'exempt', absence_days: 0, exempt_days: 1 });
    expect((await ask({ date: '2026-11-19', from: '11:00', to: '08:30' })).status).toBe(400);
    expect((await ask({ date: '2026-11-19', from: '08:30', to: null })).status).toBe(400);
  });

  it('H-ATT-9: revocation as false restores the absence and records both the employee and the approving supervisor', async () => {
    const created = await ask({ date: '2026-11-19', from: null, to: null });
    await act(lead, created.body.id, 'approve', { attest: true }).expect(200);
    expect(await stored('2026-11-19')).toMatchObject({ status: 'exempt' });
    expect((await act(emp, created.body.id, 'revoke', { reason: 'self-service', false: true })).status).toBe(403);
    expect((await act(finance, created.body.id, 'revoke', { reason: 'x', false: true })).status).toBe(400);
    const revoked = await act(finance, created.body.id, 'revoke', { reason: 'The client confirmed nobody visited', false: true });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', staffId: emp.id, certifiedBy: lead.id, revokedAsFalse: true, revokeReason: 'The client confirmed nobody visited' });
    // No punches that day: it falls back to unexcused absence, in the same transaction.
    expect(await stored('2026-11-19')).toMatchObject({ status: 'absent', absence_days: 1, exempt_days: 0 });
    expect(revoked.body.history.at(-1)).toMatchObject({ toStatus: 'revoked', actingAs: 'finance', actorId: finance.id });
    const audit = await t.sql(`SELECT action, actor_id FROM audit_log WHERE entity_id = $1 ORDER BY id`, [created.body.id]);
    expect(audit.map((row) => row.action)).toEqual(['exemption.create', 'exemption.approved', 'exemption.revoked']);
    expect((await act(admin, created.body.id, 'revoke', { reason: 'again please', false: false })).body.code).toBe('STATE_CHANGED');
  });

  it('who sees exemptions: own, the supervisor line, admin and finance; a stranger gets 404', async () => {
    const created = await ask({ date: '2026-11-20', from: '14:00', to: '17:30' });
    const stranger = await newStaff(t, admin);
    for (const who of [emp, lead, boss, admin, finance]) expect((await t.http().get(`/exemptions/${created.body.id}`).set(who.auth)).status).toBe(200);
    expect((await t.http().get(`/exemptions/${created.body.id}`).set(stranger.auth)).status).toBe(404);
    expect((await act(stranger, created.body.id, 'approve', { attest: true })).status).toBe(404);
    const inbox = await t.http().get('/approvals').set(lead.auth);
    expect(inbox.body.items).toContainEqual(expect.objectContaining({ kind: 'exemption', id: created.body.id, waitingFor: 'decision' }));
  });

  it('a closed month refuses requests and decisions (409 MONTH_CLOSED)', async () => {
    const created = await ask({ date: '2026-10-20', from: null, to: null });
    await t.sql(`INSERT INTO accounting_month (month, state) VALUES ('2026-10', 'closed') ON CONFLICT (month) DO UPDATE SET state = 'closed'`);
    expect((await act(lead, created.body.id, 'approve', { attest: true })).body.code).toBe('MONTH_CLOSED');
    expect((await ask({ date: '2026-10-21', from: null, to: null })).body.code).toBe('MONTH_CLOSED');
  });
});
