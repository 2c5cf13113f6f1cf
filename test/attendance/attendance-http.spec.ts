import type { AttendanceDayDto, AttendanceMonthDto } from '../../src/attendance/dto/attendance-day.dto';
import type { IngestResultDto, PunchDto } from '../../src/punches/dto/punch.dto';
import { CreatedStaff, loginAdmin, newStaff, NewStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

// Issue 4: every scenario goes in through the HTTP API (punches in, GET /attendance out).
// Company time Asia/Shanghai; default work week all 7 days, so every November 2026 date is a
// workday. Office 08:30–12:00 + 13:00–17:30 (480 min of work), duty 16:00–24:00 (480 min).
// Punch window 180 min before / 360 min after: an office day's window closes at 23:30, a duty
// day's at the midpoint between 24:00 and the next office start 08:30, i.e. 04:15 next day.
// The app clock stands at noon on 2026-11-28, so every day up to the 27th is final.
const NOW = '2026-11-28T12:00:00+08:00';

type Staff = CreatedStaff & { no: string };

interface StoredDay {
  status: string;
  late_minutes: number;
  early_minutes: number;
  absence_days: number;
  early_leave: boolean;
  missing_out: boolean;
  on_duty: boolean;
  shift_code: string | null;
}

async function hire(t: TestApp, admin: SignedIn, overrides: NewStaff = {}): Promise<Staff> {
  const staff = await newStaff(t, admin, overrides);
  return { ...staff, no: String(staff.body.employeeNo) };
}

/** Sends the punches of one person in one batch; every one of them must be accepted. */
async function punch(t: TestApp, admin: SignedIn, employeeNo: string, ...times: string[]): Promise<IngestResultDto> {
  const response = await t.http().post('/punches/batch').set(admin.auth).send({ punches: times.map((at) => ({ employeeNo, at })) });
  expect(response.status).toBe(200);
  const body = response.body as IngestResultDto;
  expect(body.rejected).toEqual([]);
  return body;
}

async function month(t: TestApp, who: SignedIn, staffId: string, yearMonth: string): Promise<AttendanceDayDto[]> {
  // English sentences: the assertions below read them; the Chinese ones are checked in test/i18n and sentences.spec.ts.
  const response = await t.http().get('/attendance').query({ staffId, month: yearMonth }).set(who.auth).set('Accept-Language', 'en');
  expect(response.status).toBe(200);
  return (response.body as AttendanceMonthDto).days;
}

/** One date of GET /attendance. */
async function day(t: TestApp, who: SignedIn, staffId: string, date: string): Promise<AttendanceDayDto> {
  const found = (await month(t, who, staffId, date.slice(0, 7))).find((d) => d.date === date);
  if (!found) throw new Error(`no entry for ${date}`);
  return found;
}

/**
 * The materialised row, read straight from the table (no GET, which could refresh it), once the
 * background job has worked off the queue of days that punches made stale.
 */
async function stored(t: TestApp, staffId: string, date: string): Promise<StoredDay | undefined> {
  await t.settle();
  const rows = await t.sql<StoredDay>(
    `SELECT status, late_minutes, early_minutes, absence_days, early_leave, missing_out, on_duty, shift_code
       FROM attendance_day WHERE staff_id = $1 AND date = $2`,
    [staffId, date],
  );
  return rows[0];
}

async function punchesOf(t: TestApp, who: SignedIn, staffId: string, from: string, to: string): Promise<PunchDto[]> {
  const response = await t.http().get('/punches').query({ staffId, from, to }).set(who.auth);
  expect(response.status).toBe(200);
  return (response.body as { items: PunchDto[] }).items;
}

async function roster(t: TestApp, admin: SignedIn, date: string, staffId: string): Promise<void> {
  const response = await t.http().put(`/roster/${date}`).set(admin.auth).send({ staffId });
  expect(response.status).toBe(200);
}

async function settings(t: TestApp, admin: SignedIn, body: Record<string, unknown>): Promise<void> {
  const response = await t.http().put('/settings').set(admin.auth).send(body);
  expect(response.status).toBe(200);
}

/** Every stored row as JSON, minus when it was computed. */
async function snapshot(t: TestApp, from: string, to: string): Promise<Record<string, unknown>[]> {
  await t.settle();
  const rows = await t.sql<{ row: Record<string, unknown> }>(
    `SELECT to_jsonb(d) - 'computed_at' AS row FROM attendance_day d WHERE date BETWEEN $1 AND $2 ORDER BY staff_id, date`,
    [from, to],
  );
  return rows.map((r) => r.row);
}

describe('Attendance through the HTTP API (issue 4)', () => {
  let t: TestApp;
  let admin: SignedIn;
  const clock = new FixedClock(new Date(NOW));

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(NOW));

  describe('office shift (H-ATT-3, H-ATT-5, H-ATT-6)', () => {
    it('H-ATT-5: 08:30:00 is on time — present, 0 minutes late', async () => {
      const e = await hire(t, admin);
      await punch(t, admin, e.no, '2026-11-02T08:30:00+08:00', '2026-11-02T17:30:00+08:00');
      // late 08:30:00 − 08:30 = 0; worked 08:30–12:00 (210) + 13:00–17:30 (270) = 480
      expect(await stored(t, e.id, '2026-11-02')).toMatchObject({ status: 'present', late_minutes: 0 });
      const d = await day(t, e, e.id, '2026-11-02');
      expect(d).toMatchObject({
        status: 'present', calendarKind: 'workday', onDuty: false, shiftCode: 'office', lateMinutes: 0, earlyMinutes: 0,
        workedMinutes: 480, missingIn: false, missingOut: false, earlyLeave: false, absenceDays: 0,
        firstIn: '2026-11-02T00:30:00.000Z', lastOut: '2026-11-02T09:30:00.000Z',
      });
      expect(d.explanation).toContain('H-ATT-1: present');
    });

    it('H-ATT-5: 08:30:01 is one minute late', async () => {
      const e = await hire(t, admin);
      // local times without an offset are read in company time
      await punch(t, admin, e.no, '2026-11-03 08:30:01', '2026-11-03 17:30:00');
      // 1 s late rounds up to 1 min; worked 209 min 59 s + 270 min → 479 (whole minutes)
      const d = await day(t, e, e.id, '2026-11-03');
      expect(d).toMatchObject({ status: 'late', lateMinutes: 1, workedMinutes: 479, absenceDays: 0, firstIn: '2026-11-03T00:30:01.000Z' });
      expect(d.explanation).toContain('H-ATT-5: arrived 08:30:01, 1 min late');
    });

    it('H-ATT-5: 08:47 with the default grace of 0 is 17 minutes late', async () => {
      const e = await hire(t, admin);
      await punch(t, admin, e.no, '2026-11-04T08:47:00+08:00', '2026-11-04T17:30:00+08:00');
      // 08:47 − 08:30 = 17 min > grace 0; worked 193 + 270 = 463
      expect(await stored(t, e.id, '2026-11-04')).toMatchObject({ status: 'late', late_minutes: 17 });
      expect(await day(t, admin, e.id, '2026-11-04')).toMatchObject({ status: 'late', lateMinutes: 17, workedMinutes: 463, seriousLate: false });
    });

    it('H-ATT-6: leaving at 17:29 is an early leave, counted as absence for the whole day', async () => {
      const e = await hire(t, admin);
      await punch(t, admin, e.no, '2026-11-05T08:30:00+08:00', '2026-11-05T17:29:00+08:00');
      // 17:30 − 17:29 = 1 min early → early leave → absent, 1 day; worked 210 + 269 = 479
      expect(await stored(t, e.id, '2026-11-05')).toMatchObject({ status: 'absent', early_leave: true, early_minutes: 1, absence_days: 1 });
      const d = await day(t, e, e.id, '2026-11-05');
      expect(d).toMatchObject({ status: 'absent', earlyLeave: true, earlyMinutes: 1, lateMinutes: 0, absenceDays: 1, workedMinutes: 479 });
      expect(d.explanation).toContain('H-ATT-6: left 17:29, 1 min early — counted as absence for the day');
      expect(d.explanation.some((line) => line.startsWith('H-ATT-6'))).toBe(true);
    });

    it('H-ATT-6: 17:29:59 is still an early leave — partial minutes round up', async () => {
      const e = await hire(t, admin);
      await punch(t, admin, e.no, '2026-11-05 08:30:00', '2026-11-05 17:29:59');
      // 1 s early rounds up to 1 min → early leave → absent; worked 210 + 269 min 59 s → 479
      expect(await day(t, e, e.id, '2026-11-05')).toMatchObject({ status: 'absent', earlyLeave: true, earlyMinutes: 1, absenceDays: 1, workedMinutes: 479 });
    });

    it('H-ATT-7: a workday without any clock record is unexcused absence', async () => {
      const e = await hire(t, admin);
      // no punches on 2026-11-06: absent, 1 day, nothing worked
      const d = await day(t, e, e.id, '2026-11-06');
      expect(d).toMatchObject({ status: 'absent', shiftCode: 'office', absenceDays: 1, workedMinutes: 0, firstIn: null, lastOut: null, missingIn: true, missingOut: true });
      expect(d.explanation).toContain('H-ATT-7: no clock records — unexcused absence');
    });

    it('H-ATT-6: only a clock-in (no clock-out) is absence by default', async () => {
      const e = await hire(t, admin);
      await punch(t, admin, e.no, '2026-11-07T08:30:00+08:00');
      // the missing clock-out is treated like an early leave → absent, 1 day; nothing provably worked
      expect(await stored(t, e.id, '2026-11-07')).toMatchObject({ status: 'absent', missing_out: true, early_leave: true, absence_days: 1 });
      const d = await day(t, e, e.id, '2026-11-07');
      expect(d).toMatchObject({ status: 'absent', missingOut: true, earlyLeave: true, earlyMinutes: 0, absenceDays: 1, workedMinutes: 0 });
      expect(d.explanation).toContain('H-ATT-6: no clock-out record — treated as early leave, counted as absence for the day');
    });

    it('H-ATT-2: before the hire date the days are not_employed, from it on they are judged', async () => {
      const e = await hire(t, admin, { hiredOn: '2026-11-15' });
      const days = await month(t, e, e.id, '2026-11');
      expect(days).toHaveLength(30);
      // 1–14 November: 14 days before the hire date
      expect(days.filter((d) => d.status === 'not_employed').map((d) => d.date)).toEqual(days.slice(0, 14).map((d) => d.date));
      expect(days[13]).toMatchObject({ date: '2026-11-14', status: 'not_employed', absenceDays: 0, shiftCode: null });
      expect(days[14]).toMatchObject({ date: '2026-11-15', status: 'absent', absenceDays: 1 });
      expect((await t.sql('SELECT 1 FROM attendance_day WHERE staff_id = $1 AND date < $2', [e.id, '2026-11-15'])).length).toBe(0);
    });
  });

  describe('duty shift (H-ATT-2, H-ATT-4)', () => {
    it('H-ATT-4: duty 16:00 to 00:05 next day is present, and the 00:05 punch belongs to the duty date', async () => {
      const e = await hire(t, admin);
      await roster(t, admin, '2026-11-10', e.id);
      await punch(t, admin, e.no, '2026-11-10T16:00:00+08:00', '2026-11-11T00:05:00+08:00');
      // 16:00 on time; out 00:05 ≥ 24:00, not early; worked 16:00–24:00 = 480
      expect(await stored(t, e.id, '2026-11-10')).toMatchObject({ status: 'present', on_duty: true, shift_code: 'duty' });
      const d = await day(t, e, e.id, '2026-11-10');
      expect(d).toMatchObject({
        status: 'present', onDuty: true, shiftCode: 'duty', lateMinutes: 0, earlyMinutes: 0, workedMinutes: 480,
        firstIn: '2026-11-10T08:00:00.000Z', lastOut: '2026-11-10T16:05:00.000Z',
      });
      // the next day is an ordinary office day with no punches of its own
      expect(await day(t, e, e.id, '2026-11-11')).toMatchObject({ status: 'absent', shiftCode: 'office', firstIn: null });
      const punches = await punchesOf(t, e, e.id, '2026-11-10', '2026-11-11');
      expect(punches.map((p) => [p.localTime, p.assignedDate]).sort()).toEqual([
        ['2026-11-10T16:00:00+08:00', '2026-11-10'],
        ['2026-11-11T00:05:00+08:00', '2026-11-10'],
      ]);
    });

    it('H-ATT-4: a duty clock-out after midnight at the end of a month stays with the duty date', async () => {
      const e = await hire(t, admin);
      await roster(t, admin, '2026-10-31', e.id);
      await punch(t, admin, e.no, '2026-10-31T16:00:00+08:00', '2026-11-01T00:05:00+08:00');
      // duty 16:00–24:00 on 31 October, out 00:05 on 1 November → present, 480 min
      expect(await day(t, e, e.id, '2026-10-31')).toMatchObject({ status: 'present', shiftCode: 'duty', workedMinutes: 480, lastOut: '2026-10-31T16:05:00.000Z' });
      // 1 November is an office day of its own, with no punches
      expect(await day(t, e, e.id, '2026-11-01')).toMatchObject({ status: 'absent', shiftCode: 'office', firstIn: null, lastOut: null });
      expect((await punchesOf(t, e, e.id, '2026-11-01', '2026-11-01')).map((p) => p.assignedDate)).toEqual(['2026-10-31']);
    });

    it('H-ATT-6: duty clock-out at 23:50 is an early leave, absent', async () => {
      const e = await hire(t, admin);
      await roster(t, admin, '2026-11-12', e.id);
      await punch(t, admin, e.no, '2026-11-12T16:00:00+08:00', '2026-11-12T23:50:00+08:00');
      // 24:00 − 23:50 = 10 min early → absent, 1 day; worked 16:00–23:50 = 470
      expect(await stored(t, e.id, '2026-11-12')).toMatchObject({ status: 'absent', early_leave: true, early_minutes: 10, absence_days: 1 });
      expect(await day(t, e, e.id, '2026-11-12')).toMatchObject({ status: 'absent', shiftCode: 'duty', earlyLeave: true, earlyMinutes: 10, absenceDays: 1, workedMinutes: 470 });
    });

    it('H-ATT-5: duty clock-in at 16:10 is 10 minutes late', async () => {
      const e = await hire(t, admin);
      await roster(t, admin, '2026-11-13', e.id);
      await punch(t, admin, e.no, '2026-11-13T16:10:00+08:00', '2026-11-14T00:02:00+08:00');
      // 16:10 − 16:00 = 10 min late; out 00:02 next day, not early; worked 16:10–24:00 = 470
      const d = await day(t, e, e.id, '2026-11-13');
      expect(d).toMatchObject({ status: 'late', shiftCode: 'duty', lateMinutes: 10, earlyMinutes: 0, workedMinutes: 470, absenceDays: 0 });
      expect(d.explanation).toContain('H-ATT-4: duty shift 16:00–24:00');
    });

    it('H-ATT-4: putting someone on duty after their punches came in re-reads them against the duty shift', async () => {
      const e = await hire(t, admin);
      await punch(t, admin, e.no, '2026-11-16T16:00:00+08:00', '2026-11-17T00:05:00+08:00');
      // on the office shift: 16:00 is the lone punch in its window (00:05 falls in no window) → absent
      expect(await stored(t, e.id, '2026-11-16')).toMatchObject({ status: 'absent', shift_code: 'office' });
      await roster(t, admin, '2026-11-16', e.id);
      // the roster write recomputes the day in its own transaction: duty 16:00–00:05 → present
      expect(await stored(t, e.id, '2026-11-16')).toMatchObject({ status: 'present', shift_code: 'duty', on_duty: true });
      expect((await punchesOf(t, admin, e.id, '2026-11-16', '2026-11-17')).map((p) => p.assignedDate)).toEqual(['2026-11-16', '2026-11-16']);
    });

    it('H-ATT-2: replacing the person on duty puts the first one back on the office shift', async () => {
      const first = await hire(t, admin);
      const second = await hire(t, admin);
      await punch(t, admin, first.no, '2026-11-18T08:30:00+08:00', '2026-11-18T17:30:00+08:00');
      await roster(t, admin, '2026-11-18', first.id);
      // on duty 16:00–24:00 the window opens at 13:00: 08:30 counts for no day, 17:30 is a lone
      // clock-in (before the 20:00 middle of the shift), 90 min late, no clock-out → absent
      expect(await stored(t, first.id, '2026-11-18')).toMatchObject({ status: 'absent', shift_code: 'duty' });
      await roster(t, admin, '2026-11-18', second.id);
      expect(await stored(t, first.id, '2026-11-18')).toMatchObject({ status: 'present', shift_code: 'office', on_duty: false });
      expect(await stored(t, second.id, '2026-11-18')).toMatchObject({ status: 'absent', shift_code: 'duty', on_duty: true });
    });
  });

  describe('holidays and the calendar (H-ATT-2)', () => {
    it('H-ATT-2: 2026-10-01 (National Day) without punches is a holiday, not an absence', async () => {
      const e = await hire(t, admin);
      const days = await month(t, e, e.id, '2026-10');
      expect(days.find((d) => d.date === '2026-10-01')).toMatchObject({ status: 'holiday', calendarKind: 'holiday', shiftCode: null, absenceDays: 0 });
      // 1–7 October are statutory holidays; 10 October is a make-up workday
      expect(days.filter((d) => d.status === 'holiday').map((d) => d.date)).toEqual(['01', '02', '03', '04', '05', '06', '07'].map((n) => `2026-10-${n}`));
      expect(days.find((d) => d.date === '2026-10-10')).toMatchObject({ calendarKind: 'makeup_workday', status: 'absent', shiftCode: 'office' });
    });

    it('H-ATT-2: a person rostered on a holiday is judged on the duty shift; colleagues keep the holiday', async () => {
      const e = await hire(t, admin);
      const colleague = await hire(t, admin);
      await roster(t, admin, '2026-10-02', e.id);
      await punch(t, admin, e.no, '2026-10-02T16:00:00+08:00', '2026-10-03T00:00:00+08:00');
      await punch(t, admin, colleague.no, '2026-10-02T08:30:00+08:00', '2026-10-02T17:30:00+08:00');
      // duty 16:00–24:00, out exactly at midnight: present, 480 min
      const d = await day(t, e, e.id, '2026-10-02');
      expect(d).toMatchObject({ status: 'present', calendarKind: 'holiday', onDuty: true, shiftCode: 'duty', workedMinutes: 480 });
      expect(d.explanation).toContain('H-ATT-2: statutory holiday 国庆节 — rostered, judged on the duty shift');
      expect(d.explanation).toContain('H-ATT-6: left 24:00, not early');
      const other = await day(t, colleague, colleague.id, '2026-10-02');
      expect(other).toMatchObject({ status: 'holiday', onDuty: false, shiftCode: null, absenceDays: 0, firstIn: null });
      // the colleague's punches are kept and listed, but belong to no day
      expect((await punchesOf(t, colleague, colleague.id, '2026-10-02', '2026-10-02')).map((p) => p.assignedDate)).toEqual([null, null]);
    });

    it('H-ATT-7: clock records on a day off are named in that day\'s explanation as ignored', async () => {
      const e = await hire(t, admin);
      await punch(t, admin, e.no, '2026-10-04T08:30:00+08:00', '2026-10-04T17:30:00+08:00');
      // 2026-10-04 is a holiday and e is not rostered: nothing is expected, the records change nothing
      const d = await day(t, e, e.id, '2026-10-04');
      expect(d).toMatchObject({ status: 'holiday', absenceDays: 0, firstIn: null });
      expect(d.explanation).toEqual([
        'H-ATT-2: statutory holiday 国庆节 — day off',
        'H-ATT-7: clock records at 08:30, 17:30 ignored — no shift scheduled',
      ]);
    });

    it('H-ATT-2: an admin declaring a holiday turns a stored absence into a holiday at once', async () => {
      const e = await hire(t, admin);
      await punch(t, admin, e.no, '2026-11-19T08:30:00+08:00');
      expect(await stored(t, e.id, '2026-11-19')).toMatchObject({ status: 'absent' });
      const response = await t.http().put('/calendar/2026-11-19').set(admin.auth).send({ kind: 'holiday', name: '公司年会' });
      expect(response.status).toBe(200);
      expect(await stored(t, e.id, '2026-11-19')).toMatchObject({ status: 'holiday', absence_days: 0 });
      expect(await day(t, e, e.id, '2026-11-19')).toMatchObject({ status: 'holiday', calendarKind: 'holiday' });
    });
  });

  describe('changes to the inputs (H-ATT-7)', () => {
    it('H-ATT-7: voiding the only clock-in turns a late day into an absence', async () => {
      const e = await hire(t, admin);
      await punch(t, admin, e.no, '2026-11-20T08:40:00+08:00', '2026-11-20T17:35:00+08:00');
      // 08:40 → 10 min late, 17:35 not early → late 10
      expect(await stored(t, e.id, '2026-11-20')).toMatchObject({ status: 'late', late_minutes: 10 });
      const clockIn = (await punchesOf(t, admin, e.id, '2026-11-20', '2026-11-20')).find((p) => p.localTime === '2026-11-20T08:40:00+08:00');
      if (!clockIn) throw new Error('clock-in not listed');
      const voided = await t.http().post(`/punches/${clockIn.id}/void`).set(admin.auth).send({ reason: 'Badge used by a colleague' });
      expect(voided.status).toBe(200);
      expect(voided.body).toMatchObject({ voidReason: 'Badge used by a colleague', assignedDate: null });
      // only 17:35 is left: after the middle of the day, so a clock-out without a clock-in → absent, 0 late
      expect(await stored(t, e.id, '2026-11-20')).toMatchObject({ status: 'absent', late_minutes: 0, absence_days: 1 });
      expect(await day(t, e, e.id, '2026-11-20')).toMatchObject({ status: 'absent', missingIn: true, lateMinutes: 0, firstIn: null, lastOut: '2026-11-20T09:35:00.000Z' });
    });

    it('H-ATT-7: a manual punch for a missed clock-out makes the day present', async () => {
      const e = await hire(t, admin);
      await punch(t, admin, e.no, '2026-11-21T08:30:00+08:00');
      expect(await stored(t, e.id, '2026-11-21')).toMatchObject({ status: 'absent' });
      const response = await t.http().post('/punches/manual').set(admin.auth).send({ staffId: e.id, at: '2026-11-21 17:31:00', reason: 'Terminal was down' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ source: 'manual', assignedDate: '2026-11-21', localTime: '2026-11-21T17:31:00+08:00' });
      expect(await stored(t, e.id, '2026-11-21')).toMatchObject({ status: 'present' });
    });

    it('H-ATT-7: a batch sent twice adds nothing and changes nothing the second time', async () => {
      const e = await hire(t, admin);
      const batch = ['2026-11-22T08:45:00+08:00', '2026-11-22T17:30:00+08:00'];
      expect(await punch(t, admin, e.no, ...batch)).toEqual({ received: 2, inserted: 2, duplicates: 0, rejected: [] });
      const rows = () => t.sql('SELECT * FROM attendance_day WHERE staff_id = $1 ORDER BY date', [e.id]);
      const before = await rows();
      expect(await punch(t, admin, e.no, ...batch)).toEqual({ received: 2, inserted: 0, duplicates: 2, rejected: [] });
      // the stored rows are untouched, computed_at included
      expect(await rows()).toEqual(before);
      expect(await t.sql('SELECT id FROM punch WHERE staff_id = $1', [e.id])).toHaveLength(2);
      expect(await day(t, e, e.id, '2026-11-22')).toMatchObject({ status: 'late', lateMinutes: 15 });
    });

    it('H-ATT-7: the day results kept up to date write by write equal a full rebuild, and a rebuild run twice changes nothing', async () => {
      const before = await snapshot(t, '2026-11-01', '2026-11-30');
      expect(before.length).toBeGreaterThan(0);
      const first = await t.http().post('/attendance/recompute').set(admin.auth).send({ month: '2026-11' });
      expect(first.status).toBe(200);
      const afterFirst = await snapshot(t, '2026-11-01', '2026-11-30');
      const key = (row: Record<string, unknown>) => `${String(row.staff_id)}|${String(row.date)}`;
      const rebuilt = new Map(afterFirst.map((row) => [key(row), row]));
      for (const row of before) expect(rebuilt.get(key(row))).toEqual(row);
      const second = await t.http().post('/attendance/recompute').set(admin.auth).send({ month: '2026-11' });
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(await snapshot(t, '2026-11-01', '2026-11-30')).toEqual(afterFirst);
    });
  });

  describe('who sees what (H-ORG-2, H-ORG-3)', () => {
    let boss: Staff;
    let report: Staff;
    let colleague: Staff;
    let finance: Staff;

    beforeAll(async () => {
      boss = await hire(t, admin);
      report = await hire(t, admin, { supervisorId: boss.id });
      colleague = await hire(t, admin);
      finance = await hire(t, admin, { roles: ['finance'], positionCode: null });
      await punch(t, admin, report.no, '2026-11-23T08:30:00+08:00', '2026-11-23T17:30:00+08:00');
    });

    it.each([
      ['the employee themself', () => report],
      ['their direct supervisor (H-ORG-3)', () => boss],
      ['finance (H-ORG-2)', () => finance],
      ['an administrator', () => admin],
    ])('%s sees the month', async (_who, actor) => {
      const days = await month(t, actor(), report.id, '2026-11');
      expect(days).toHaveLength(30);
      expect(days.find((d) => d.date === '2026-11-23')).toMatchObject({ status: 'present' });
    });

    it('another employee gets 404, as for an unknown id', async () => {
      const response = await t.http().get('/attendance').query({ staffId: report.id, month: '2026-11' }).set(colleague.auth);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('STAFF_NOT_FOUND');
      const unknown = await t.http().get('/attendance').query({ staffId: '00000000-0000-4000-8000-000000000000', month: '2026-11' }).set(colleague.auth);
      expect(unknown.body).toEqual(response.body);
    });

    it('an employee does not see their supervisor', async () => {
      const response = await t.http().get('/attendance').query({ staffId: boss.id, month: '2026-11' }).set(report.auth);
      expect(response.status).toBe(404);
    });

    it('anonymous → 401', async () => {
      expect((await t.http().get('/attendance').query({ staffId: report.id, month: '2026-11' })).status).toBe(401);
      expect((await t.http().get('/attendance/today')).status).toBe(401);
    });

    it('GET /attendance/today shows the signed-in person\'s day so far (pending until the window closes)', async () => {
      const response = await t.http().get('/attendance/today').set(report.auth);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ date: '2026-11-28', status: 'pending', absenceDays: 0 });
    });

    it('only admin and finance rebuild a month (403 ROLE_REQUIRED)', async () => {
      const response = await t.http().post('/attendance/recompute').set(boss.auth).send({ month: '2026-11' });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('ROLE_REQUIRED');
      expect((await t.http().post('/attendance/recompute').set(finance.auth).send({ month: '2026-11' })).status).toBe(200);
    });

    it('a malformed month is refused (400)', async () => {
      const response = await t.http().get('/attendance').query({ staffId: report.id, month: '2026-13' }).set(admin.auth);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('employment dates (H-ATT-2)', () => {
    it('H-ATT-2: moving the hire date later turns the stored days before it into not_employed', async () => {
      const e = await hire(t, admin, { hiredOn: '2026-11-01' });
      await punch(t, admin, e.no, '2026-11-10T08:30:00+08:00', '2026-11-10T17:30:00+08:00');
      // stores 1–28 November (today is the 28th): 11-10 present, the others absent
      expect(await day(t, admin, e.id, '2026-11-05')).toMatchObject({ status: 'absent' });
      const patched = await t.http().patch(`/staff/${e.id}`).set(admin.auth).send({ hiredOn: '2026-11-15' });
      expect(patched.status).toBe(200);
      // the person was not employed on 1–14 November any more: no absence can be held against them
      const days = await month(t, admin, e.id, '2026-11');
      expect(days.slice(0, 14).map((d) => [d.date, d.status]).filter(([, status]) => status !== 'not_employed')).toEqual([]);
      expect(days[14]).toMatchObject({ date: '2026-11-15', status: 'absent' });
    });

    it('H-ATT-2: after the last working day (deactivation) the days are not_employed', async () => {
      const e = await hire(t, admin, { hiredOn: '2026-11-01' });
      expect(await day(t, admin, e.id, '2026-11-25')).toMatchObject({ status: 'absent' });
      const response = await t.http().post(`/staff/${e.id}/deactivate`).set(admin.auth).send({ leftOn: '2026-11-20' });
      expect(response.status).toBe(200);
      const days = await month(t, admin, e.id, '2026-11');
      expect(days[19]).toMatchObject({ date: '2026-11-20', status: 'absent' });
      // 21–30 November: after the last working day
      expect(days.slice(20).map((d) => [d.date, d.status]).filter(([, status]) => status !== 'not_employed')).toEqual([]);
    });
  });
});

describe('Attendance settings through the HTTP API (H-ATT-5, H-ATT-6)', () => {
  // A separate app: settings apply to everyone from their date on.
  let t: TestApp;
  let admin: SignedIn;
  const clock = new FixedClock(new Date(NOW));

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  it('H-ATT-5: with grace 15 from 2026-11-16, 08:47 is still 17 minutes late and 08:40 is present; earlier dates keep grace 0', async () => {
    const e = await hire(t, admin);
    await punch(t, admin, e.no, '2026-11-15T08:40:00+08:00', '2026-11-15T17:30:00+08:00');
    await punch(t, admin, e.no, '2026-11-16T08:47:00+08:00', '2026-11-16T17:30:00+08:00');
    await punch(t, admin, e.no, '2026-11-17T08:40:00+08:00', '2026-11-17T17:30:00+08:00');
    expect(await stored(t, e.id, '2026-11-17')).toMatchObject({ status: 'late', late_minutes: 10 });

    await settings(t, admin, { effectiveFrom: '2026-11-16', graceMinutes: 15 });
    // recomputed by the settings write itself: 08:40 is 10 min late ≤ 15 → present
    expect(await stored(t, e.id, '2026-11-17')).toMatchObject({ status: 'present', late_minutes: 0 });

    // 11-15, before the version: 08:40 − 08:30 = 10 > grace 0 → late 10
    expect(await day(t, e, e.id, '2026-11-15')).toMatchObject({ status: 'late', lateMinutes: 10 });
    // 11-16: 08:47 − 08:30 = 17 > 15 → late, recorded as the full 17 (not 17 − 15)
    expect(await day(t, e, e.id, '2026-11-16')).toMatchObject({ status: 'late', lateMinutes: 17 });
    const d = await day(t, e, e.id, '2026-11-17');
    expect(d).toMatchObject({ status: 'present', lateMinutes: 0, workedMinutes: 470 });
    expect(d.explanation).toContain('H-ATT-5: arrived 08:40, 10 min late, within the 15 min grace period');
  });

  it('H-ATT-6: with missingClockOutIsEarlyLeave=false a lone clock-in is judged on arrival alone', async () => {
    const e = await hire(t, admin);
    await punch(t, admin, e.no, '2026-11-19T08:30:00+08:00');
    await punch(t, admin, e.no, '2026-11-20T08:30:00+08:00');
    await punch(t, admin, e.no, '2026-11-21T08:50:00+08:00');
    expect(await stored(t, e.id, '2026-11-20')).toMatchObject({ status: 'absent', early_leave: true });
    expect(await stored(t, e.id, '2026-11-21')).toMatchObject({ status: 'absent', early_leave: true });

    await settings(t, admin, { effectiveFrom: '2026-11-20', missingClockOutIsEarlyLeave: false });
    expect(await stored(t, e.id, '2026-11-20')).toMatchObject({ status: 'present', early_leave: false, missing_out: true, absence_days: 0 });

    // 11-19 is before the version: still absent
    expect(await day(t, e, e.id, '2026-11-19')).toMatchObject({ status: 'absent', earlyLeave: true });
    const d = await day(t, e, e.id, '2026-11-20');
    expect(d).toMatchObject({ status: 'present', missingOut: true, earlyLeave: false, absenceDays: 0 });
    expect(d.explanation).toContain('H-ATT-6: no clock-out record — excused by setting, judged on arrival only');
    // 11-21: 08:50 − 08:30 = 20 min > grace 15 (inherited from the 11-16 version) → late 20
    expect(await day(t, e, e.id, '2026-11-21')).toMatchObject({ status: 'late', lateMinutes: 20, earlyLeave: false });
  });

  it('H-ATT-4: a punch window setting applies to the dates it governs, however the day is computed', async () => {
    const e = await hire(t, admin);
    // (missing clock-out back to early leave: the version before this one excused it)
    await settings(t, admin, { effectiveFrom: '2026-11-24', punchWindowCloseMinutes: 60, missingClockOutIsEarlyLeave: true });
    // 2026-11-25: the window closes 17:30 + 60 min = 18:30, so a 19:00 punch counts for no day:
    // only the 08:30 clock-in is left → missing clock-out (early leave by default) → absent
    await punch(t, admin, e.no, '2026-11-25T08:30:00+08:00', '2026-11-25T19:00:00+08:00');
    const assigned = async (from: string) =>
      (await punchesOf(t, admin, e.id, from, '2026-11-30')).find((p) => p.localTime === '2026-11-25T19:00:00+08:00')?.assignedDate;
    const observed = {
      storedAfterBatch: (await stored(t, e.id, '2026-11-25'))?.status,
      listedFromThe25th: await assigned('2026-11-25'),
      listedFromThe1st: await assigned('2026-11-01'),
      get: (await day(t, e, e.id, '2026-11-25')).status,
      storedAfterGet: (await stored(t, e.id, '2026-11-25'))?.status,
      recompute: (await t.http().post('/attendance/recompute').set(admin.auth).send({ month: '2026-11' })).status,
      storedAfterRecompute: (await stored(t, e.id, '2026-11-25'))?.status,
    };
    expect(observed).toEqual({
      storedAfterBatch: 'absent',
      listedFromThe25th: null,
      listedFromThe1st: null,
      get: 'absent',
      storedAfterGet: 'absent',
      recompute: 200,
      storedAfterRecompute: 'absent',
    });
  });
});

describe('Punch windows that open the evening before (H-ATT-4)', () => {
  // Settings from 2026-11-01: windows open 720 min before the shift and close 60 min after it.
  // An office day's window is then [20:30 the evening before, 18:30): a punch at 21:00 on the
  // 10th belongs to the 11th.
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ clock: new FixedClock(new Date(NOW)) });
    admin = await loginAdmin(t);
    await settings(t, admin, { effectiveFrom: '2026-11-01', punchWindowOpenMinutes: 720, punchWindowCloseMinutes: 60 });
  });
  afterAll(() => t.close());

  it('H-ATT-7: a punch that belongs to the next date recomputes that date, when added and when voided', async () => {
    const e = await hire(t, admin);
    await punch(t, admin, e.no, '2026-11-11T17:30:00+08:00');
    // alone, 17:30 is a clock-out without a clock-in → absent
    expect(await stored(t, e.id, '2026-11-11')).toMatchObject({ status: 'absent' });
    await punch(t, admin, e.no, '2026-11-10T21:00:00+08:00');
    // 21:00 the evening before is the 11th's clock-in (not late), 17:30 its clock-out → present
    const evening = (await punchesOf(t, admin, e.id, '2026-11-10', '2026-11-11')).find((p) => p.localTime === '2026-11-10T21:00:00+08:00');
    const afterBatch = { assigned: evening?.assignedDate, stored: (await stored(t, e.id, '2026-11-11'))?.status, get: (await day(t, e, e.id, '2026-11-11')).status };
    const voided = await t.http().post(`/punches/${evening?.id}/void`).set(admin.auth).send({ reason: 'Wrong badge' });
    expect(voided.status).toBe(200);
    // without it the 11th is back to a lone clock-out → absent
    const afterVoid = { stored: (await stored(t, e.id, '2026-11-11'))?.status, get: (await day(t, e, e.id, '2026-11-11')).status };
    expect({ afterBatch, afterVoid }).toEqual({
      afterBatch: { assigned: '2026-11-11', stored: 'present', get: 'present' },
      afterVoid: { stored: 'absent', get: 'absent' },
    });
  });
});
