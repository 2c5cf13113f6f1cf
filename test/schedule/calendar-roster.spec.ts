import { FixedClock } from '../support/fixed-clock';
import { loginAdmin, newStaff, SignedIn, CreatedStaff } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

describe('Calendar, shifts, settings and the duty roster (H-ATT-2, H-ATT-3, H-ATT-4)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;
  let alice: CreatedStaff;
  let bob: CreatedStaff;
  let carol: CreatedStaff;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'] });
    alice = await newStaff(t, admin, { hiredOn: '2025-01-01' });
    bob = await newStaff(t, admin, { hiredOn: '2025-01-01' });
    carol = await newStaff(t, admin, { hiredOn: '2026-11-15' });
  });
  afterAll(() => t.close());

  describe('calendar', () => {
    it('H-ATT-2: October 2026 from the chinese-days package: National Day 1-7 October, make-up workday 10 October, every other day a workday (7-day week)', async () => {
      const response = await t.http().get('/calendar?month=2026-10').set(alice.auth);
      expect(response.status).toBe(200);
      const days = response.body.days as { date: string; kind: string; name: string | null; source: string }[];
      expect(days).toHaveLength(31);
      for (let d = 1; d <= 7; d++) {
        expect(days[d - 1]).toEqual({ date: `2026-10-0${d}`, kind: 'holiday', name: '国庆节', source: 'package' });
      }
      expect(days[9]).toEqual({ date: '2026-10-10', kind: 'makeup_workday', name: '国庆节', source: 'package' });
      expect(days[7]).toEqual({ date: '2026-10-08', kind: 'workday', name: null, source: 'work_week' });
      // 2026-10-11 is a Sunday: a workday too under H-ATT-2's seven-day week.
      expect(days[10]).toMatchObject({ kind: 'workday', source: 'work_week' });
    });

    it('H-ATT-2: an admin overrides a date (company holiday, cancelled holiday) and removes the override', async () => {
      const put = await t.http().put('/calendar/2026-10-15').set(admin.auth).send({ kind: 'holiday', name: '公司年会' });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ date: '2026-10-15', kind: 'holiday', name: '公司年会', source: 'override' });
      await t.http().put('/calendar/2026-10-03').set(admin.auth).send({ kind: 'workday' }).expect(200);
      const month = await t.http().get('/calendar?month=2026-10').set(alice.auth);
      expect(month.body.days[14]).toMatchObject({ kind: 'holiday', source: 'override' });
      expect(month.body.days[2]).toMatchObject({ kind: 'workday', source: 'override' });
      await t.http().delete('/calendar/2026-10-03').set(admin.auth).expect(204);
      const back = await t.http().get('/calendar?month=2026-10').set(alice.auth);
      expect(back.body.days[2]).toMatchObject({ kind: 'holiday', source: 'package', name: '国庆节' });
      expect((await t.http().delete('/calendar/2026-10-03').set(admin.auth)).status).toBe(404);
      const audit = await t.sql(`SELECT action FROM audit_log WHERE entity = 'calendar_override' ORDER BY id`);
      expect(audit.map((row) => row.action)).toEqual(['calendar.put', 'calendar.put', 'calendar.delete']);
    });

    it('refuses overrides by non-admins, impossible dates and unknown kinds', async () => {
      expect((await t.http().put('/calendar/2026-10-16').set(finance.auth).send({ kind: 'holiday' })).status).toBe(403);
      const bad = await t.http().put('/calendar/2026-02-30').set(admin.auth).send({ kind: 'holiday' });
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('date');
      expect((await t.http().put('/calendar/2026-10-16').set(admin.auth).send({ kind: 'party' })).status).toBe(400);
      expect((await t.http().get('/calendar?month=2026-13').set(admin.auth)).status).toBe(400);
    });
  });

  describe('duty roster', () => {
    it('H-ATT-2: one person on duty per date; a second PUT reassigns the date', async () => {
      await t.http().put('/roster/2026-11-03').set(admin.auth).send({ staffId: alice.id }).expect(200);
      const reassigned = await t.http().put('/roster/2026-11-03').set(admin.auth).send({ staffId: bob.id });
      expect(reassigned.status).toBe(200);
      expect(reassigned.body).toMatchObject({ date: '2026-11-03', staffId: bob.id, source: 'manual' });
      const rows = await t.sql(`SELECT staff_id FROM duty_roster WHERE date = '2026-11-03'`);
      expect(rows).toEqual([{ staff_id: bob.id }]);
    });

    it('H-ATT-2: two concurrent PUTs for one empty date — exactly one wins', async () => {
      const [first, second] = await Promise.all([
        t.http().put('/roster/2026-11-05').set(admin.auth).send({ staffId: alice.id }),
        t.http().put('/roster/2026-11-05').set(admin.auth).send({ staffId: bob.id }),
      ]);
      const statuses = [first.status, second.status].sort();
      // Either the second waited for the first and reassigned (200, 200), or both inserted at once and the key refused one (409).
      expect(statuses[0]).toBe(200);
      if (statuses[1] === 409) expect([first, second].find((r) => r.status === 409)?.body.code).toBe('DUTY_DATE_TAKEN');
      const rows = await t.sql(`SELECT staff_id FROM duty_roster WHERE date = '2026-11-05'`);
      expect(rows).toHaveLength(1);
    });

    it('H-ATT-2: the database itself refuses a second duty person for a date', async () => {
      await expect(t.sql(`INSERT INTO duty_roster (date, staff_id, source) VALUES ('2026-11-03', $1, 'manual')`, [alice.id])).rejects.toThrow(/duplicate key/);
    });

    it('refuses someone not yet hired or inactive, and non-admins', async () => {
      const early = await t.http().put('/roster/2026-11-10').set(admin.auth).send({ staffId: carol.id });
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('DUTY_STAFF_NOT_AVAILABLE');
      expect((await t.http().put('/roster/2026-11-10').set(alice.auth).send({ staffId: alice.id })).status).toBe(403);
    });

    it('H-ATT-2: generate fills empty dates round-robin, skipping people not yet hired, never overwriting, and shows gaps', async () => {
      const response = await t.http().post('/roster/generate').set(admin.auth).send({ month: '2026-11', staffIds: [carol.id, alice.id] });
      expect(response.status).toBe(200);
      const days = response.body.days as { date: string; staffId: string | null; source: string | null }[];
      expect(response.body.gaps).toBe(0);
      // Hand-made assignments stay.
      expect(days[2]).toMatchObject({ date: '2026-11-03', staffId: bob.id, source: 'manual' });
      // Before 15 November carol is not hired: alice takes every empty date; from then on they alternate.
      expect(days[0]).toMatchObject({ staffId: alice.id, source: 'generated' });
      expect(days[13].staffId).toBe(alice.id);
      const fromFifteenth = days.slice(14).map((day) => day.staffId);
      expect(fromFifteenth.slice(0, 4)).toEqual([carol.id, alice.id, carol.id, alice.id]);
      await t.http().delete('/roster/2026-11-20').set(admin.auth).expect(204);
      const withGap = await t.http().get('/roster?month=2026-11').set(alice.auth);
      expect(withGap.body.gaps).toBe(1);
      expect(withGap.body.days[19]).toMatchObject({ date: '2026-11-20', staffId: null });
    });
  });

  describe('schedule and shifts', () => {
    it('H-ATT-3/H-ATT-4: the schedule shows office or duty with local and absolute times and the window split at the midpoint', async () => {
      // Bob is on duty on 3 November; 4 November he works the office shift.
      const response = await t.http().get(`/schedule?staffId=${bob.id}&month=2026-11`).set(bob.auth);
      expect(response.status).toBe(200);
      const [, , third, fourth] = response.body.days;
      expect(third).toMatchObject({ schedule: 'duty', sessions: [{ start: '16:00', end: '24:00', startAt: '2026-11-03T08:00:00.000Z', endAt: '2026-11-03T16:00:00.000Z' }] });
      expect(fourth.schedule).toBe('office');
      expect(fourth.sessions).toEqual([
        { start: '08:30', end: '12:00', startAt: '2026-11-04T00:30:00.000Z', endAt: '2026-11-04T04:00:00.000Z' },
        { start: '13:00', end: '17:30', startAt: '2026-11-04T05:00:00.000Z', endAt: '2026-11-04T09:30:00.000Z' },
      ]);
      // Midpoint between 24:00 and 08:30 is 04:15 local = 20:15Z on the 3rd.
      expect(third.windowClose).toBe('2026-11-03T20:15:00.000Z');
      expect(fourth.windowOpen).toBe('2026-11-03T20:15:00.000Z');
      expect(third.windowOpen).toBe('2026-11-03T05:00:00.000Z'); // 3 h before 16:00
    });

    it('shows not_employed before the hire date and hides other people\'s schedules (404)', async () => {
      const response = await t.http().get(`/schedule?staffId=${carol.id}&month=2026-11`).set(admin.auth);
      expect(response.body.days[0].schedule).toBe('not_employed');
      expect(response.body.days[15].schedule).not.toBe('not_employed');
      expect((await t.http().get(`/schedule?staffId=${carol.id}&month=2026-11`).set(alice.auth)).status).toBe(404);
    });

    it('H-ATT-3: a shift change takes effect from its date and leaves earlier days alone', async () => {
      const put = await t.http().put('/shifts/office').set(finance.auth).send({ effectiveFrom: '2026-11-20', sessions: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }] });
      expect(put.status).toBe(200);
      const schedule = await t.http().get(`/schedule?staffId=${alice.id}&month=2026-11`).set(admin.auth);
      const officeDay = (date: string) => schedule.body.days.find((day: { date: string }) => day.date === date);
      expect(officeDay('2026-11-03').sessions[0].start).toBe('08:30');
      // 11-20 was made a gap above, so alice works the office shift there.
      expect(officeDay('2026-11-20').sessions.map((s: { start: string; end: string }) => `${s.start}-${s.end}`)).toEqual(['09:00-12:00', '13:00-18:00']);
      const shifts = await t.http().get('/shifts').set(alice.auth);
      expect(shifts.body.items.find((s: { code: string }) => s.code === 'office').versions).toHaveLength(2);
      const overlapping = await t.http().put('/shifts/office').set(admin.auth).send({ effectiveFrom: '2026-12-01', sessions: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '18:00' }] });
      expect(overlapping.status).toBe(400);
      expect((await t.http().put('/shifts/night').set(admin.auth).send({ effectiveFrom: '2026-12-01', sessions: [{ start: '09:00', end: '12:00' }] })).status).toBe(400);
      expect((await t.http().put('/shifts/office').set(alice.auth).send({ effectiveFrom: '2026-12-01', sessions: [{ start: '09:00', end: '12:00' }] })).status).toBe(403);
      expect((await t.http().put('/shifts/duty').set(admin.auth).send({ effectiveFrom: '2026-12-01', sessions: [{ start: '16:00', end: '24:61' }] })).status).toBe(400);
    });

    it('settings are versioned from a date; omitted fields keep the values in force', async () => {
      const put = await t.http().put('/settings').set(finance.auth).send({ effectiveFrom: '2026-12-01', graceMinutes: 5 });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ effectiveFrom: '2026-12-01', graceMinutes: 5, workWeek: [1, 2, 3, 4, 5, 6, 7], missingClockOutIsEarlyLeave: true });
      const settings = await t.http().get('/settings').set(alice.auth);
      expect(settings.body.timeZone).toBe('Asia/Shanghai');
      expect(settings.body.current.graceMinutes).toBe(0); // today is 27 November
      expect(settings.body.versions.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual(['2000-01-01', '2026-12-01']);
      expect((await t.http().put('/settings').set(alice.auth).send({ effectiveFrom: '2026-12-01', graceMinutes: 5 })).status).toBe(403);
      expect((await t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-12-01', graceMinutes: -1 })).status).toBe(400);
      expect((await t.http().put('/settings/time-zone').set(admin.auth).send({ timeZone: 'Mars/Olympus' })).status).toBe(400);
    });
  });

  describe('the month lock', () => {
    it('every dated write checks one lock: a closed month refuses roster, calendar, settings and shift changes with 409 MONTH_CLOSED', async () => {
      await t.sql(`INSERT INTO accounting_month (month, state) VALUES ('2026-09', 'closed')`);
      const writes = [
        t.http().put('/roster/2026-09-10').set(admin.auth).send({ staffId: alice.id }),
        t.http().put('/calendar/2026-09-10').set(admin.auth).send({ kind: 'holiday' }),
        t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-09-15', graceMinutes: 3 }),
        t.http().put('/shifts/duty').set(admin.auth).send({ effectiveFrom: '2026-09-15', sessions: [{ start: '15:00', end: '23:00' }] }),
      ];
      for (const response of await Promise.all(writes)) {
        expect(response.status).toBe(409);
        expect(response.body.code).toBe('MONTH_CLOSED');
      }
      expect(await t.sql(`SELECT 1 FROM duty_roster WHERE date = '2026-09-10'`)).toHaveLength(0);
    });
  });
});
