import { AttendanceSweeper } from '../../src/attendance/attendance-sweeper';
import type { AttendanceDayDto, AttendanceMonthDto } from '../../src/attendance/dto/attendance-day.dto';
import type { ClockResultDto, IngestResultDto } from '../../src/punches/dto/punch.dto';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

// Pending days (issue 4): a day whose punch window has not closed by the app's clock is pending,
// never absent. Office 08:30–12:00 + 13:00–17:30, window until 17:30 + 360 min = 23:30; duty
// 16:00–24:00, window until the midpoint of 24:00 and the next office start 08:30 = 04:15.
// The background sweep is off in tests; AttendanceSweeper.sweep() runs one pass by hand.

type Staff = CreatedStaff & { no: string };

async function hire(t: TestApp, admin: SignedIn): Promise<Staff> {
  const staff = await newStaff(t, admin);
  return { ...staff, no: String(staff.body.employeeNo) };
}

async function batch(t: TestApp, admin: SignedIn, employeeNo: string, ...times: string[]): Promise<IngestResultDto> {
  const response = await t.http().post('/punches/batch').set(admin.auth).send({ punches: times.map((at) => ({ employeeNo, at })) });
  expect(response.status).toBe(200);
  return response.body as IngestResultDto;
}

async function clockIn(t: TestApp, who: SignedIn): Promise<ClockResultDto> {
  const response = await t.http().post('/punches/clock').set(who.auth).send({});
  expect(response.status).toBe(201);
  return response.body as ClockResultDto;
}

async function today(t: TestApp, who: SignedIn): Promise<AttendanceDayDto> {
  const response = await t.http().get('/attendance/today').set(who.auth).set('Accept-Language', 'en');
  expect(response.status).toBe(200);
  return response.body as AttendanceDayDto;
}

async function month(t: TestApp, who: SignedIn, staffId: string, yearMonth: string): Promise<AttendanceDayDto[]> {
  // English sentences: the assertions below read them; the Chinese ones are checked in test/i18n and sentences.spec.ts.
  const response = await t.http().get('/attendance').query({ staffId, month: yearMonth }).set(who.auth).set('Accept-Language', 'en');
  expect(response.status).toBe(200);
  return (response.body as AttendanceMonthDto).days;
}

async function day(t: TestApp, who: SignedIn, staffId: string, date: string): Promise<AttendanceDayDto | undefined> {
  return (await month(t, who, staffId, date.slice(0, 7))).find((d) => d.date === date);
}

/** The stored status, straight from the table (no GET, which would refresh it). */
async function stored(t: TestApp, staffId: string, date: string): Promise<string | undefined> {
  await t.settle(); // the background job has worked off the queue of stale days
  const rows = await t.sql<{ status: string }>('SELECT status FROM attendance_day WHERE staff_id = $1 AND date = $2', [staffId, date]);
  return rows[0]?.status;
}

describe('Pending days and the sweep (issue 4)', () => {
  let t: TestApp;
  let admin: SignedIn;
  const clock = new FixedClock(new Date('2026-11-10T08:00:00+08:00'));
  const sweep = () => t.app.get(AttendanceSweeper).sweep();

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  it('H-ATT-7: a day in progress is pending until 23:30 and final once the sweep runs after the window closed', async () => {
    const e = await hire(t, admin);
    clock.set('2026-11-10T08:29:30+08:00');
    const clockedIn = await clockIn(t, e);
    expect(clockedIn).toMatchObject({ duplicate: false, punch: { source: 'clock', localTime: '2026-11-10T08:29:30+08:00', assignedDate: '2026-11-10' } });
    expect(await stored(t, e.id, '2026-11-10')).toBe('pending');
    const morning = await today(t, e);
    // 08:29:30 is before 08:30 → not late; no verdict yet, and never absent while the window is open
    expect(morning).toMatchObject({ date: '2026-11-10', status: 'pending', firstIn: '2026-11-10T00:29:30.000Z', lateMinutes: 0, absenceDays: 0 });
    expect(morning.explanation).toContain('H-ATT-7: clock records open until 23:30 — not judged yet');

    clock.set('2026-11-10T17:30:05+08:00');
    await clockIn(t, e);
    expect(await today(t, e)).toMatchObject({ status: 'pending', lastOut: '2026-11-10T09:30:05.000Z' });

    clock.set('2026-11-10T23:29:59+08:00');
    await sweep();
    expect(await stored(t, e.id, '2026-11-10')).toBe('pending');

    clock.set('2026-11-10T23:30:00+08:00');
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    // finalised by the sweep, before any GET: in 08:29:30, out 17:30:05 → worked 210 + 270 = 480, present
    expect(await stored(t, e.id, '2026-11-10')).toBe('present');
    expect(await today(t, e)).toMatchObject({ status: 'present', lateMinutes: 0, earlyMinutes: 0, workedMinutes: 480, absenceDays: 0 });
  });

  it('H-ATT-7: no punches yet is pending, not absent, and so is every day still ahead', async () => {
    const e = await hire(t, admin);
    clock.set('2026-11-10T12:00:00+08:00');
    const days = await month(t, e, e.id, '2026-11');
    // 11-09's window closed at 23:30 that day: absent. 11-10 is in progress, 11-11 … 11-30 are ahead.
    expect(days.find((d) => d.date === '2026-11-09')).toMatchObject({ status: 'absent', absenceDays: 1 });
    const open = days.filter((d) => d.date >= '2026-11-10');
    expect(open).toHaveLength(21);
    expect(open.every((d) => d.status === 'pending' && d.absenceDays === 0)).toBe(true);
    expect(await stored(t, e.id, '2026-11-10')).toBe('pending');
  });

  it('H-ATT-7: GET /attendance itself finalises a stored pending day whose window has closed', async () => {
    const e = await hire(t, admin);
    clock.set('2026-11-12T09:00:00+08:00');
    expect(await batch(t, admin, e.no, '2026-11-12T08:30:00+08:00')).toMatchObject({ inserted: 1, rejected: [] });
    expect(await stored(t, e.id, '2026-11-12')).toBe('pending');

    clock.set('2026-11-13T09:00:00+08:00');
    expect(await stored(t, e.id, '2026-11-12')).toBe('pending'); // no sweep ran
    // only a clock-in: the missing clock-out counts as early leave → absent
    expect(await day(t, e, e.id, '2026-11-12')).toMatchObject({ status: 'absent', missingOut: true, earlyLeave: true, absenceDays: 1 });
    expect(await stored(t, e.id, '2026-11-12')).toBe('absent');
  });

  it('H-ATT-4: a duty day stays pending past midnight, until 04:15 next day', async () => {
    const e = await hire(t, admin);
    clock.set('2026-11-14T09:00:00+08:00');
    expect((await t.http().put('/roster/2026-11-14').set(admin.auth).send({ staffId: e.id })).status).toBe(200);
    clock.set('2026-11-14T15:59:50+08:00');
    await clockIn(t, e);
    clock.set('2026-11-15T00:20:00+08:00');
    const out = await clockIn(t, e);
    // 00:20 is before the 04:15 split → belongs to the duty of 11-14
    expect(out.punch).toMatchObject({ localTime: '2026-11-15T00:20:00+08:00', assignedDate: '2026-11-14' });
    const night = await day(t, e, e.id, '2026-11-14');
    expect(night).toMatchObject({ status: 'pending', shiftCode: 'duty', onDuty: true, absenceDays: 0 });
    expect(night?.explanation).toContain('H-ATT-7: clock records open until 04:15 next day — not judged yet');

    clock.set('2026-11-15T04:14:59+08:00');
    await sweep();
    expect(await stored(t, e.id, '2026-11-14')).toBe('pending');
    clock.set('2026-11-15T04:15:00+08:00');
    await sweep();
    // in 15:59:50 (on time), out 00:20 next day (not early) → worked 16:00–24:00 = 480, present
    expect(await stored(t, e.id, '2026-11-14')).toBe('present');
    expect(await day(t, e, e.id, '2026-11-14')).toMatchObject({ status: 'present', lateMinutes: 0, workedMinutes: 480 });
  });

  it('H-ATT-7: a punch more than 120 s ahead of the app clock is refused, one at 120 s is taken', async () => {
    const e = await hire(t, admin);
    clock.set('2026-11-16T10:00:00+08:00');
    const result = await batch(t, admin, e.no, '2026-11-16T10:02:00+08:00', '2026-11-16T10:02:01+08:00');
    expect(result).toMatchObject({ received: 2, inserted: 1, duplicates: 0 });
    expect(result.rejected).toEqual([expect.objectContaining({ index: 1, reason: 'TIME_IN_FUTURE' })]);
  });
});
