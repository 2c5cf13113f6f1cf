import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Make-up punch requests (补卡, issue 17). Today is Friday 2026-11-27, 10:00 in Asia/Shanghai; every
 * day is a workday on the office shift 08:30–12:00 + 13:00–17:30 (sessions 0 and 1), punch window
 * 05:30–23:30. Defaults: 3 requests a month, 7 days back (2026-11-21 … 2026-11-27), missing punches only.
 */
describe('Make-up punch requests (H-ATT-7, H-ORG-3, H-ORG-4)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;
  let boss: CreatedStaff;
  let lead: CreatedStaff;
  let emp: CreatedStaff;
  let colleague: CreatedStaff;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'] });
    boss = await newStaff(t, admin, { name: '赵总' });
    lead = await newStaff(t, admin, { supervisorId: boss.id, name: '李主管', employeeNo: 'C100' });
    emp = await newStaff(t, admin, { supervisorId: lead.id, name: '王芳', employeeNo: 'C001' });
    colleague = await newStaff(t, admin, { supervisorId: lead.id, name: '张伟', employeeNo: 'C002' });
  });
  afterAll(() => t.close());

  const punch = (employeeNo: string, ...times: string[]) =>
    t.http().post('/punches/batch').set(admin.auth).send({ punches: times.map((at) => ({ employeeNo, at })) }).expect(200);
  const ask = (who: SignedIn, body: Record<string, unknown>) => t.http().post('/punch-corrections').set(who.auth).send({ reason: 'Forgot to clock out', ...body });
  const act = (who: SignedIn, id: string, action: string, body: Record<string, unknown> = {}) => t.http().post(`/punch-corrections/${id}/${action}`).set(who.auth).send(body);
  const day = async (staffId: string, date: string, language = 'zh-CN') => {
    const month = await t.http().get(`/attendance?staffId=${staffId}&month=${date.slice(0, 7)}`).set(admin.auth).set('Accept-Language', language).expect(200);
    return month.body.days.find((d: { date: string }) => d.date === date);
  };

  it('H-ATT-7 / H-ORG-3: a missing clock-out that made the day an absence becomes present once the supervisor approves; the office files it', async () => {
    await punch('C001', '2026-11-25T08:25:00+08:00');
    expect((await day(emp.id, '2026-11-25')).status).toBe('absent');

    const eligible = await t.http().get('/punch-corrections/eligible').set(emp.auth).expect(200);
    expect(eligible.body).toMatchObject({ earliest: '2026-11-21', today: '2026-11-27', allowedKinds: ['missing_punch'], months: [{ month: '2026-11', limit: 3, used: 0, left: 3 }] });
    const the25th = eligible.body.days.find((d: { date: string }) => d.date === '2026-11-25');
    expect(the25th).toMatchObject({ status: 'absent', requestsLeft: 3, monthClosed: false, punches: [{ session: 1, direction: 'out', kind: 'missing_punch', allowed: true, requestId: null, due: '2026-11-25T09:30:00.000Z' }] });
    // Today: the clock-in was due at 08:30 and is missing; the clock-out is not due yet.
    expect(eligible.body.days[0]).toMatchObject({ date: '2026-11-27', punches: [{ session: 0, direction: 'in', kind: 'missing_punch' }] });

    const created = await ask(emp, { date: '2026-11-25', session: 1, direction: 'out', at: '2026-11-25 17:35' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', kind: 'missing_punch', approverId: lead.id, recordedAt: null, punchId: null, requestsLeft: 2, at: '2026-11-25T09:35:00.000Z' });
    expect(created.body.current).toMatchObject({ status: 'absent', missingOut: true });
    expect(created.body.predicted).toMatchObject({ status: 'present', lastOut: '2026-11-25T09:35:00.000Z', absenceDays: 0 });

    const inbox = await t.http().get('/approvals').set(lead.auth).expect(200);
    expect(inbox.body.items).toContainEqual(expect.objectContaining({ kind: 'punch_correction', id: created.body.id, waitingFor: 'decision', startDate: '2026-11-25' }));

    const approved = await act(lead, created.body.id, 'approve', { comment: 'I saw her leave' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: lead.id, decidedAs: 'supervisor' });
    expect(approved.body.punchId).toEqual(expect.any(String));
    // Judged again before the commit: the stored day is present at once.
    expect((await t.sql<{ status: string }>(`SELECT status FROM attendance_day WHERE staff_id = $1 AND date = '2026-11-25'`, [emp.id]))[0].status).toBe('present');
    const zh = await day(emp.id, '2026-11-25');
    expect(zh).toMatchObject({ status: 'present', lastOut: '2026-11-25T09:35:00.000Z' });
    expect(zh.explanation).toContain('H-ATT-7：17:35 的打卡来自已批准的补卡申请：王芳 申请，李主管批准');
    expect((await day(emp.id, '2026-11-25', 'en')).explanation).toContain('H-ATT-7: clock record at 17:35 from an approved make-up punch request — asked by 王芳, approved by 李主管');
    const punches = await t.http().get(`/punches?staffId=${emp.id}&from=2026-11-25&to=2026-11-25`).set(admin.auth).expect(200);
    expect(punches.body.items.map((p: { source: string }) => p.source)).toEqual(['batch', 'correction']);

    const filed = await act(admin, created.body.id, 'file');
    expect(filed.body.status).toBe('filed');
    expect(filed.body.history.map((e: { toStatus: string; actingAs: string }) => `${e.toStatus}/${e.actingAs}`)).toEqual(['pending/employee', 'approved/supervisor', 'filed/admin']);
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [created.body.id]);
    expect(audit.map((row) => row.action)).toEqual(['punch_correction.create', 'punch_correction.approved', 'punch_correction.filed']);
  });

  it('H-ATT-7: cancelling an approved correction voids its punch with the reason (never deleted) and the day falls back to absence', async () => {
    await punch('C001', '2026-11-24T08:20:00+08:00');
    const created = await ask(emp, { date: '2026-11-24', session: 1, direction: 'out', at: '2026-11-24T17:31:00+08:00' });
    await act(lead, created.body.id, 'approve').expect(200);
    expect((await day(emp.id, '2026-11-24')).status).toBe('present');
    // Only the office cancels.
    expect((await act(lead, created.body.id, 'cancel', { reason: 'CCTV shows 16:10' })).status).toBe(403);
    const cancelled = await act(admin, created.body.id, 'cancel', { reason: 'CCTV shows 16:10' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'CCTV shows 16:10' });
    const [stored] = await t.sql<{ voided_at: Date | null; void_reason: string; source: string }>(`SELECT voided_at, void_reason, source FROM punch WHERE correction_id = $1`, [created.body.id]);
    expect(stored.source).toBe('correction');
    expect(stored.voided_at).not.toBeNull();
    expect(stored.void_reason).toContain('CCTV shows 16:10');
    expect((await day(emp.id, '2026-11-24')).status).toBe('absent');
    // The terminal's own record is untouched.
    expect((await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM punch WHERE staff_id = $1 AND source = 'batch' AND voided_at IS NULL AND at = '2026-11-24T00:20:00Z'`, [emp.id]))[0].n).toBe(1);
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [created.body.id]);
    expect(audit.map((row) => row.action)).toEqual(['punch_correction.create', 'punch_correction.approved', 'punch_correction.cancelled']);
  });

  it('H-ATT-7: rejection changes nothing; the requester withdraws a pending one and gets its place back', async () => {
    await punch('C002', '2026-11-23T08:20:00+08:00');
    const rejected = await ask(colleague, { date: '2026-11-23', session: 1, direction: 'out', at: '2026-11-23T17:40:00+08:00' });
    await act(lead, rejected.body.id, 'reject', { comment: 'You left at four' }).expect(200);
    expect((await day(colleague.id, '2026-11-23')).status).toBe('absent');
    expect((await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM punch WHERE correction_id = $1`, [rejected.body.id]))[0].n).toBe(0);
    const again = await ask(colleague, { date: '2026-11-23', session: 1, direction: 'out', at: '2026-11-23T17:40:00+08:00' });
    expect(again.status).toBe(201);
    expect((await act(lead, again.body.id, 'withdraw')).body.code).toBe('CANCEL_BY_EMPLOYEE');
    const withdrawn = await act(colleague, again.body.id, 'withdraw');
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await act(lead, again.body.id, 'approve')).body.code).toBe('STATE_CHANGED');
  });

  it('H-ATT-7: refusals: not scheduled, outside the punch window, in the future, too old (CORRECTION_TOO_OLD), nothing to correct, a session the shift lacks', async () => {
    const newcomer = await newStaff(t, admin, { supervisorId: lead.id, hiredOn: '2026-11-26' });
    const notEmployed = await ask(newcomer, { date: '2026-11-25', session: 0, direction: 'in', at: '2026-11-25T08:30:00+08:00' });
    expect([notEmployed.status, notEmployed.body.code]).toEqual([422, 'CORRECTION_DAY_NOT_SCHEDULED']);

    const outside = await ask(emp, { date: '2026-11-26', session: 1, direction: 'out', at: '2026-11-26T23:45:00+08:00' });
    expect([outside.status, outside.body.code]).toEqual([422, 'CORRECTION_OUTSIDE_WINDOW']);

    const laterToday = await ask(emp, { date: '2026-11-27', session: 1, direction: 'out', at: '2026-11-27T17:30:00+08:00' });
    expect([laterToday.status, laterToday.body.code]).toEqual([422, 'CORRECTION_IN_FUTURE']);
    const tomorrow = await ask(emp, { date: '2026-11-28', session: 0, direction: 'in', at: '2026-11-27T08:30:00+08:00' });
    expect(tomorrow.body.code).toBe('CORRECTION_IN_FUTURE');

    // 7 days back, the day itself included: 2026-11-21 is the last day that may be corrected.
    const tooOld = await ask(emp, { date: '2026-11-20', session: 0, direction: 'in', at: '2026-11-20T08:30:00+08:00' });
    expect([tooOld.status, tooOld.body.code]).toEqual([422, 'CORRECTION_TOO_OLD']);
    expect(tooOld.body.message).toContain('2026-11-21');

    await punch('C001', '2026-11-22T08:25:00+08:00', '2026-11-22T17:35:00+08:00');
    const fine = await ask(emp, { date: '2026-11-22', session: 1, direction: 'out', at: '2026-11-22T17:40:00+08:00' });
    expect([fine.status, fine.body.code]).toEqual([422, 'CORRECTION_NOT_NEEDED']);
    // The lunch-break punches are never judged (H-ATT-3: one clock-in and one clock-out a day).
    const lunch = await ask(emp, { date: '2026-11-21', session: 0, direction: 'out', at: '2026-11-21T12:00:00+08:00' });
    expect(lunch.body.code).toBe('CORRECTION_NOT_NEEDED');

    const noSession = await ask(emp, { date: '2026-11-21', session: 2, direction: 'in', at: '2026-11-21T08:30:00+08:00' });
    expect([noSession.status, noSession.body.details[0].field]).toEqual([400, 'session']);
    expect((await ask(emp, { date: '2026-11-21', session: 0, direction: 'sideways', at: '2026-11-21T08:30:00+08:00' })).status).toBe(400);
    expect((await ask(emp, { date: '2026-11-21', session: 0, direction: 'in', at: '2026-11-21T25:30:00+08:00' })).status).toBe(400);
    const written = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM punch_correction WHERE staff_id IN ($1, $2)`, [emp.id, newcomer.id]);
    expect(written[0].n).toBe(2);
  });

  it('H-ATT-7: 409 CORRECTION_EXISTS: a second live request for the same punch', async () => {
    await punch('C002', '2026-11-26T08:29:00+08:00');
    const first = await ask(colleague, { date: '2026-11-26', session: 1, direction: 'out', at: '2026-11-26T17:30:00+08:00' });
    expect(first.status).toBe(201);
    const second = await ask(colleague, { date: '2026-11-26', session: 1, direction: 'out', at: '2026-11-26T17:45:00+08:00' });
    expect([second.status, second.body.code]).toEqual([409, 'CORRECTION_EXISTS']);
  });

  it('H-ATT-7: CORRECTION_KIND_NOT_ALLOWED: a late arrival, until the office allows it from a date; then the corrected time replaces the recorded one and the record stays', async () => {
    await punch('C001', '2026-11-26T08:47:00+08:00', '2026-11-26T17:30:00+08:00');
    expect((await day(emp.id, '2026-11-26')).status).toBe('late');
    const refused = await ask(emp, { date: '2026-11-26', session: 0, direction: 'in', at: '2026-11-26T08:29:00+08:00', reason: 'The terminal queue was long' });
    expect([refused.status, refused.body.code]).toEqual([422, 'CORRECTION_KIND_NOT_ALLOWED']);

    const put = await t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-11-26', correctionKinds: ['late_arrival', 'missing_punch'] });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ correctionKinds: ['missing_punch', 'late_arrival'], correctionMonthlyLimit: 3, correctionDaysBack: 7 });
    const created = await ask(emp, { date: '2026-11-26', session: 0, direction: 'in', at: '2026-11-26T08:29:00+08:00', reason: 'The terminal queue was long' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'late_arrival', recordedAt: '2026-11-26T00:47:00.000Z' });
    expect(created.body.predicted).toMatchObject({ status: 'present', lateMinutes: 0, firstIn: '2026-11-26T00:29:00.000Z' });
    // A later time corrects nothing about a late arrival.
    expect((await ask(emp, { date: '2026-11-26', session: 0, direction: 'in', at: '2026-11-26T08:50:00+08:00' })).body.code).toBe('CORRECTION_NOT_NEEDED');
    await act(admin, created.body.id, 'approve').expect(200);
    expect(await day(emp.id, '2026-11-26')).toMatchObject({ status: 'present', lateMinutes: 0, firstIn: '2026-11-26T00:29:00.000Z' });
    const kept = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM punch WHERE staff_id = $1 AND at = '2026-11-26T00:47:00Z' AND voided_at IS NULL`, [emp.id]);
    expect(kept[0].n).toBe(1);
  });

  it('H-ATT-6 / H-ATT-7: an early departure, once allowed, is corrected by a later time; the early clock-out stays on record', async () => {
    const person = await newStaff(t, admin, { supervisorId: lead.id, employeeNo: 'C004' });
    await punch('C004', '2026-11-22T08:25:00+08:00', '2026-11-22T17:00:00+08:00');
    const ask22 = () => ask(person, { date: '2026-11-22', session: 1, direction: 'out', at: '2026-11-22T17:32:00+08:00', reason: 'Badge reader jammed' });
    expect((await ask22()).body.code).toBe('CORRECTION_KIND_NOT_ALLOWED');
    await t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-11-22', correctionKinds: ['missing_punch', 'early_departure'] }).expect(200);
    const created = await ask22();
    expect(created.body).toMatchObject({ kind: 'early_departure', recordedAt: '2026-11-22T09:00:00.000Z' });
    expect(created.body.current).toMatchObject({ status: 'absent', earlyLeave: true, earlyMinutes: 30 });
    expect(created.body.predicted).toMatchObject({ status: 'present', earlyMinutes: 0 });
    // An earlier time corrects nothing about an early departure.
    expect((await ask(person, { date: '2026-11-22', session: 1, direction: 'out', at: '2026-11-22T16:00:00+08:00' })).body.code).toBe('CORRECTION_NOT_NEEDED');
    await act(lead, created.body.id, 'approve').expect(200);
    expect(await day(person.id, '2026-11-22')).toMatchObject({ status: 'present', lastOut: '2026-11-22T09:32:00.000Z' });
    const kept = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM punch WHERE staff_id = $1 AND at = '2026-11-22T09:00:00Z' AND voided_at IS NULL`, [person.id]);
    expect(kept[0].n).toBe(1);
  });

  it('H-ORG-3: only the direct supervisor (or an admin in their place, recorded) decides; nobody their own; a colleague sees nothing (404)', async () => {
    const created = await ask(colleague, { date: '2026-11-21', session: 0, direction: 'in', at: '2026-11-21T08:30:00+08:00' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await t.http().get(`/punch-corrections/${id}`).set(emp.auth)).status).toBe(404);
    expect((await act(emp, id, 'approve')).status).toBe(404);
    expect((await t.http().get('/punch-corrections').set(emp.auth).expect(200)).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await t.http().get(`/punch-corrections/${id}`).set(lead.auth)).status).toBe(200);
    expect((await t.http().get(`/punch-corrections/${id}`).set(finance.auth)).status).toBe(200);
    expect((await act(colleague, id, 'approve')).body.code).toBe('SELF_APPROVAL');
    expect((await act(boss, id, 'approve')).body.code).toBe('NOT_DIRECT_SUPERVISOR');
    expect((await act(admin, id, 'file')).body.code).toBe('STATE_CHANGED');
    const byAdmin = await act(admin, id, 'approve');
    expect(byAdmin.body).toMatchObject({ status: 'approved', decidedAs: 'admin' });
    expect((await day(colleague.id, '2026-11-21', 'en')).explanation.join('\n')).toContain('(administrator, in place of the supervisor)');
  });

  it('H-ORG-3: of two racing decisions on the real database one wins, the other gets 409 STATE_CHANGED, and one punch is added', async () => {
    await punch('C002', '2026-11-25T08:20:00+08:00');
    const created = await ask(colleague, { date: '2026-11-25', session: 1, direction: 'out', at: '2026-11-25T17:33:00+08:00' });
    expect(created.status).toBe(201);
    const answers = await Promise.all([act(lead, created.body.id, 'approve'), act(admin, created.body.id, 'reject'), act(lead, created.body.id, 'approve')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'STATE_CHANGED')).toBe(true);
    const punches = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM punch WHERE correction_id = $1`, [created.body.id]);
    const status = (await t.sql<{ status: string }>(`SELECT status FROM punch_correction WHERE id = $1`, [created.body.id]))[0].status;
    expect(punches[0].n).toBe(status === 'approved' ? 1 : 0);
  });

  it('H-ATT-7: CORRECTION_LIMIT_REACHED: 3 a month, counted by the month of the corrected day; a withdrawn one gives its place back', async () => {
    const newbie = await newStaff(t, admin, { supervisorId: lead.id, employeeNo: 'C003' });
    for (const date of ['2026-11-21', '2026-11-22', '2026-11-23']) {
      expect((await ask(newbie, { date, session: 0, direction: 'in', at: `${date}T08:30:00+08:00` })).status).toBe(201);
    }
    const fourth = await ask(newbie, { date: '2026-11-24', session: 0, direction: 'in', at: '2026-11-24T08:30:00+08:00' });
    expect([fourth.status, fourth.body.code]).toEqual([422, 'CORRECTION_LIMIT_REACHED']);
    expect(fourth.body.message).toContain('3');
    const eligible = await t.http().get('/punch-corrections/eligible').set(newbie.auth).expect(200);
    expect(eligible.body.months).toEqual([{ month: '2026-11', limit: 3, used: 3, left: 0 }]);

    // On 2 December the window reaches back into November, whose requests are used up; December's are not.
    clock.set('2026-12-02T10:00:00+08:00');
    try {
      expect((await ask(newbie, { date: '2026-11-30', session: 0, direction: 'in', at: '2026-11-30T08:30:00+08:00' })).body.code).toBe('CORRECTION_LIMIT_REACHED');
      expect((await ask(newbie, { date: '2026-12-01', session: 0, direction: 'in', at: '2026-12-01T08:30:00+08:00' })).status).toBe(201);
      const later = await t.http().get('/punch-corrections/eligible').set(newbie.auth).expect(200);
      expect(later.body.months).toEqual([{ month: '2026-11', limit: 3, used: 3, left: 0 }, { month: '2026-12', limit: 3, used: 1, left: 2 }]);
      const list = await t.http().get(`/punch-corrections?staffId=${newbie.id}&status=pending`).set(newbie.auth).expect(200);
      const november = list.body.items.find((c: { date: string }) => c.date === '2026-11-23');
      await act(newbie, november.id, 'withdraw').expect(200);
      expect((await ask(newbie, { date: '2026-11-30', session: 0, direction: 'in', at: '2026-11-30T08:30:00+08:00' })).status).toBe(201);
    } finally {
      clock.set('2026-11-27T10:00:00+08:00');
    }
  });

  it('H-ATT-7: the monthly report counts approved corrections per person (finance may attach an amount, zero by default); the grid marks a corrected day', async () => {
    const row = async () => {
      const report = await t.http().get('/reports/monthly?month=2026-11&pageSize=5000').set(finance.auth).expect(200);
      return report.body.items.find((r: { staffId: string }) => r.staffId === emp.id);
    };
    // 25th (filed) and 26th (approved) count; the 24th was cancelled.
    expect(await row()).toMatchObject({ correctionCount: 2, penalties: { correctionFen: 0 } });
    await t.http().put('/finance-policy').set(finance.auth).send({ effectiveMonth: '2026-11', lateFen: 0, seriousLateFen: 0, absenceDayFen: 0, missingPunchFen: 0, fullAttendanceBonusFen: 0, correctionFen: 500 }).expect(200);
    expect((await row()).penalties.correctionFen).toBe(1000);
    // Left out, the amount stays.
    const kept = await t.http().put('/finance-policy').set(finance.auth).send({ effectiveMonth: '2026-11', lateFen: 100, seriousLateFen: 0, absenceDayFen: 0, missingPunchFen: 0, fullAttendanceBonusFen: 0 });
    expect(kept.body.correctionFen).toBe(500);
    const grid = await t.http().get('/reports/monthly/grid?month=2026-11').set(finance.auth).expect(200);
    const line = grid.body.items.find((r: { staffId: string }) => r.staffId === emp.id);
    const cell = (date: string) => line.days[grid.body.dates.indexOf(date)];
    expect([cell('2026-11-24'), cell('2026-11-25'), cell('2026-11-26')]).toEqual(['早', '√补', '√补']);
    const csv = await t.http().get('/reports/monthly?month=2026-11&format=csv').set(finance.auth).expect(200);
    expect(csv.text).toContain('补卡次数');
  });

  it('H-ORG-2: 409 MONTH_CLOSED: once finance closes the month, no request for its days and no decision on one', async () => {
    await punch('C001', '2026-11-30T08:25:00+08:00');
    clock.set('2026-11-30T20:00:00+08:00');
    const pending = await ask(emp, { date: '2026-11-30', session: 1, direction: 'out', at: '2026-11-30T17:30:00+08:00' });
    expect([pending.status, pending.body]).toEqual([201, expect.anything()]);
    clock.set('2026-12-03T10:00:00+08:00');
    await t.http().post('/punch-corrections/' + pending.body.id + '/withdraw').set(emp.auth).send({}).expect(200);
    const again = await ask(emp, { date: '2026-11-30', session: 1, direction: 'out', at: '2026-11-30T17:30:00+08:00' });
    expect(again.status).toBe(201);
    await t.http().post('/months/2026-11/close').set(finance.auth).send().expect(200);
    const refused = await ask(emp, { date: '2026-11-29', session: 0, direction: 'in', at: '2026-11-29T08:30:00+08:00' });
    expect([refused.status, refused.body.code]).toEqual([409, 'MONTH_CLOSED']);
    const decision = await act(lead, again.body.id, 'approve');
    expect([decision.status, decision.body.code]).toEqual([409, 'MONTH_CLOSED']);
    const eligible = await t.http().get('/punch-corrections/eligible').set(emp.auth).expect(200);
    expect(eligible.body.days.find((d: { date: string }) => d.date === '2026-11-30')).toMatchObject({ monthClosed: true, punches: [] });
  });
});
