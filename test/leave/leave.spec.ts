import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Today is Friday 2026-11-27 in company time (Asia/Shanghai). Office shift 08:30–12:00, 13:00–17:30.
 * boss supervises lead, who supervises emp; other is outside that line; admin files.
 */
describe('Leave requests (H-ATT-10, H-ATT-11, H-ORG-3, H-ORG-4)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;
  let boss: CreatedStaff;
  let lead: CreatedStaff;
  let emp: CreatedStaff;
  let other: CreatedStaff;
  let orphan: CreatedStaff;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'] });
    boss = await newStaff(t, admin);
    lead = await newStaff(t, admin, { supervisorId: boss.id });
    emp = await newStaff(t, admin, { supervisorId: lead.id, employeeNo: 'L001' });
    other = await newStaff(t, admin);
    orphan = await newStaff(t, admin, { employeeNo: 'L002' });
  });
  afterAll(() => t.close());

  const request = (who: SignedIn, body: Record<string, unknown>) =>
    t.http().post('/leave-requests').set(who.auth).send({ type: 'personal', startHalf: null, endHalf: null, reason: 'family', ...body });
  const act = (who: SignedIn, id: string, action: string, body: Record<string, unknown> = {}) => t.http().post(`/leave-requests/${id}/${action}`).set(who.auth).send(body);
  const stored = async (staffId: string, date: string) =>
    (await t.sql<{ status: string; absence_days: number; leave_days: number; leave_type_code: string | null }>(
      `SELECT status, absence_days, leave_days, leave_type_code FROM attendance_day WHERE staff_id = $1 AND date = $2`, [staffId, date],
    ))[0];
  const dayOf = async (who: SignedIn, staffId: string, date: string) => {
    const response = await t.http().get(`/attendance?staffId=${staffId}&month=${date.slice(0, 7)}`).set(who.auth).set('Accept-Language', 'en');
    return response.body.days.find((day: { date: string }) => day.date === date);
  };

  describe('H-ATT-10: one day ahead', () => {
    it('H-ATT-10: a request for tomorrow is accepted, pending, with its approver and working days', async () => {
      const response = await request(emp, { startDate: '2026-11-28', endDate: '2026-11-28' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ staffId: emp.id, type: 'personal', status: 'pending', approverId: lead.id, workingDays: 1, emergency: false });
      expect(response.body.history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'pending', actorId: emp.id, actingAs: 'employee' })]);
    });

    it('H-ATT-10: a request for today is refused with 422 LEAVE_NOT_ONE_DAY_AHEAD, and nothing is stored', async () => {
      const response = await request(emp, { startDate: '2026-11-27', endDate: '2026-11-27' });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'LEAVE_NOT_ONE_DAY_AHEAD', details: [{ field: 'startDate' }] });
      expect(await t.sql(`SELECT 1 FROM leave_request WHERE start_date = '2026-11-27'`)).toHaveLength(0);
    });

    it('H-ATT-10: "one day ahead" is company time: at 00:30 on the 28th in Shanghai (16:30Z on the 27th) the 28th is today', async () => {
      clock.set('2026-11-28T00:30:00+08:00');
      const response = await request(other, { startDate: '2026-11-28', endDate: '2026-11-28' });
      expect(response.body.code).toBe('LEAVE_NOT_ONE_DAY_AHEAD');
      clock.set('2026-11-27T10:00:00+08:00');
    });

    it('rejects unknown fields a client might use to skip the rules (status, staffId, approvedBy)', async () => {
      for (const field of ['status', 'staffId', 'approvedBy']) {
        const response = await request(emp, { startDate: '2026-12-10', endDate: '2026-12-10', [field]: field === 'status' ? 'approved' : other.id });
        expect(response.status).toBe(400);
        expect(response.body.details).toContainEqual({ field, message: '不是可接受的字段' }); // the company language, zh-CN
      }
    });

    it('refuses an unknown leave type and a period that ends before it starts', async () => {
      expect((await request(emp, { type: 'holiday', startDate: '2026-12-10', endDate: '2026-12-10' })).body.code).toBe('LEAVE_TYPE_NOT_FOUND');
      expect((await request(emp, { startDate: '2026-12-10', endDate: '2026-12-09' })).status).toBe(400);
      expect((await request(emp, { startDate: '2026-12-10', endDate: '2026-12-10', startHalf: 'pm', endHalf: 'am' })).status).toBe(400);
    });
  });

  describe('H-ATT-11: emergencies are filed afterwards', () => {
    it('H-ATT-11: an emergency request for yesterday is accepted; the day is absent before approval and leave after', async () => {
      // 26 November: no punches at all → unexcused absence until the leave is approved.
      expect((await dayOf(emp, emp.id, '2026-11-26')).status).toBe('absent');
      const noReason = await request(emp, { startDate: '2026-11-26', endDate: '2026-11-26', emergency: true, reason: '' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.details[0].field).toBe('reason');
      const created = await request(emp, { type: 'sick', startDate: '2026-11-26', endDate: '2026-11-26', emergency: true, reason: 'Fever' });
      expect(created.status).toBe(201);
      expect(await stored(emp.id, '2026-11-26')).toMatchObject({ status: 'absent', absence_days: 1 });
      const approved = await act(lead, created.body.id, 'approve', { comment: 'Get well' });
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('approved');
      // Reclassified in the same transaction: the stored row changed before any read.
      expect(await stored(emp.id, '2026-11-26')).toMatchObject({ status: 'leave', absence_days: 0, leave_days: 1, leave_type_code: 'sick' });
      const day = await dayOf(emp, emp.id, '2026-11-26');
      expect(day.explanation).toContain('H-ATT-10: sick leave (whole day)');
    });

    it('H-ATT-11: possible until finance closes the month', async () => {
      await t.sql(`INSERT INTO accounting_month (month, state) VALUES ('2026-10', 'closed')`);
      const response = await request(emp, { startDate: '2026-10-20', endDate: '2026-10-20', emergency: true, reason: 'Too late' });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('MONTH_CLOSED');
    });
  });

  describe('half days and working days', () => {
    it('H-ATT-10: with the morning off, the day is judged on the afternoon only', async () => {
      const created = await request(emp, { startDate: '2026-11-25', startHalf: 'am', endDate: '2026-11-25', endHalf: 'am', emergency: true, reason: 'Doctor' });
      expect(created.body.workingDays).toBe(0.5);
      await act(lead, created.body.id, 'approve').expect(200);
      // Arrives 13:00 and leaves 17:30: present, nothing late about the morning.
      await t.http().post('/punches/batch').set(admin.auth).send({ punches: [{ employeeNo: 'L001', at: '2026-11-25T13:00:00+08:00' }, { employeeNo: 'L001', at: '2026-11-25T17:30:00+08:00' }] }).expect(200);
      expect(await dayOf(emp, emp.id, '2026-11-25')).toMatchObject({ status: 'present', lateMinutes: 0, leaveDays: 0.5, absenceDays: 0 });
    });

    it('H-ATT-10: overlapping leave is refused (service and database); two halves of one day are not an overlap', async () => {
      const morning = await request(other, { startDate: '2026-12-01', startHalf: 'am', endDate: '2026-12-01', endHalf: 'am' });
      expect(morning.status).toBe(201);
      const afternoon = await request(other, { startDate: '2026-12-01', startHalf: 'pm', endDate: '2026-12-01', endHalf: 'pm' });
      expect(afternoon.status).toBe(201);
      const whole = await request(other, { startDate: '2026-11-30', endDate: '2026-12-02' });
      expect(whole.status).toBe(409);
      expect(whole.body.code).toBe('LEAVE_OVERLAPS');
      await expect(
        t.sql(`INSERT INTO leave_request (staff_id, type_code, start_date, end_date, slots, working_days, reason, emergency, status)
               SELECT staff_id, type_code, start_date, end_date, slots, working_days, reason, emergency, 'pending' FROM leave_request WHERE id = $1`, [afternoon.body.id]),
      ).rejects.toThrow(/leave_no_overlap/);
      // A cancelled request no longer blocks the time.
      await act(other, morning.body.id, 'cancel').expect(200);
      expect((await request(other, { startDate: '2026-12-01', startHalf: 'am', endDate: '2026-12-01', endHalf: 'am' })).status).toBe(201);
    });

    it('H-ATT-10: leave over a holiday counts only working days', async () => {
      // 30 Sep – 8 Oct 2026: 1–7 October are statutory holidays → 30 Sep and 8 Oct are the working days.
      await t.sql(`DELETE FROM accounting_month WHERE month = '2026-10'`);
      const response = await request(orphan, { type: 'marriage', startDate: '2026-09-30', endDate: '2026-10-08', emergency: true, reason: 'Wedding' });
      expect(response.status).toBe(201);
      expect(response.body.workingDays).toBe(2);
    });
  });

  describe('H-ORG-3: who decides', () => {
    it('H-ORG-3: nobody approves their own request — not even an admin', async () => {
      const own = await request(admin, { startDate: '2026-12-15', endDate: '2026-12-15' });
      expect(own.body.approverId).toBeNull();
      const response = await act(admin, own.body.id, 'approve');
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('SELF_APPROVAL');
      expect((await act(emp, (await request(emp, { startDate: '2026-12-16', endDate: '2026-12-16' })).body.id, 'approve')).body.code).toBe('SELF_APPROVAL');
    });

    it('H-ORG-3: approval by a supervisor who is not the direct one is refused; someone unrelated gets 404', async () => {
      const created = await request(emp, { startDate: '2026-12-17', endDate: '2026-12-17' });
      const byGrandBoss = await act(boss, created.body.id, 'approve');
      expect(byGrandBoss.status).toBe(403);
      expect(byGrandBoss.body.code).toBe('NOT_DIRECT_SUPERVISOR');
      expect((await act(other, created.body.id, 'approve')).status).toBe(404);
      expect((await act(finance, created.body.id, 'approve')).body.code).toBe('NOT_DIRECT_SUPERVISOR');
      const byLead = await act(lead, created.body.id, 'approve', { comment: 'fine' });
      expect(byLead.body.history.at(-1)).toMatchObject({ fromStatus: 'pending', toStatus: 'approved', actorId: lead.id, actingAs: 'supervisor', comment: 'fine' });
    });

    it('H-ORG-3: a request of someone without a supervisor goes to the admins; an admin can act for an absent supervisor, recorded as admin', async () => {
      const orphanRequest = await request(orphan, { startDate: '2026-12-18', endDate: '2026-12-18' });
      expect(orphanRequest.body.approverId).toBeNull();
      const inbox = await t.http().get('/approvals').set(admin.auth);
      expect(inbox.body.items.map((item: { id: string }) => item.id)).toContain(orphanRequest.body.id);
      const byAdmin = await act(admin, orphanRequest.body.id, 'approve');
      expect(byAdmin.body.history.at(-1)).toMatchObject({ actingAs: 'admin', actorId: admin.id });
      const empRequest = await request(emp, { startDate: '2026-12-21', endDate: '2026-12-21' });
      const inPlace = await act(admin, empRequest.body.id, 'reject', { comment: 'lead is away' });
      expect(inPlace.body).toMatchObject({ status: 'rejected' });
      expect(inPlace.body.history.at(-1)).toMatchObject({ actingAs: 'admin', comment: 'lead is away' });
    });

    it('H-ORG-4: approved leave is filed by the office; nothing else is', async () => {
      const created = await request(emp, { startDate: '2026-12-22', endDate: '2026-12-22' });
      expect((await act(admin, created.body.id, 'file')).body.code).toBe('STATE_CHANGED');
      await act(lead, created.body.id, 'approve').expect(200);
      expect((await act(lead, created.body.id, 'file')).status).toBe(403);
      const filed = await act(admin, created.body.id, 'file', { comment: '人事部备案' });
      expect(filed.body.status).toBe('filed');
      expect(filed.body.history.map((event: { toStatus: string }) => event.toStatus)).toEqual(['pending', 'approved', 'filed']);
      const audit = await t.sql(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [created.body.id]);
      expect(audit.map((row) => row.action)).toEqual(['leave.create', 'leave.approved', 'leave.filed']);
    });

    it('the approvals inbox lists a supervisor\'s direct reports\' pending requests, oldest first, never their own', async () => {
      const first = await request(emp, { startDate: '2026-12-23', endDate: '2026-12-23' });
      const second = await request(emp, { startDate: '2026-12-24', endDate: '2026-12-24' });
      const inbox = await t.http().get('/approvals').set(lead.auth);
      const ids = inbox.body.items.map((item: { id: string }) => item.id);
      expect(ids.indexOf(first.body.id)).toBeLessThan(ids.indexOf(second.body.id));
      expect(inbox.body.items.every((item: { staffId: string; waitingFor: string }) => item.staffId === emp.id && item.waitingFor === 'decision')).toBe(true);
      expect((await t.http().get('/approvals').set(boss.auth)).body.items.map((item: { id: string }) => item.id)).not.toContain(first.body.id);
    });
  });

  describe('cancellation and races', () => {
    it('the employee cancels a pending request, or an approved one before it starts; after it started only the supervisor can', async () => {
      const future = await request(emp, { startDate: '2026-12-28', endDate: '2026-12-28' });
      await act(lead, future.body.id, 'approve').expect(200);
      expect((await act(emp, future.body.id, 'cancel')).body.status).toBe('cancelled');
      const started = await request(emp, { startDate: '2026-11-20', endDate: '2026-11-20', emergency: true, reason: 'flu' });
      await act(lead, started.body.id, 'approve').expect(200);
      expect(await stored(emp.id, '2026-11-20')).toMatchObject({ status: 'leave' });
      const byEmployee = await act(emp, started.body.id, 'cancel');
      expect(byEmployee.status).toBe(403);
      expect(byEmployee.body.code).toBe('CANCEL_NEEDS_SUPERVISOR');
      expect((await act(lead, started.body.id, 'cancel', { comment: 'was at work after all' })).body.status).toBe('cancelled');
      // The day falls back to what the punches say (none: absence).
      expect(await stored(emp.id, '2026-11-20')).toMatchObject({ status: 'absent' });
    });

    it('an approval racing a cancellation leaves exactly one outcome; the loser gets 409 STATE_CHANGED', async () => {
      for (let round = 0; round < 5; round++) {
        const created = await request(emp, { startDate: `2027-01-0${round + 4}`, endDate: `2027-01-0${round + 4}` });
        const [approve, cancel] = await Promise.all([act(lead, created.body.id, 'approve'), act(emp, created.body.id, 'cancel')]);
        const statuses = [approve.status, cancel.status].sort();
        const final = (await t.http().get(`/leave-requests/${created.body.id}`).set(emp.auth)).body;
        if (statuses[1] === 409) {
          expect(statuses).toEqual([200, 409]);
          expect([approve, cancel].find((r) => r.status === 409)?.body.code).toBe('STATE_CHANGED');
          expect(final.history).toHaveLength(2);
        } else {
          // The cancellation came second and legitimately cancelled the approved, not yet started leave.
          expect(final.status).toBe('cancelled');
          expect(final.history.map((event: { toStatus: string }) => event.toStatus)).toEqual(['pending', 'approved', 'cancelled']);
        }
      }
    });

    it('two approvers at once: exactly one wins', async () => {
      const created = await request(emp, { startDate: '2027-01-11', endDate: '2027-01-11' });
      const [a, b] = await Promise.all([act(lead, created.body.id, 'approve'), act(admin, created.body.id, 'approve')]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const final = (await t.http().get(`/leave-requests/${created.body.id}`).set(emp.auth)).body;
      expect(final.history.filter((event: { toStatus: string }) => event.toStatus === 'approved')).toHaveLength(1);
    });
  });

  describe('the duty roster respects approved leave (H-ATT-2)', () => {
    it('H-ATT-2: nobody on approved leave is put on duty, by hand or by rotation', async () => {
      const created = await request(orphan, { startDate: '2027-02-02', endDate: '2027-02-03' });
      await act(admin, created.body.id, 'approve').expect(200);
      const byHand = await t.http().put('/roster/2027-02-02').set(admin.auth).send({ staffId: orphan.id });
      expect(byHand.status).toBe(422);
      expect(byHand.body.code).toBe('DUTY_STAFF_NOT_AVAILABLE');
      const generated = await t.http().post('/roster/generate').set(admin.auth).send({ month: '2027-02', staffIds: [orphan.id, other.id] });
      const byDate = new Map(generated.body.days.map((day: { date: string; staffId: string }) => [day.date, day.staffId]));
      expect(byDate.get('2027-02-02')).toBe(other.id);
      expect(byDate.get('2027-02-03')).toBe(other.id);
      expect(byDate.get('2027-02-01')).toBe(orphan.id);
    });
  });

  describe('who sees what', () => {
    it('own requests, a supervisor\'s reports (any depth), admin and finance everything; anything else is 404', async () => {
      const created = await request(emp, { startDate: '2027-01-12', endDate: '2027-01-12' });
      for (const who of [emp, lead, boss, admin, finance]) expect((await t.http().get(`/leave-requests/${created.body.id}`).set(who.auth)).status).toBe(200);
      expect((await t.http().get(`/leave-requests/${created.body.id}`).set(other.auth)).status).toBe(404);
      const otherList = await t.http().get('/leave-requests?pageSize=200').set(other.auth);
      expect(otherList.body.items.every((item: { staffId: string }) => item.staffId === other.id)).toBe(true);
      expect((await t.http().get(`/leave-requests?staffId=${emp.id}`).set(lead.auth)).body.total).toBeGreaterThan(0);
    });

    it('admin manages leave types; the seeded ones are the handbook\'s', async () => {
      const types = await t.http().get('/leave-types').set(emp.auth);
      expect(types.body.items.map((type: { code: string; nameZh: string; paid: boolean }) => [type.code, type.nameZh, type.paid])).toEqual(expect.arrayContaining([
        ['personal', '事假', false], ['sick', '病假', true], ['marriage', '婚假', true], ['bereavement', '丧假', true], ['annual', '年休假', true],
        // Issue 22: time off in lieu, paid (劳动法 第44条（二）).
        ['lieu', '调休', true],
      ]));
      expect(types.body.items).toHaveLength(6);
      expect((await t.http().post('/leave-types').set(emp.auth).send({ code: 'home_leave', nameZh: '探亲假', nameEn: 'Home leave', paid: true })).status).toBe(403);
      expect((await t.http().post('/leave-types').set(admin.auth).send({ code: 'home_leave', nameZh: '探亲假', nameEn: 'Home leave', paid: true })).status).toBe(201);
      await t.http().patch('/leave-types/home_leave').set(admin.auth).send({ active: false }).expect(200);
      expect((await request(emp, { type: 'home_leave', startDate: '2027-01-13', endDate: '2027-01-13' })).body.code).toBe('LEAVE_TYPE_NOT_FOUND');
    });
  });
});
