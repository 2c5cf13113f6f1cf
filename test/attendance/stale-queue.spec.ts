import type { AttendanceDayDto, AttendanceMonthDto } from '../../src/attendance/dto/attendance-day.dto';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Punches store themselves and queue their days as stale (attendance_stale); the day results are
 * brought up to date by the background job, by any read of those days, and by a month close. No
 * reader ever sees a result older than the punches, and nothing queued is lost.
 */
describe('Day results after punches: the queue of stale days (H-ATT-7)', () => {
  const clock = new FixedClock(new Date('2026-11-16T20:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'] });
  });
  afterAll(() => t.close());

  const batch = async (punches: { employeeNo: string; at: string }[]) => {
    const response = await t.http().post('/punches/batch').set(admin.auth).send({ punches });
    expect(response.status).toBe(200);
    return response.body as { inserted: number; duplicates: number; rejected: { index: number; reason: string; message: string }[] };
  };
  const storedDay = async (staffId: string, date: string) =>
    (await t.sql<{ status: string; first_in: Date | null }>(`SELECT status, first_in FROM attendance_day WHERE staff_id = $1 AND date = $2`, [staffId, date]))[0];
  const queued = (staffId: string) =>
    t.sql<{ from_date: string; to_date: string }>(`SELECT from_date, to_date FROM attendance_stale WHERE staff_id = $1 ORDER BY from_date`, [staffId]);
  const month = async (who: SignedIn, staffId: string, yearMonth: string): Promise<AttendanceDayDto[]> => {
    const response = await t.http().get('/attendance').query({ staffId, month: yearMonth }).set(who.auth);
    expect(response.status).toBe(200);
    return (response.body as AttendanceMonthDto).days;
  };
  const hire = async (): Promise<CreatedStaff & { no: string }> => {
    const person = await newStaff(t, admin);
    return { ...person, no: String(person.body.employeeNo) };
  };

  it('a batch stores its punches and queues the days they can change (the date and both neighbours), in the same transaction', async () => {
    const e = await hire();
    expect(await batch([{ employeeNo: e.no, at: '2026-11-10T08:20:00+08:00' }, { employeeNo: e.no, at: '2026-11-12T17:40:00+08:00' }])).toMatchObject({ inserted: 2 });
    expect(await queued(e.id)).toEqual([{ from_date: '2026-11-09', to_date: '2026-11-13' }]);
    // Not judged yet: the table is untouched until the queue is worked off.
    expect(await storedDay(e.id, '2026-11-10')).toBeUndefined();
    await t.settle();
    expect(await queued(e.id)).toEqual([]);
    expect(await storedDay(e.id, '2026-11-10')).toMatchObject({ status: 'absent', first_in: new Date('2026-11-10T00:20:00Z') });
  });

  it('a read of queued days recomputes them first, and takes only the part of the queue it covered', async () => {
    const e = await hire();
    await month(e, e.id, '2026-11');
    expect(await storedDay(e.id, '2026-11-16')).toMatchObject({ status: 'pending', first_in: null });
    // Today's punches come in: the stored day still says pending without a first punch.
    await batch([{ employeeNo: e.no, at: '2026-11-16T08:29:00+08:00' }, { employeeNo: e.no, at: '2026-11-16T17:31:00+08:00' }]);
    expect(await storedDay(e.id, '2026-11-16')).toMatchObject({ status: 'pending', first_in: null });
    const days = await month(e, e.id, '2026-11');
    expect(days.find((d) => d.date === '2026-11-16')).toMatchObject({ status: 'pending', firstIn: '2026-11-16T00:29:00.000Z', lastOut: '2026-11-16T09:31:00.000Z' });
    expect(await storedDay(e.id, '2026-11-16')).toMatchObject({ first_in: new Date('2026-11-16T00:29:00Z') });
    // The read stored 1–16 November; 17 November (tomorrow) stays queued for the background job.
    expect(await queued(e.id)).toEqual([{ from_date: '2026-11-17', to_date: '2026-11-17' }]);
  });

  it('a clock-in answers with the date its punch counts on, stored and queued in one statement', async () => {
    const e = await hire();
    clock.set('2026-11-16T08:31:10+08:00');
    const response = await t.http().post('/punches/clock').set(e.auth).send({});
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ duplicate: false, punch: { assignedDate: '2026-11-16', localTime: '2026-11-16T08:31:10+08:00', source: 'clock' } });
    expect(await queued(e.id)).toEqual([{ from_date: '2026-11-15', to_date: '2026-11-17' }]);
    const again = await t.http().post('/punches/clock').set(e.auth).send({});
    expect(again.body).toMatchObject({ duplicate: true, punch: { id: response.body.punch.id, assignedDate: '2026-11-16' } });
    expect(await queued(e.id)).toHaveLength(1);
    const today = await t.http().get('/attendance/today').set(e.auth);
    expect(today.body).toMatchObject({ date: '2026-11-16', status: 'pending', firstIn: '2026-11-16T00:31:10.000Z', lateMinutes: 2 }); // 1 min 10 s, partial minutes round up
    clock.set('2026-11-16T20:00:00+08:00');
  });

  it('the background job works the queue off by itself every ATTENDANCE_QUEUE_MS', async () => {
    const own = await startTestApp({ clock, config: { attendanceQueueMs: 20 } });
    try {
      const ownAdmin = await loginAdmin(own);
      const e = await newStaff(own, ownAdmin);
      const response = await own.http().post('/punches/batch').set(ownAdmin.auth).send({ punches: [{ employeeNo: e.body.employeeNo, at: '2026-11-03T08:30:00+08:00' }] });
      expect(response.body).toMatchObject({ inserted: 1 });
      let row: { status: string }[] = [];
      for (let tries = 0; tries < 500 && row.length === 0; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        row = await own.sql<{ status: string }>(`SELECT status FROM attendance_day WHERE staff_id = $1 AND date = '2026-11-03'`, [e.id]);
      }
      // No read happened: the job stored it (only a clock-in: the missing clock-out is an early leave).
      expect(row).toEqual([{ status: 'absent' }]);
      expect(await own.sql(`SELECT 1 FROM attendance_stale`)).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('H-ATT-11: a month close judges the punches still queued for that month before it takes its snapshot', async () => {
    const e = await hire();
    await batch(['2026-10-12', '2026-10-13'].flatMap((date) => [{ employeeNo: e.no, at: `${date}T08:25:00+08:00` }, { employeeNo: e.no, at: `${date}T17:35:00+08:00` }]));
    // A punch just after the month, queued with 31 October as a neighbour.
    await batch([{ employeeNo: e.no, at: '2026-11-01T08:25:00+08:00' }]);
    expect((await queued(e.id)).length).toBeGreaterThan(0);
    const closed = await t.http().post('/months/2026-10/close').set(finance.auth).send();
    expect(closed.status).toBe(200);
    const snapshot = await t.http().get('/months/2026-10/report').set(finance.auth);
    const row = (JSON.parse(snapshot.text) as { rows: { employeeNo: string; presentDays: number }[] }).rows.find((r) => r.employeeNo === e.no);
    expect(row?.presentDays).toBe(2);
    // October's part of the queue was taken by the close; November's stays for the job.
    expect((await queued(e.id)).every((span) => span.from_date >= '2026-11-01')).toBe(true);
    expect((await t.http().post('/months/2026-10/reopen').set(finance.auth).send({ reason: 'test done' })).status).toBe(200);
  });

  describe('the month lock decides on the date a punch counts on (H-ATT-4)', () => {
    let onDuty: CreatedStaff & { no: string };
    let office: CreatedStaff & { no: string };

    beforeAll(async () => {
      onDuty = await hire();
      office = await hire();
      clock.set('2026-10-20T10:00:00+08:00');
      expect((await t.http().put('/roster/2026-10-31').set(admin.auth).send({ staffId: onDuty.id })).status).toBe(200);
      await batch([{ employeeNo: office.no, at: '2026-10-20T08:25:00+08:00' }]);
      await t.sql(`UPDATE accounting_month SET state = 'closed' WHERE month = '2026-10'`);
      clock.set('2026-11-01T10:00:00+08:00');
    });
    afterAll(async () => {
      await t.sql(`UPDATE accounting_month SET state = 'open' WHERE month = '2026-10'`);
      clock.set('2026-11-16T20:00:00+08:00');
    });

    it('00:20 on 1 November is refused for the person on duty on 31 October, accepted for someone on the office shift', async () => {
      const result = await batch([
        { employeeNo: onDuty.no, at: '2026-11-01T00:20:00+08:00' },
        { employeeNo: office.no, at: '2026-11-01T00:20:00+08:00' },
        { employeeNo: onDuty.no, at: '2026-11-01T08:25:00+08:00' },
      ]);
      expect(result).toMatchObject({ inserted: 2, duplicates: 0, rejected: [{ index: 0, reason: 'MONTH_CLOSED', message: '2026-10-31 is in a month finance has closed' }] });
    });

    it('a clock-in at 00:20 on 1 November by the person on duty on 31 October is refused (409), nothing written', async () => {
      clock.set('2026-11-01T00:20:30+08:00');
      const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`);
      const refused = await t.http().post('/punches/clock').set(onDuty.auth).send({});
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('MONTH_CLOSED');
      expect(await t.sql(`SELECT 1 FROM punch WHERE staff_id = $1 AND at = '2026-11-01T00:20:30+08:00'`, [onDuty.id])).toEqual([]);
      expect(await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`)).toEqual(before);
    });

    it('the same clock-in by someone on the office shift is stored and counts on no date (in no window)', async () => {
      clock.set('2026-11-01T00:21:00+08:00');
      const response = await t.http().post('/punches/clock').set(office.auth).send({});
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ duplicate: false, punch: { assignedDate: null, localTime: '2026-11-01T00:21:00+08:00' } });
    });

    it('a re-sent line already stored in the closed month counts as a duplicate, not a refusal', async () => {
      expect(await batch([{ employeeNo: office.no, at: '2026-10-20T08:25:00+08:00' }])).toMatchObject({ inserted: 0, duplicates: 1, rejected: [] });
    });
  });
});
