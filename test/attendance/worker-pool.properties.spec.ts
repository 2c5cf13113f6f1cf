import { readdir, readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { DayComputePool } from '../../src/attendance/day-compute-pool';
import { datesBetween } from '../../src/domain/calendar/calendar-day';
import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { compileAttendanceWorker } from '../support/compiled-worker';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 20: a month recomputed in worker threads, a slice of people at a time, stores exactly the
 * day results the rules give on the main thread. Two apps share one database: one computes in two
 * worker threads (the compiled worker module, as the service runs it), the other in-process. For
 * each generated month of punches both rebuild November 2026 from nothing, and every stored column
 * of every day must be equal.
 *
 * The month is varied on purpose: a declared holiday and a make-up workday, duty on a weekend
 * (its window reaches past midnight, H-ATT-4), sick leave and a half day, a business trip for a
 * whole day and for a morning (H-ATT-8), approved overtime on a workday evening and on a rest day
 * (issue 22), someone hired mid-month and someone who left mid-month; the punches are anything
 * from none to several a day at any second, on time, late, early, at night.
 */
describe('Issue 20: worker threads compute what the main thread computes', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let threaded: TestApp;
  let inProcess: TestApp;
  let admin: SignedIn;
  let people: CreatedStaff[] = [];
  let removeWorker: () => Promise<void> = async () => undefined;
  const MONTH_DATES = datesBetween('2026-11-01', '2026-11-27');

  beforeAll(async () => {
    const worker = await compileAttendanceWorker();
    removeWorker = worker.remove;
    threaded = await startTestApp({ clock, config: { attendanceWorkers: 2, attendanceWorkerFile: worker.file, attendanceWorkerNice: 7 } });
    inProcess = await startTestApp({ clock, config: { attendanceWorkers: 0 }, sharedWith: threaded });
    expect([threaded.app.get(DayComputePool).threaded, inProcess.app.get(DayComputePool).threaded]).toEqual([true, false]);
    const t = threaded;
    admin = await loginAdmin(t);
    const lead = await newStaff(t, admin, { name: '李主管', employeeNo: 'W100' });
    people = [];
    for (let i = 1; i <= 7; i++) {
      const hiredOn = i === 6 ? '2026-11-10' : '2025-01-01';
      people.push(await newStaff(t, admin, { supervisorId: lead.id, name: `员工${i}`, employeeNo: `W00${i}`, hiredOn }));
    }
    const ok = (status: number) => (response: { status: number; body: unknown }) => {
      if (response.status !== status) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
    };
    // Overtime may be asked for up to 31 days back here, as the office may set it.
    await t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-11-01', workWeek: [1, 2, 3, 4, 5], overtimeDaysAfter: 31 }).expect(ok(200));
    await t.http().put('/calendar/2026-11-20').set(admin.auth).send({ kind: 'holiday', name: '店庆' }).expect(ok(200));
    await t.http().put('/calendar/2026-11-21').set(admin.auth).send({ kind: 'makeup_workday', name: '补班' }).expect(ok(200));
    await t.http().put('/roster/2026-11-14').set(admin.auth).send({ staffId: people[0].id }).expect(ok(200));
    await t.http().put('/roster/2026-11-15').set(admin.auth).send({ staffId: people[1].id }).expect(ok(200));
    const leave = async (who: CreatedStaff, body: Record<string, unknown>) => {
      const created = await t.http().post('/leave-requests').set(who.auth).send({ type: 'sick', reason: 'flu', emergency: true, ...body }).expect(ok(201));
      await t.http().post(`/leave-requests/${created.body.id}/approve`).set(lead.auth).send({}).expect(ok(200));
    };
    await leave(people[2], { startDate: '2026-11-17', endDate: '2026-11-17' });
    await leave(people[3], { startDate: '2026-11-18', endDate: '2026-11-18', endHalf: 'am' });
    const trip = async (who: CreatedStaff, body: Record<string, unknown>) => {
      const created = await t.http().post('/exemptions').set(who.auth).send({ destination: 'JD', reason: 'visit', ...body }).expect(ok(201));
      await t.http().post(`/exemptions/${created.body.id}/approve`).set(lead.auth).send({ attest: true }).expect(ok(200));
    };
    await trip(people[4], { date: '2026-11-19', from: null, to: null });
    await trip(people[4], { date: '2026-11-23', from: '08:30', to: '11:00' });
    const overtime = async (who: CreatedStaff, body: Record<string, unknown>) => {
      const created = await t.http().post('/overtime-requests').set(who.auth).send({ reason: 'Backlog', ...body }).expect(ok(201));
      await t.http().post(`/overtime-requests/${created.body.id}/approve`).set(lead.auth).send({}).expect(ok(200));
    };
    await overtime(people[0], { date: '2026-11-24', start: '18:00', end: '20:00' });
    await overtime(people[1], { date: '2026-11-22', start: '09:00', end: '13:00', compensation: 'lieu' });
    await t.http().post(`/staff/${people[6].id}/deactivate`).set(admin.auth).send({ leftOn: '2026-11-16' }).expect(ok(200));
  }, 180_000);
  afterAll(async () => {
    await inProcess?.close();
    await threaded?.close();
    await removeWorker();
  });

  // A day's punches: a usual pattern with the minutes drawn, or seconds anywhere in the day.
  const punchDay = fc.oneof(
    fc.constant<number[]>([]),
    fc.tuple(fc.integer({ min: 7 * 3600, max: 10 * 3600 }), fc.integer({ min: 16 * 3600, max: 19 * 3600 })).map(([i, o]) => [i, o]),
    fc.integer({ min: 7 * 3600, max: 19 * 3600 }).map((s) => [s]),
    fc.array(fc.integer({ min: 0, max: 86_399 }), { maxLength: 5 }),
  );
  const monthOfPunches = fc.array(fc.array(punchDay, { minLength: MONTH_DATES.length, maxLength: MONTH_DATES.length }), { minLength: 7, maxLength: 7 });

  const snapshot = (t: TestApp) =>
    t.sql(
      `SELECT staff_id, date::text, status, calendar_kind, on_duty, shift_code, leave_type_code, first_in, last_out, late_minutes, early_minutes,
              worked_minutes, missing_in, missing_out, early_leave, serious_late, absence_days, leave_days, exempt_days, facts, window_close,
              overtime_kind, overtime_minutes, lieu_minutes, digest
         FROM attendance_day ORDER BY staff_id, date`,
    );

  const rebuild = async (t: TestApp) => {
    await t.sql('DELETE FROM attendance_day');
    const response = await t.http().post('/attendance/recompute').set(admin.auth).send({ month: '2026-11' });
    if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
    return snapshot(t);
  };

  it('issue 20 (H-ATT-2, H-ATT-4, H-ATT-8, H-ATT-10, 劳动法第44条): for any month of punches, every stored column of every day is the same from the worker threads as from the main thread', async () => {
    await fc.assert(
      fc.asyncProperty(monthOfPunches, async (month) => {
        const staffIds: string[] = [];
        const instants: string[] = [];
        month.forEach((days, person) =>
          days.forEach((seconds, day) => {
            for (const second of new Set(seconds)) {
              staffIds.push(people[person].id);
              instants.push(new Date(Date.parse(`${MONTH_DATES[day]}T00:00:00+08:00`) + second * 1000).toISOString());
            }
          }),
        );
        await threaded.sql('DELETE FROM punch');
        await threaded.sql(`INSERT INTO punch (staff_id, at, source) SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[])`, [
          staffIds, instants, staffIds.map(() => 'batch'),
        ]);
        const fromWorkers = await rebuild(threaded);
        const fromMainThread = await rebuild(inProcess);
        // The lead and seven people for 27 dates, less the 9 before one was hired and the 11 after one
        // left, and the admin's one day (seeded today).
        expect(fromWorkers.length).toBe(8 * 27 - 9 - 11 + 1);
        expect(fromWorkers).toEqual(fromMainThread);
      }),
      { numRuns: 12, endOnFailure: true },
    );
  }, 180_000);

  it('issue 20: recomputing a month that did not change rewrites no row', async () => {
    const recompute = () => threaded.http().post('/attendance/recompute').set(admin.auth).send({ month: '2026-11' }).expect(200);
    const lastVersion = async () => (await threaded.sql<{ version: string }>(`SELECT max(xmin::text::bigint)::text AS version FROM attendance_day`))[0].version;
    const rewrittenSince = (version: string) =>
      threaded.sql<{ staff_id: string; date: string }>(`SELECT staff_id, date::text FROM attendance_day WHERE xmin::text::bigint > $1::bigint ORDER BY staff_id, date`, [version]);
    await threaded.sql(`DELETE FROM punch WHERE staff_id = $1 AND at >= '2026-11-26T00:00:00+08:00' AND at < '2026-11-27T00:00:00+08:00'`, [people[5].id]);
    await recompute();
    const version = await lastVersion();
    await recompute();
    expect(await rewrittenSince(version)).toEqual([]);
    // A punch changes its person's day, and only that day is written again.
    await threaded.sql(`INSERT INTO punch (staff_id, at, source) VALUES ($1, '2026-11-26T08:00:07+08:00', 'batch')`, [people[5].id]);
    await recompute();
    expect(await rewrittenSince(version)).toEqual([{ staff_id: people[5].id, date: '2026-11-26' }]);
  });

  it('issue 20: a day whose digest did not change is not sent again; a day stored without one is written once more', async () => {
    const recompute = () => threaded.http().post('/attendance/recompute').set(admin.auth).send({ month: '2026-11' }).expect(200);
    const day = async () =>
      (await threaded.sql<{ late_minutes: number; digest: string | null }>(`SELECT late_minutes, digest FROM attendance_day WHERE staff_id = $1 AND date = '2026-11-26'`, [people[4].id]))[0];
    await recompute();
    expect(await threaded.sql(`SELECT staff_id FROM attendance_day WHERE digest IS NULL OR digest !~ '^[0-9a-f]{16}$'`)).toEqual([]);
    const computed = await day();
    // Changed behind the rules' back, the digest left as it was: the recompute computes the same day,
    // finds the digest unchanged and sends nothing, so the change stays. (Only the recompute writes
    // these rows; a migration that changes them must clear their digest, as below.)
    await threaded.sql(`UPDATE attendance_day SET late_minutes = late_minutes + 77 WHERE staff_id = $1 AND date = '2026-11-26'`, [people[4].id]);
    await recompute();
    expect(await day()).toEqual({ ...computed, late_minutes: computed.late_minutes + 77 });
    await threaded.sql(`UPDATE attendance_day SET digest = NULL WHERE staff_id = $1 AND date = '2026-11-26'`, [people[4].id]);
    await recompute();
    expect(await day()).toEqual(computed);
  });

  // Linux gives each thread its own priority: the rules' threads yield the CPU to the one that
  // serves HTTP while a month is recomputed (ATTENDANCE_WORKER_NICE), the rest of the process not.
  it.runIf(process.platform === 'linux')('issue 20: the rules run in threads of lower priority than the thread that serves HTTP', async () => {
    await threaded.http().post('/attendance/recompute').set(admin.auth).send({ month: '2026-11' }).expect(200);
    const niceOf = async (task: string) => {
      const stat = await readFile(`/proc/self/task/${task}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const tasks = await readdir('/proc/self/task');
    const nices = await Promise.all(tasks.map(niceOf));
    expect(await niceOf(String(process.pid))).toBe(0);
    expect(nices).toContain(7);
  });
});
