import { LeaveGrantSweeper } from '../../src/leave-balance/leave-grant.sweeper';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Statutory paid annual leave through the API (issue 16): the grant sweep, the ledger, and the
 * worked examples of the issue, one person each, in the order a year lives them. The company works
 * all seven days (H-ATT-2), so only statutory holidays are days off. Expected numbers are worked
 * out in the comments: calendar days × full-year days ÷ 365, fraction dropped.
 */
describe('Statutory annual leave through the API (条例, 实施办法)', () => {
  const clock = new FixedClock(new Date('2026-01-05T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let senior: CreatedStaff;
  let leaver: CreatedStaff;
  let sick: CreatedStaff;
  let sickAfterLeave: CreatedStaff;
  let holidays: CreatedStaff;

  const at = (instant: string) => clock.set(instant);
  const sweep = () => t.app.get(LeaveGrantSweeper).run();
  const balance = async (who: SignedIn, staffId: string, year: number, lang = 'en') => {
    const response = await t.http().get(`/leave-balances?staffId=${staffId}&year=${year}`).set(who.auth).set('Accept-Language', lang);
    expect(response.status).toBe(200);
    return response.body.types.find((type: { leaveType: string }) => type.leaveType === 'annual');
  };
  const requestLeave = (who: SignedIn, body: Record<string, unknown>) =>
    t.http().post('/leave-requests').set(who.auth).send({ type: 'annual', startHalf: null, endHalf: null, reason: 'Rest', ...body });
  const approve = (id: string) => t.http().post(`/leave-requests/${id}/approve`).set(admin.auth).send({}).expect(200);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    // 25 years of service on 1 July 2026; in this company since 2015.
    senior = await newStaff(t, admin, { hiredOn: '2015-03-02', workStartedOn: '2001-07-01' });
    // 14 years of service: 10 days a year.
    leaver = await newStaff(t, admin, { hiredOn: '2020-01-01', workStartedOn: '2012-04-01' });
    // 8 years of service: 5 days a year, and sick leave of 2 months (60 days) excludes it.
    sick = await newStaff(t, admin, { hiredOn: '2020-01-01', workStartedOn: '2018-01-01' });
    sickAfterLeave = await newStaff(t, admin, { hiredOn: '2020-01-01', workStartedOn: '2018-01-01' });
    // 16 years of service: 10 days a year.
    holidays = await newStaff(t, admin, { hiredOn: '2020-01-01', workStartedOn: '2010-01-01' });
  });
  afterAll(() => t.close());

  describe('the grant sweep', () => {
    it('条例 第三条: grants each person the full year on 1 January, explained article by article', async () => {
      const runId = await sweep();
      expect(runId).not.toBeNull();
      expect(await balance(admin, senior.id, 2026)).toMatchObject({ entitled: 15, available: 15, taken: 0, reserved: 0 });
      expect((await balance(admin, leaver.id, 2026)).available).toBe(10);
      expect((await balance(admin, sick.id, 2026)).available).toBe(5);
      const grant = (await balance(admin, senior.id, 2026, 'zh-CN')).entries[0];
      expect(grant).toMatchObject({ kind: 'grant', cause: 'year_start', days: 15, date: '2026-01-01', runId });
      expect(grant.explanation).toContainEqual({ kind: 'full_year', article: '条例 第三条', days: 15 });
      expect(grant.sentences).toContain('条例 第三条：全年 15 天');
      expect(grant.sentences[0]).toBe('实施办法 第四条 · AL-D3：参加工作时间 2001-07-01，至 2026-12-31 累计工作 25 年');
    });

    it('grants exactly once: a second run writes nothing, and the database refuses a second opening grant', async () => {
      const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM leave_ledger');
      await sweep();
      expect(await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM leave_ledger')).toEqual(before);
      await expect(
        t.sql(`INSERT INTO leave_ledger (staff_id, leave_type_code, year, kind, days, date, cause) VALUES ($1, 'annual', 2026, 'grant', 15, '2026-01-01', 'hire')`, [senior.id]),
      ).rejects.toThrow(/leave_ledger_one_opening_grant/);
    });

    it('the ledger is immutable: the database refuses to update or delete an entry', async () => {
      await expect(t.sql(`UPDATE leave_ledger SET days = 30 WHERE staff_id = $1`, [senior.id])).rejects.toThrow(/append-only/);
      await expect(t.sql(`DELETE FROM leave_ledger WHERE staff_id = $1`, [senior.id])).rejects.toThrow(/append-only/);
      await expect(t.sql(`INSERT INTO leave_ledger (staff_id, leave_type_code, year, kind, days, date, cause) VALUES ($1, 'annual', 2026, 'grant', -1, '2026-01-01', 'year_start')`, [leaver.id])).rejects.toThrow(/leave_ledger_sign/);
    });

    it('every run is visible to the office: when it ran and what it granted', async () => {
      const response = await t.http().get('/leave-balances/grant-runs').set(admin.auth).expect(200);
      const [latest, first] = response.body.items;
      expect(latest).toMatchObject({ outcome: 'done', entries: 0, throughDate: '2026-01-05', written: [] });
      expect(first).toMatchObject({ outcome: 'done', fromYear: 2026, problems: [] });
      expect(first.written).toContainEqual({ staffId: senior.id, leaveType: 'annual', kind: 'grant', cause: 'year_start', days: 15, date: '2026-01-01' });
    });
  });

  describe('requests against the balance', () => {
    it('a request beyond the balance is refused with 422 LEAVE_BALANCE_INSUFFICIENT, naming the type in the reader\'s language and saying how many days are available', async () => {
      // 2–17 March: 16 working days (no holiday in March), 15 available.
      const refused = await requestLeave(senior, { startDate: '2026-03-02', endDate: '2026-03-17' }).set('Accept-Language', 'en');
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'LEAVE_BALANCE_INSUFFICIENT', details: [{ field: 'endDate', message: '15 day(s) available' }] });
      expect(refused.body.message).toBe('Not enough leave left: 15 day(s) of Annual leave available, 16 needed');
      const zh = await requestLeave(senior, { startDate: '2026-03-02', endDate: '2026-03-17' });
      expect(zh.body.message).toBe('假期余额不足：年休假可用 15 天，本次需要 16 天');
      expect(zh.body.details).toEqual([{ field: 'endDate', message: '可用 15 天' }]);
      expect(await t.sql(`SELECT 1 FROM leave_request WHERE staff_id = $1`, [senior.id])).toHaveLength(0);
    });

    it('reserves on submit, consumes on approval, and the request shows the balance after it', async () => {
      const created = await requestLeave(senior, { startDate: '2026-03-02', endDate: '2026-03-16' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ workingDays: 15, balanceAfter: 0 });
      expect(await balance(senior, senior.id, 2026)).toMatchObject({ reserved: 15, taken: 0, available: 0 });
      const approved = await approve(created.body.id);
      expect(approved.body.balanceAfter).toBe(0);
      expect(await balance(senior, senior.id, 2026)).toMatchObject({ reserved: 0, taken: 15, available: 0 });
      const kinds = (await balance(senior, senior.id, 2026)).entries.map((entry: { kind: string; days: number; date: string }) => [entry.kind, entry.days, entry.date]);
      expect(kinds).toEqual([['grant', 15, '2026-01-01'], ['reservation', -15, '2026-03-02'], ['release', 15, '2026-03-02'], ['consumption', -15, '2026-03-02']]);
    });

    it('a type without a balance shows balanceAfter null', async () => {
      const personal = await t.http().post('/leave-requests').set(senior.auth).send({ type: 'personal', startDate: '2026-04-01', endDate: '2026-04-01', reason: 'Bank' });
      expect(personal.status).toBe(201);
      expect(personal.body.balanceAfter).toBeNull();
    });

    it('条例 第三条: statutory holidays inside annual leave are not counted — 28 Sep – 9 Oct charges 5 working days, not 12', async () => {
      // 28, 29, 30 September and 8, 9 October; 1–7 October is National Day (国庆节).
      const created = await requestLeave(holidays, { startDate: '2026-09-28', endDate: '2026-10-09' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ workingDays: 5, balanceAfter: 5 });
      const entries = (await balance(holidays, holidays.id, 2026)).entries;
      expect(entries.at(-1)).toMatchObject({ kind: 'reservation', days: -5, date: '2026-09-28', cause: 'request', requestId: created.body.id });
    });

    it('withdrawing a pending request gives its days back', async () => {
      const created = await requestLeave(leaver, { startDate: '2026-02-02', endDate: '2026-02-03' });
      expect(created.body.balanceAfter).toBe(8);
      const withdrawn = await t.http().post(`/leave-requests/${created.body.id}/cancel`).set(leaver.auth).send({}).expect(200);
      expect(withdrawn.body.balanceAfter).toBe(10);
    });
  });

  describe('the year of leaving (实施办法 第十二条)', () => {
    it('a leaver in June who took more than their share is paid nothing, and nothing is clawed back', async () => {
      // 6 days in March, approved.
      const taken = await requestLeave(leaver, { startDate: '2026-03-09', endDate: '2026-03-14' });
      expect(taken.body.workingDays).toBe(6);
      await approve(taken.body.id);
      at('2026-06-16T10:00:00+08:00');
      await t.http().post(`/staff/${leaver.id}/deactivate`).set(admin.auth).send({ leftOn: '2026-06-15' }).expect(200);
      await sweep();
      // 1 January – 15 June = 166 days × 10 = 1660 ÷ 365 = 4.55 → a share of 4; 6 taken → 0 untaken, 2 beyond the share stay taken.
      const annual = await balance(admin, leaver.id, 2026);
      expect(annual).toMatchObject({ taken: 6, available: 0, entitled: 6, adjusted: 0 });
      const settlement = annual.entries.at(-1);
      expect(settlement).toMatchObject({ kind: 'adjustment', cause: 'leaving', days: -4, date: '2026-06-15' });
      expect(settlement.explanation).toContainEqual({ kind: 'leaving', article: '实施办法 第十二条', decision: 'AL-D6', leftOn: '2026-06-15', dayUnits: 1660, takenDays: 6, untakenDays: 0, takenBeyondShare: true });
      expect(settlement.sentences).toContain('实施办法 第十条: 0 untaken day(s) paid at 300% of the daily wage');
    });
  });

  describe('exclusions (条例 第四条, 实施办法 第八条)', () => {
    it('条例 第四条（三） (AL-D5): two months of sick leave (60 calendar days, rest days included) before any annual leave take the year\'s 5 days', async () => {
      at('2026-06-20T10:00:00+08:00');
      // 1 July – 29 August: 31 + 29 = 60 calendar days.
      const leave = await t.http().post('/leave-requests').set(sick.auth).send({ type: 'sick', startDate: '2026-07-01', endDate: '2026-08-29', reason: 'Surgery' }).expect(201);
      await approve(leave.body.id);
      await sweep();
      const annual = await balance(admin, sick.id, 2026);
      expect(annual).toMatchObject({ entitled: 0, available: 0 });
      expect(annual.entries.at(-1)).toMatchObject({ kind: 'adjustment', cause: 'revision', days: -5 });
      expect(annual.entries.at(-1).explanation).toContainEqual({ kind: 'excluded', article: '条例 第四条', reason: 'sick_leave', days: 60, thresholdDays: 60, decision: 'AL-D5' });
    });

    it('实施办法 第八条 (AL-D7): the same sick leave after annual leave was taken keeps this year and costs the next', async () => {
      const taken = await requestLeave(sickAfterLeave, { startDate: '2026-06-22', endDate: '2026-06-23' });
      await approve(taken.body.id);
      const leave = await t.http().post('/leave-requests').set(sickAfterLeave.auth).send({ type: 'sick', startDate: '2026-07-01', endDate: '2026-08-29', reason: 'Surgery' }).expect(201);
      await approve(leave.body.id);
      await sweep();
      expect(await balance(admin, sickAfterLeave.id, 2026)).toMatchObject({ entitled: 5, taken: 2, available: 3 });
      at('2027-01-04T10:00:00+08:00');
      await sweep();
      const next = await balance(admin, sickAfterLeave.id, 2027);
      expect(next).toMatchObject({ entitled: 0, available: 0, entries: [] });
      // 2026 closed by default: the 3 unused days lapse and are reported as untaken.
      expect(await balance(admin, sickAfterLeave.id, 2026)).toMatchObject({ lapsed: 3, available: 0 });
      expect(await balance(admin, senior.id, 2027)).toMatchObject({ entitled: 15, available: 15 });
    });
  });

  describe('the year-end statement (条例 第五条, 实施办法 第十条、第十二条)', () => {
    it('lists each person\'s untaken statutory days, paid at 300% — a leaver\'s as settled on the leaving date', async () => {
      const response = await t.http().get('/leave-balances/statement?year=2026').set(admin.auth).expect(200);
      const row = (id: string) => response.body.items.find((item: { staffId: string }) => item.staffId === id);
      expect(row(leaver.id)).toMatchObject({ leftOn: '2026-06-15', entitled: 6, taken: 6, untakenDays: 0, payPercent: 300 });
      expect(row(sickAfterLeave.id)).toMatchObject({ leftOn: null, entitled: 5, taken: 2, carriedOut: 0, untakenDays: 3 });
      expect(row(senior.id)).toMatchObject({ entitled: 15, taken: 15, untakenDays: 0 });
      expect((await t.http().get('/leave-balances/statement?year=2026').set(senior.auth)).status).toBe(403);
    });
  });

  describe('the monthly report', () => {
    it('shows the annual leave taken in the month and what is left at its end; a pending request is not subtracted', async () => {
      const report = async (month: string) => {
        const response = await t.http().get(`/reports/monthly?month=${month}&pageSize=100`).set(admin.auth).expect(200);
        return (id: string) => response.body.items.find((item: { staffId: string }) => item.staffId === id);
      };
      const february = await report('2026-02');
      expect(february(senior.id)).toMatchObject({ leaveDays: { annual: 0 }, annualLeaveRemainingDays: 15 });
      expect(february(leaver.id)).toMatchObject({ leaveDays: { annual: 0 }, annualLeaveRemainingDays: 10 });
      // senior: 2–16 March approved (15 days); leaver: 9–14 March approved (6 days).
      const march = await report('2026-03');
      expect(march(senior.id)).toMatchObject({ leaveDays: { annual: 15 }, annualLeaveRemainingDays: 0 });
      expect(march(leaver.id)).toMatchObject({ leaveDays: { annual: 6 }, annualLeaveRemainingDays: 4 });
      // The leaver's settlement on 15 June (4 days of share, all taken) leaves nothing from June on.
      expect((await report('2026-06'))(leaver.id)).toMatchObject({ annualLeaveRemainingDays: 0 });
      // 28 Sep – 9 Oct is still pending: held against the balance, but not taken.
      expect((await report('2026-09'))(holidays.id)).toMatchObject({ leaveDays: { annual: 0 }, annualLeaveRemainingDays: 10 });
      // December: the days not taken by the year's end, before they lapse (the lapse is a year-end move).
      expect((await report('2026-12'))(sickAfterLeave.id)).toMatchObject({ annualLeaveRemainingDays: 3 });
      const csv = await t.http().get('/reports/monthly?month=2026-03&format=csv&lang=en').set(admin.auth).expect(200);
      expect(csv.text).toContain('Annual leave (days),Time off in lieu (days),Annual leave left (days),');
    });
  });

  describe('the year of joining (实施办法 第五条)', () => {
    it('joining on 1 September with 8 years of service: (122 ÷ 365) × 5 = 1.67 → 1 day, granted on the hire date', async () => {
      at('2027-01-05T10:00:00+08:00');
      // A person joining on 1 September 2027 with 8 years of service at other employers (实施办法 第四条).
      const joiner = await newStaff(t, admin, { hiredOn: '2027-09-01', workStartedOn: '2019-03-01' });
      expect(joiner.body).toMatchObject({ hiredOn: '2027-09-01', workStartedOn: '2019-03-01' });
      await sweep();
      expect(await balance(admin, joiner.id, 2027)).toMatchObject({ entitled: 0, entries: [] });
      at('2027-09-01T09:00:00+08:00');
      await sweep();
      const annual = await balance(admin, joiner.id, 2027);
      expect(annual).toMatchObject({ entitled: 1, available: 1 });
      expect(annual.entries[0]).toMatchObject({ kind: 'grant', cause: 'hire', days: 1, date: '2027-09-01' });
      expect(annual.entries[0].explanation).toContainEqual({ kind: 'prorated', article: '实施办法 第五条', decision: 'AL-D4', dayUnits: 610, divisor: 365, exact: 1.67, days: 1 });
      expect(annual.entries[0].sentences).toContain('实施办法 第五条 · AL-D4: 610 ÷ 365 = 1.67, fraction dropped: 1 days');
    });
  });

  describe('workStartedOn (参加工作时间, 实施办法 第四条)', () => {
    it('defaults to hiredOn, may be earlier, never later', async () => {
      const plain = await newStaff(t, admin, { hiredOn: '2027-02-01' });
      expect(plain.body.workStartedOn).toBe('2027-02-01');
      const later = await t.http().patch(`/staff/${plain.id}`).set(admin.auth).set('Accept-Language', 'en').send({ workStartedOn: '2027-03-01' });
      expect(later.status).toBe(422);
      expect(later.body).toMatchObject({ code: 'WORK_STARTED_AFTER_HIRED', details: [{ field: 'workStartedOn', message: 'must not be after hiredOn' }] });
      // Left at the hire date, it moves with it; set apart, it stays.
      const moved = await t.http().patch(`/staff/${plain.id}`).set(admin.auth).send({ hiredOn: '2027-01-15' }).expect(200);
      expect(moved.body.workStartedOn).toBe('2027-01-15');
      await t.http().patch(`/staff/${plain.id}`).set(admin.auth).send({ workStartedOn: '2015-05-01' }).expect(200);
      const kept = await t.http().patch(`/staff/${plain.id}`).set(admin.auth).send({ hiredOn: '2027-01-20' }).expect(200);
      expect(kept.body.workStartedOn).toBe('2015-05-01');
    });
  });
});
