import { createHash } from 'node:crypto';
import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

/** Today is 27 November 2026: October is over. */
describe('Month close (H-ORG-2, H-ATT-11)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;
  let boss: CreatedStaff;
  let emp: CreatedStaff;
  let punchId: string;
  let pendingLeave: string;
  let pendingTrip: string;

  const body = (res: { body: unknown; text: string }) => res.text;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'] });
    boss = await newStaff(t, admin, { employeeNo: 'M000' });
    emp = await newStaff(t, admin, { employeeNo: 'M001', supervisorId: boss.id });
    await t.http().post('/punches/batch').set(admin.auth).send({ punches: [{ employeeNo: 'M001', at: '2026-10-15T08:20:00+08:00' }, { employeeNo: 'M001', at: '2026-10-15T17:40:00+08:00' }] }).expect(200);
    punchId = (await t.sql<{ id: string }>(`SELECT id FROM punch WHERE at = '2026-10-15T00:20:00Z'`))[0].id;
    pendingLeave = (await t.http().post('/leave-requests').set(emp.auth).send({ type: 'sick', startDate: '2026-10-20', endDate: '2026-10-20', reason: 'flu', emergency: true })).body.id;
    pendingTrip = (await t.http().post('/exemptions').set(emp.auth).send({ date: '2026-10-22', from: null, to: null, destination: 'JD', reason: 'visit' })).body.id;
  });
  afterAll(() => t.close());

  const close = (month: string, who: SignedIn = finance) => t.http().post(`/months/${month}/close`).set(who.auth).send();

  it('only finance closes, and only a month that is over', async () => {
    expect((await close('2026-10', admin)).status).toBe(403);
    const november = await close('2026-11');
    expect(november.status).toBe(422);
    expect(november.body.code).toBe('MONTH_NOT_OVER');
  });

  it('a month with a pending day cannot be closed', async () => {
    // At 01:00 on 1 November the duty of 31 October (window until 04:15) is still pending.
    await t.http().put('/roster/2026-10-31').set(admin.auth).send({ staffId: emp.id }).expect(200);
    clock.set('2026-11-01T01:00:00+08:00');
    const refused = await close('2026-10');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('MONTH_HAS_PENDING_DAYS');
    clock.set('2026-11-27T10:00:00+08:00');
  });

  let closedBody = '';

  it('stores an immutable snapshot with the SHA-256 of its canonical JSON, served byte for byte', async () => {
    const response = await close('2026-10');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ month: '2026-10', state: 'closed' });
    const [snapshot] = response.body.snapshots;
    const served = await t.http().get('/months/2026-10/report').set(admin.auth);
    expect(served.status).toBe(200);
    closedBody = body(served);
    expect(createHash('sha256').update(closedBody, 'utf8').digest('hex')).toBe(snapshot.sha256);
    expect(served.headers['x-content-sha256']).toBe(snapshot.sha256);
    // Its ETag is the stored hash (not a hash of the body made again at every read), and a client
    // that holds it is answered 304 with no body.
    expect(served.headers.etag).toBe(`"${snapshot.sha256}"`);
    const again = await t.http().get('/months/2026-10/report').set(admin.auth).set('If-None-Match', `"${snapshot.sha256}"`);
    expect(again.status).toBe(304);
    const parsed = JSON.parse(closedBody);
    expect(parsed.rows.find((row: { employeeNo: string }) => row.employeeNo === 'M001')).toMatchObject({ presentDays: 1, dutyShifts: 1 });
    await expect(t.sql(`UPDATE month_snapshot SET body = '{}'`)).rejects.toThrow(/immutable/);
    await expect(t.sql(`DELETE FROM month_snapshot`)).rejects.toThrow(/immutable/);
    expect((await close('2026-10')).body.code).toBe('MONTH_CLOSED');
  });

  it('H-ATT-11: a closed month refuses every kind of write that would change one of its days', async () => {
    const refused = async (request: Promise<{ status: number; body: { code?: string } }>, what: string) => {
      const response = await request;
      expect({ what, status: response.status, code: response.body.code }).toEqual({ what, status: 409, code: 'MONTH_CLOSED' });
    };
    const batch = await t.http().post('/punches/batch').set(admin.auth).send({ punches: [{ employeeNo: 'M001', at: '2026-10-16T08:20:00+08:00' }] });
    expect(batch.body).toMatchObject({ inserted: 0, rejected: [{ index: 0, reason: 'MONTH_CLOSED' }] });
    await refused(t.http().post('/punches/manual').set(admin.auth).send({ staffId: emp.id, at: '2026-10-16T08:20:00+08:00', reason: 'late entry' }), 'manual punch');
    await refused(t.http().post(`/punches/${punchId}/void`).set(admin.auth).send({ reason: 'mistake' }), 'void');
    await refused(t.http().post('/leave-requests').set(emp.auth).send({ type: 'sick', startDate: '2026-10-21', endDate: '2026-10-21', reason: 'flu', emergency: true }), 'emergency leave');
    await refused(t.http().post(`/leave-requests/${pendingLeave}/approve`).set(boss.auth).send({}), 'leave decision');
    await refused(t.http().post('/exemptions').set(emp.auth).send({ date: '2026-10-23', from: null, to: null, destination: 'JD', reason: 'visit' }), 'exemption');
    await refused(t.http().post(`/exemptions/${pendingTrip}/approve`).set(boss.auth).send({ attest: true }), 'exemption decision');
    await refused(t.http().put('/roster/2026-10-12').set(admin.auth).send({ staffId: emp.id }), 'roster');
    await refused(t.http().delete('/roster/2026-10-31').set(admin.auth), 'roster removal');
    await refused(t.http().put('/calendar/2026-10-12').set(admin.auth).send({ kind: 'holiday', name: 'x' }), 'calendar');
    await refused(t.http().put('/settings').set(finance.auth).send({ effectiveFrom: '2026-10-15', graceMinutes: 5 }), 'settings');
    await refused(t.http().put('/shifts/office').set(finance.auth).send({ effectiveFrom: '2026-10-15', sessions: [{ start: '09:00', end: '18:00' }] }), 'shift');
    await refused(t.http().put('/finance-policy').set(finance.auth).send({ effectiveMonth: '2026-10', lateFen: 1, seriousLateFen: 0, absenceDayFen: 0, missingPunchFen: 0, fullAttendanceBonusFen: 0 }), 'finance policy');
    await refused(t.http().patch(`/staff/${emp.id}`).set(admin.auth).send({ hiredOn: '2026-10-20' }), 'hire date');
    await refused(t.http().post('/attendance/recompute').set(finance.auth).send({ month: '2026-10' }), 'recompute');
    // And the snapshot is still what it was.
    expect(body(await t.http().get('/months/2026-10/report').set(admin.auth))).toBe(closedBody);
  });

  it('reopen with a reason (finance) unlocks the month; the close, the reopen and every snapshot are kept', async () => {
    expect((await t.http().post('/months/2026-10/reopen').set(finance.auth).send({})).status).toBe(400);
    const reopened = await t.http().post('/months/2026-10/reopen').set(finance.auth).send({ reason: 'Late sick note for 20 October' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ state: 'open', snapshots: [{ reopenReason: 'Late sick note for 20 October', reopenedBy: finance.id }] });
    await t.http().post(`/leave-requests/${pendingLeave}/approve`).set(boss.auth).send({}).expect(200);
    const again = await close('2026-10');
    expect(again.body.snapshots).toHaveLength(2);
    const latest = JSON.parse(body(await t.http().get('/months/2026-10/report').set(admin.auth)));
    expect(latest.rows.find((row: { employeeNo: string }) => row.employeeNo === 'M001').leaveDays.sick).toBe(1);
    const audit = await t.sql(`SELECT action FROM audit_log WHERE entity = 'accounting_month' ORDER BY id`);
    expect(audit.map((row) => row.action)).toEqual(['month.close', 'month.reopen', 'month.close']);
    const months = await t.http().get('/months').set(finance.auth);
    expect(months.body.items.find((item: { month: string }) => item.month === '2026-10')).toMatchObject({ state: 'closed' });
    expect((await t.http().get('/months').set(emp.auth)).status).toBe(403);
    expect((await t.http().get('/months/2026-09/report').set(admin.auth)).status).toBe(404);
  });

  it('a close racing a late write: the write is either in the snapshot or refused', async () => {
    await t.http().post('/months/2026-10/reopen').set(finance.auth).send({ reason: 'race test' }).expect(200);
    for (let round = 0; round < 4; round++) {
      const day = `2026-10-${String(24 + round).padStart(2, '0')}`;
      const [closed, written] = await Promise.all([
        close('2026-10'),
        t.http().post('/punches/batch').set(admin.auth).send({ punches: [{ employeeNo: 'M001', at: `${day}T08:20:00+08:00` }, { employeeNo: 'M001', at: `${day}T17:40:00+08:00` }] }),
      ]);
      expect(closed.status).toBe(200);
      const snapshot = JSON.parse(body(await t.http().get('/months/2026-10/report').set(admin.auth)));
      const present = snapshot.rows.find((row: { employeeNo: string }) => row.employeeNo === 'M001').presentDays;
      const stored = (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM attendance_day WHERE staff_id = $1 AND status IN ('present', 'late') AND date BETWEEN '2026-10-01' AND '2026-10-31'`, [emp.id]))[0].n;
      if (written.body.inserted === 2) expect(written.body.rejected).toEqual([]);
      else expect(written.body.rejected.map((line: { reason: string }) => line.reason)).toEqual(['MONTH_CLOSED', 'MONTH_CLOSED']);
      // Whatever the order, the snapshot agrees with the stored days.
      expect(present).toBe(stored);
      await t.http().post('/months/2026-10/reopen').set(finance.auth).send({ reason: `race round ${round}` }).expect(200);
    }
  });
});
