import { AttendanceSweeper } from '../../src/attendance/attendance-sweeper';
import type { AttendanceDayDto, AttendanceMonthDto } from '../../src/attendance/dto/attendance-day.dto';
import type { IngestResultDto, PunchDto } from '../../src/punches/dto/punch.dto';
import { CreatedStaff, loginAdmin, newStaff, NewStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

// Issue 3: the results must not depend on the server process's time zone. The company zone stays
// Asia/Shanghai, and every scenario must come out exactly as it does there.
//
// Node re-reads TZ when process.env.TZ is assigned: Date and Intl switch for the whole worker
// process. The offset assertion below proves that it took effect.
function setProcessTimeZone(tz: string | undefined): void {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
}
const originalTz = process.env.TZ;

setProcessTimeZone('America/New_York');
const offsetAtLoad = new Date(2026, 0, 1).getTimezoneOffset();

// The worker runs other files afterwards, in the same process (vitest.config.mts): give it its zone back.
afterAll(() => setProcessTimeZone(originalTz));

const NOW = '2026-11-28T12:00:00+08:00';

type Staff = CreatedStaff & { no: string };

async function hire(t: TestApp, admin: SignedIn, overrides: NewStaff = {}): Promise<Staff> {
  const staff = await newStaff(t, admin, overrides);
  return { ...staff, no: String(staff.body.employeeNo) };
}

async function punch(t: TestApp, admin: SignedIn, employeeNo: string, ...times: string[]): Promise<void> {
  const response = await t.http().post('/punches/batch').set(admin.auth).send({ punches: times.map((at) => ({ employeeNo, at })) });
  expect(response.status).toBe(200);
  expect((response.body as IngestResultDto).rejected).toEqual([]);
}

async function month(t: TestApp, who: SignedIn, staffId: string, yearMonth: string): Promise<AttendanceDayDto[]> {
  const response = await t.http().get('/attendance').query({ staffId, month: yearMonth }).set(who.auth);
  expect(response.status).toBe(200);
  return (response.body as AttendanceMonthDto).days;
}

async function day(t: TestApp, who: SignedIn, staffId: string, date: string): Promise<AttendanceDayDto | undefined> {
  return (await month(t, who, staffId, date.slice(0, 7))).find((d) => d.date === date);
}

async function stored(t: TestApp, staffId: string, date: string): Promise<string | undefined> {
  await t.settle(); // the background job has worked off the queue of stale days
  const rows = await t.sql<{ status: string }>('SELECT status FROM attendance_day WHERE staff_id = $1 AND date = $2', [staffId, date]);
  return rows[0]?.status;
}

async function punchesOf(t: TestApp, who: SignedIn, staffId: string, from: string, to: string): Promise<PunchDto[]> {
  const response = await t.http().get('/punches').query({ staffId, from, to }).set(who.auth);
  expect(response.status).toBe(200);
  return (response.body as { items: PunchDto[] }).items;
}

/** The same scenarios, with the process in `tz`; the answers are those of Asia/Shanghai company time. */
function scenariosIn(tz: string, januaryOffset: number, enter: () => void): void {
  describe(`server process in ${tz}, company in Asia/Shanghai`, () => {
    let t: TestApp;
    let admin: SignedIn;
    const clock = new FixedClock(new Date(NOW));

    beforeAll(async () => {
      enter();
      t = await startTestApp({ clock });
      admin = await loginAdmin(t);
    });
    afterAll(() => t.close());
    beforeEach(() => clock.set(NOW));

    it(`the process really runs in ${tz}`, () => {
      expect(process.env.TZ).toBe(tz);
      expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(januaryOffset);
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(tz);
    });

    it('H-ATT-5: local punch times without an offset are company time: 08:30:01 is one minute late', async () => {
      const e = await hire(t, admin);
      await punch(t, admin, e.no, '2026-11-03 08:30:01', '2026-11-03 17:30:00');
      // 1 s late → 1 min; worked 209 min 59 s + 270 → 479
      expect(await day(t, e, e.id, '2026-11-03')).toMatchObject({
        status: 'late', lateMinutes: 1, workedMinutes: 479, firstIn: '2026-11-03T00:30:01.000Z', lastOut: '2026-11-03T09:30:00.000Z',
      });
      expect((await punchesOf(t, e, e.id, '2026-11-03', '2026-11-03')).map((p) => [p.localTime, p.assignedDate])).toEqual([
        ['2026-11-03T08:30:01+08:00', '2026-11-03'],
        ['2026-11-03T17:30:00+08:00', '2026-11-03'],
      ]);
      expect(await stored(t, e.id, '2026-11-03')).toBe('late');
    });

    it('H-ATT-5: 2026-11-01 (the night New York leaves daylight time) at 08:30:00 is on time', async () => {
      const e = await hire(t, admin);
      await punch(t, admin, e.no, '2026-11-01 08:30:00', '2026-11-01 17:30:00');
      // 0 late; worked 210 + 270 = 480
      expect(await day(t, e, e.id, '2026-11-01')).toMatchObject({ status: 'present', lateMinutes: 0, workedMinutes: 480 });
    });

    it('H-ATT-6: leaving at 17:29 is an early leave, absent', async () => {
      const e = await hire(t, admin);
      await punch(t, admin, e.no, '2026-11-05T08:30:00+08:00', '2026-11-05T17:29:00+08:00');
      // 1 min early → absent, 1 day; worked 210 + 269 = 479
      expect(await day(t, e, e.id, '2026-11-05')).toMatchObject({ status: 'absent', earlyLeave: true, earlyMinutes: 1, absenceDays: 1, workedMinutes: 479 });
    });

    it('H-ATT-4: duty 16:00 to 00:05 next day is present and both punches belong to the duty date', async () => {
      const e = await hire(t, admin);
      expect((await t.http().put('/roster/2026-11-04').set(admin.auth).send({ staffId: e.id })).status).toBe(200);
      await punch(t, admin, e.no, '2026-11-04 16:00:00', '2026-11-05 00:05:00');
      // worked 16:00–24:00 = 480
      expect(await day(t, e, e.id, '2026-11-04')).toMatchObject({ status: 'present', shiftCode: 'duty', onDuty: true, workedMinutes: 480 });
      expect((await punchesOf(t, e, e.id, '2026-11-04', '2026-11-05')).map((p) => p.assignedDate)).toEqual(['2026-11-04', '2026-11-04']);
    });

    it('H-ATT-2: the October calendar falls on the same dates (holidays 1–7, make-up workday 10)', async () => {
      const e = await hire(t, admin);
      const days = await month(t, e, e.id, '2026-10');
      expect(days.map((d) => d.date)).toEqual(Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`));
      expect(days.filter((d) => d.status === 'holiday').map((d) => d.date)).toEqual(['01', '02', '03', '04', '05', '06', '07'].map((n) => `2026-10-${n}`));
      expect(days[7]).toMatchObject({ date: '2026-10-08', calendarKind: 'workday', status: 'absent' });
      expect(days[9]).toMatchObject({ date: '2026-10-10', calendarKind: 'makeup_workday', status: 'absent' });
    });

    it('H-ATT-2: employment starts on the hire date itself', async () => {
      const e = await hire(t, admin, { hiredOn: '2026-11-15' });
      const days = await month(t, e, e.id, '2026-11');
      expect(days[13]).toMatchObject({ date: '2026-11-14', status: 'not_employed' });
      expect(days[14]).toMatchObject({ date: '2026-11-15', status: 'absent' });
      const first = await t.sql<{ date: string }>('SELECT min(date) AS date FROM attendance_day WHERE staff_id = $1', [e.id]);
      expect(first[0].date).toBe('2026-11-15');
    });

    it('H-ATT-7: "today" is the company date — 07:00 in Shanghai is still yesterday in the process zone', async () => {
      const e = await hire(t, admin);
      clock.set('2026-11-06T07:00:00+08:00');
      const response = await t.http().get('/attendance/today').set(e.auth);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ date: '2026-11-06', status: 'pending', absenceDays: 0 });
      // 11-05's window closed at 23:30 company time: final
      expect(await day(t, e, e.id, '2026-11-05')).toMatchObject({ status: 'absent' });
    });

    it('H-ATT-7: a pending day becomes final at 23:30 company time', async () => {
      const e = await hire(t, admin);
      clock.set('2026-11-07T18:00:00+08:00');
      await punch(t, admin, e.no, '2026-11-07 08:30:00', '2026-11-07 17:30:00');
      expect(await stored(t, e.id, '2026-11-07')).toBe('pending');
      clock.set('2026-11-07T23:29:59+08:00');
      await t.app.get(AttendanceSweeper).sweep();
      expect(await stored(t, e.id, '2026-11-07')).toBe('pending');
      clock.set('2026-11-07T23:30:00+08:00');
      await t.app.get(AttendanceSweeper).sweep();
      expect(await stored(t, e.id, '2026-11-07')).toBe('present');
    });
  });
}

describe('Time-zone independence of the server process (issue 3)', () => {
  it('the top-level TZ assignment took effect (America/New_York is UTC−5 in January)', () => {
    expect(offsetAtLoad).toBe(300);
  });

  scenariosIn('America/New_York', 300, () => undefined);
  scenariosIn('UTC', 0, () => setProcessTimeZone('UTC'));
});
