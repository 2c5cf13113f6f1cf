import ExcelJS from 'exceljs';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { LieuDays } from '../support/lieu';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Time off in lieu (调休, issue 22) end to end on the real database. Rest-day overtime taken back as
 * time off in lieu is set on the judged days by `LieuDays` (the path from an overtime request is
 * test/overtime/overtime-lieu.spec.ts). The company works Monday to Friday here. Today is
 * Friday 27 November 2026. Grants earned on Saturday 5 September (expiring 4 December, 90 days on) and
 * Saturday 19 September (expiring 18 December); the office sessions are 3.5 h and 4.5 h (H-ATT-3).
 */
describe('Time off in lieu (调休) balance (issue 22)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;
  let lieu: LieuDays;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'] });
    // Monday to Friday: Saturdays are rest days (劳动法 第44条（二）).
    await t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-01-01', workWeek: [1, 2, 3, 4, 5] }).expect(200);
    lieu = new LieuDays(t);
  });
  afterAll(() => t.close());

  const ask = (who: SignedIn, startDate: string, endDate = startDate, halves: { startHalf?: 'am' | 'pm'; endHalf?: 'am' | 'pm' } = {}, extra: Record<string, unknown> = {}) =>
    t.http().post('/leave-requests').set(who.auth).send({ type: 'lieu', startDate, endDate, ...halves, reason: '调休', ...extra });
  const approve = (id: string) => t.http().post(`/leave-requests/${id}/approve`).set(admin.auth).send({}).expect(200);
  const balance = async (who: SignedIn, staffId = who.id, year = 2026) => (await t.http().get(`/leave-balances?staffId=${staffId}&year=${year}`).set(who.auth).expect(200)).body.lieu;
  const report = async (month: string) => {
    await lieu.apply();
    const body = (await t.http().get(`/reports/monthly?month=${month}&pageSize=100`).set(finance.auth).expect(200)).body;
    return { row: (staffId: string) => body.items.find((item: { staffId: string }) => item.staffId === staffId), totals: body.totals };
  };

  /** Someone with 4 h earned on 5 September and 8 h on 19 September. */
  async function withTwoGrants(): Promise<CreatedStaff> {
    const person = await newStaff(t, admin);
    await lieu.earn(person.id, '2026-09-05', 240);
    await lieu.earn(person.id, '2026-09-19', 480);
    return person;
  }

  it('grants: each final rest day with time off in lieu, expiring 90 days after its own earning date (the lieu rule seeded with 调休)', async () => {
    const person = await withTwoGrants();
    const shown = await balance(person);
    expect(shown).toMatchObject({ asOf: '2026-11-27', rule: { kind: 'lieu', expiresAfterDays: 90 }, grantedHours: 12, availableHours: 12, takenHours: 0, reservedHours: 0, expiredHours: 0, unfundedHours: 0, adjustments: [] });
    expect(shown.lots).toEqual([
      { earnedOn: '2026-09-05', source: 'overtime', hours: 4, usedHours: 0, reservedHours: 0, remainingHours: 4, expiresOn: '2026-12-04', expired: false, expiredHours: 0 },
      { earnedOn: '2026-09-19', source: 'overtime', hours: 8, usedHours: 0, reservedHours: 0, remainingHours: 8, expiresOn: '2026-12-18', expired: false, expiredHours: 0 },
    ]);
    const settings = (await t.http().get('/leave-balances/settings').set(admin.auth).expect(200)).body;
    expect(settings.rules).toContainEqual(expect.objectContaining({ leaveType: 'lieu', current: { effectiveFrom: '2000-01-01', kind: 'lieu', days: null, allowNegative: false, expiresAfterDays: 90 } }));
    const types = (await t.http().get('/leave-types').set(admin.auth).expect(200)).body;
    expect(JSON.stringify(types)).toContain('调休');
  });

  it('a request takes the covered sessions\' hours: 3.5 h a morning, 4.5 h an afternoon, 8 h a day, held while pending, given back when withdrawn', async () => {
    const person = await withTwoGrants();
    const morning = await ask(person, '2026-12-07', '2026-12-07', { startHalf: 'am', endHalf: 'am' }).expect(201);
    const afternoon = await ask(person, '2026-12-08', '2026-12-08', { startHalf: 'pm' }).expect(201);
    expect(await balance(person)).toMatchObject({ reservedHours: 8, availableHours: 4 });
    expect(await t.sql(`SELECT request_id, date, minutes FROM lieu_charge WHERE request_id = ANY($1::uuid[]) ORDER BY date`, [[morning.body.id, afternoon.body.id]])).toEqual([
      { request_id: morning.body.id, date: '2026-12-07', minutes: 210 },
      { request_id: afternoon.body.id, date: '2026-12-08', minutes: 270 },
    ]);
    await t.http().post(`/leave-requests/${afternoon.body.id}/cancel`).set(person.auth).send({}).expect(200);
    expect(await balance(person)).toMatchObject({ reservedHours: 3.5, availableHours: 8.5 });
    // Rest days take nothing: Saturday 12 December to Sunday 13 December is no request's charge.
    await ask(person, '2026-12-12', '2026-12-13').expect(201);
    expect(await balance(person)).toMatchObject({ reservedHours: 3.5, availableHours: 8.5 });
  });

  it('consumed oldest first: a day of 调休 takes the 4 h of 5 September, then 4 h of 19 September', async () => {
    const person = await withTwoGrants();
    const day = await ask(person, '2026-12-03').expect(201);
    expect((await balance(person)).lots.map((lot: { reservedHours: number; remainingHours: number }) => [lot.reservedHours, lot.remainingHours])).toEqual([[4, 0], [4, 4]]);
    await approve(day.body.id);
    const shown = await balance(person);
    expect(shown.lots.map((lot: { usedHours: number; remainingHours: number }) => [lot.usedHours, lot.remainingHours])).toEqual([[4, 0], [4, 4]]);
    expect(shown).toMatchObject({ takenHours: 8, reservedHours: 0, availableHours: 4 });
  });

  it('expired by earning date (frappe hrms #2247): a grant pays no leave after its own expiry, however much later grants last; what it had left is reported to pay at 200%', async () => {
    const person = await withTwoGrants();
    // 7 December: the 5 September grant has expired (4 December), so only the 8 h of 19 September are valid.
    const monday = await ask(person, '2026-12-07').expect(201);
    const refused = await ask(person, '2026-12-08', '2026-12-08', { startHalf: 'am', endHalf: 'am' }).set('Accept-Language', 'zh-CN').expect(422);
    expect(refused.body).toMatchObject({ code: 'LEAVE_BALANCE_INSUFFICIENT', message: '假期余额不足：调休在所请日期可用 0 小时，本次需要 3.5 小时', details: [{ field: 'endDate', message: '所请日期可用 0 小时' }] });
    const english = await ask(person, '2026-12-08', '2026-12-08', { startHalf: 'am', endHalf: 'am' }).set('Accept-Language', 'en').expect(422);
    expect(english.body.message).toBe('Not enough leave left: 0 hour(s) of Time off in lieu available on these dates, 3.5 needed');
    // On 4 December the older grant is still valid.
    const friday = await ask(person, '2026-12-04', '2026-12-04', { startHalf: 'am', endHalf: 'am' }).expect(201);
    await approve(monday.body.id);
    await approve(friday.body.id);

    clock.set('2026-12-20T10:00:00+08:00');
    try {
      const shown = await balance(person);
      expect(shown).toMatchObject({ asOf: '2026-12-20', grantedHours: 12, takenHours: 11.5, availableHours: 0, expiredHours: 0.5 });
      expect(shown.lots).toEqual([
        expect.objectContaining({ earnedOn: '2026-09-05', usedHours: 3.5, remainingHours: 0, expired: true, expiredHours: 0.5 }),
        expect.objectContaining({ earnedOn: '2026-09-19', usedHours: 8, remainingHours: 0, expired: true, expiredHours: 0 }),
      ]);
      // The report, per person and in the totals: earned in September, taken and expired in December.
      const september = await report('2026-09');
      expect(september.row(person.id)).toMatchObject({ lieuEarnedHours: 12, lieuTakenHours: 0, lieuRemainingHours: 12, lieuExpiredHours: 0 });
      const november = await report('2026-11');
      expect(november.row(person.id)).toMatchObject({ lieuEarnedHours: 0, lieuTakenHours: 0, lieuRemainingHours: 12, lieuExpiredHours: 0 });
      const december = await report('2026-12');
      expect(december.row(person.id)).toMatchObject({ lieuEarnedHours: 0, lieuTakenHours: 11.5, lieuRemainingHours: 0, lieuExpiredHours: 0.5, leaveDays: { lieu: 1.5 } });
      expect(december.totals.lieuExpiredHours).toBeGreaterThanOrEqual(0.5);
    } finally {
      clock.set('2026-11-27T10:00:00+08:00');
    }
  });

  it('ended early (销假): the days before the person came back are taken, the rest is given back', async () => {
    const person = await newStaff(t, admin);
    await lieu.earn(person.id, '2026-09-19', 480);
    await lieu.earn(person.id, '2026-10-17', 480);
    const leave = await ask(person, '2026-11-26', '2026-11-27', {}, { emergency: true }).expect(201);
    await approve(leave.body.id);
    expect(await balance(person)).toMatchObject({ takenHours: 16, availableHours: 0 });
    const cancelled = await t.http().post(`/leave-requests/${leave.body.id}/cancel`).set(admin.auth).send({ comment: 'Came back', returnedOn: '2026-11-27' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', takenUntil: '2026-11-26' });
    const shown = await balance(person);
    expect(shown).toMatchObject({ takenHours: 8, availableHours: 8 });
    expect(shown.lots.map((lot: { usedHours: number }) => lot.usedHours)).toEqual([8, 0]);
  });

  it('races: parallel requests never spend the same hours (8 h against five mornings of 3.5 h: two are held, three refused)', async () => {
    const person = await newStaff(t, admin);
    await lieu.earn(person.id, '2026-09-19', 480);
    const days = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'];
    const responses = await Promise.all(days.map((day) => ask(person, day, day, { startHalf: 'am', endHalf: 'am' }).set('Accept-Language', 'en')));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 201, 422, 422, 422]);
    for (const refused of responses.filter((response) => response.status === 422)) {
      expect(refused.body).toMatchObject({ code: 'LEAVE_BALANCE_INSUFFICIENT', message: 'Not enough leave left: 1 hour(s) of Time off in lieu available on these dates, 3.5 needed' });
    }
    expect(await balance(person)).toMatchObject({ reservedHours: 7, availableHours: 1 });
  });

  it('the office adjusts in minutes with a reason (admin, audited, append-only): added hours are a grant of their date, taken hours come from the oldest valid grant', async () => {
    const person = await newStaff(t, admin);
    await lieu.earn(person.id, '2026-09-19', 480);
    const added = await t.http().post('/leave-balances/lieu-adjustments').set(admin.auth).send({ staffId: person.id, date: '2026-11-20', minutes: 90, reason: '10月10日纸质加班单' }).expect(201);
    expect(added.body).toMatchObject({ date: '2026-11-20', minutes: 90, hours: 1.5, reason: '10月10日纸质加班单', createdBy: admin.id });
    await t.http().post('/leave-balances/lieu-adjustments').set(admin.auth).send({ staffId: person.id, date: '2026-11-25', minutes: -120, reason: 'Taken in October, recorded late' }).expect(201);
    const shown = await balance(person);
    expect(shown).toMatchObject({ grantedHours: 9.5, takenHours: 2, availableHours: 7.5 });
    expect(shown.lots).toEqual([
      expect.objectContaining({ earnedOn: '2026-09-19', source: 'overtime', usedHours: 2, remainingHours: 6 }),
      expect.objectContaining({ earnedOn: '2026-11-20', source: 'office', hours: 1.5, remainingHours: 1.5, expiresOn: '2027-02-18' }),
    ]);
    expect(shown.adjustments.map((row: { minutes: number }) => row.minutes)).toEqual([90, -120]);
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'lieu_adjustment' ORDER BY id`);
    expect(audit.map((row) => row.action)).toEqual(['lieu_balance.adjust', 'lieu_balance.adjust']);
    await expect(t.sql(`UPDATE lieu_adjustment SET minutes = 1 WHERE staff_id = $1`, [person.id])).rejects.toThrow(/append-only/);

    const beyond = await t.http().post('/leave-balances/lieu-adjustments').set(admin.auth).set('Accept-Language', 'en').send({ staffId: person.id, date: '2026-11-26', minutes: -600, reason: 'Too much' }).expect(422);
    expect(beyond.body).toMatchObject({ code: 'LEAVE_BALANCE_INSUFFICIENT', details: [{ field: 'minutes', message: '7.5 hour(s) available' }] });
    expect((await t.http().post('/leave-balances/lieu-adjustments').set(person.auth).send({ staffId: person.id, date: '2026-11-26', minutes: 60, reason: 'Mine' })).status).toBe(403);
    expect((await t.http().post('/leave-balances/lieu-adjustments').set(admin.auth).send({ staffId: person.id, date: '2026-11-26', minutes: 0, reason: 'Zero' })).body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'minutes' })] });
    expect((await t.http().post('/leave-balances/lieu-adjustments').set(admin.auth).send({ staffId: person.id, date: '2026-11-26', minutes: 60, reason: '  ' })).status).toBe(400);
    expect((await t.http().post('/leave-balances/lieu-adjustments').set(admin.auth).send({ staffId: person.id, date: '2026-11-26', minutes: 60, reason: 'x', hours: 1 })).status).toBe(400);
    expect((await t.http().post('/leave-balances/lieu-adjustments').set(admin.auth).send({ staffId: '00000000-0000-4000-8000-000000000000', date: '2026-11-26', minutes: 60, reason: 'x' })).status).toBe(404);
  });

  it('someone you may not see: their 调休 is a 404 like every balance', async () => {
    const person = await withTwoGrants();
    const other = await newStaff(t, admin);
    expect((await t.http().get(`/leave-balances?staffId=${person.id}&year=2026`).set(other.auth)).status).toBe(404);
    expect((await balance(finance, person.id)).grantedHours).toBe(12);
  });

  it('the month lock: nothing is charged or adjusted in a closed month (409 MONTH_CLOSED), and the closed snapshot keeps its hours', async () => {
    const person = await newStaff(t, admin);
    await lieu.earn(person.id, '2026-10-17', 480);
    await lieu.apply();
    await t.http().post('/months/2026-10/close').set(finance.auth).send().expect(200);
    const adjusted = await t.http().post('/leave-balances/lieu-adjustments').set(admin.auth).send({ staffId: person.id, date: '2026-10-20', minutes: 60, reason: 'Late paper' });
    expect(adjusted.status).toBe(409);
    expect(adjusted.body.code).toBe('MONTH_CLOSED');
    const asked = await ask(person, '2026-10-20', '2026-10-20', {}, { emergency: true });
    expect(asked.status).toBe(409);
    expect(asked.body.code).toBe('MONTH_CLOSED');
    const closed = (await t.http().get('/reports/monthly?month=2026-10&pageSize=100').set(finance.auth).expect(200)).body;
    expect(closed.items.find((item: { staffId: string }) => item.staffId === person.id)).toMatchObject({ lieuEarnedHours: 8, lieuRemainingHours: 8, lieuTakenHours: 0, lieuExpiredHours: 0 });
  });

  it('CSV and XLSX: the 调休 columns in hours with zh/en headers, per person and in the totals', async () => {
    const person = await newStaff(t, admin, { employeeNo: 'L900' });
    await lieu.earn(person.id, '2026-11-07', 270);
    await lieu.apply();
    const csv = await t.http().get('/reports/monthly?month=2026-11&format=csv').set(finance.auth).buffer(true).expect(200);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = lines[0].split(',');
    const at = (name: string) => header.indexOf(name);
    expect(header.slice(at('年休假剩余（天）') + 1, at('年休假剩余（天）') + 5)).toEqual(['转调休（小时）', '调休已休（小时）', '调休剩余（小时）', '调休过期待支付（小时，200%）']);
    const row = lines.find((line) => line.startsWith('L900,'))!.split(',');
    expect([row[at('转调休（小时）')], row[at('调休剩余（小时）')], row[at('调休过期待支付（小时，200%）')]]).toEqual(['4.5', '4.5', '0']);
    // The totals line adds up everyone's hours (others of this file earned in November too).
    const column = (line: string) => Number(line.split(',')[at('转调休（小时）')]);
    expect(lines.at(-1)!.startsWith('合计,')).toBe(true);
    expect(column(lines.at(-1)!)).toBe(lines.slice(1, -1).reduce((total, line) => total + column(line), 0));

    const english = await t.http().get('/reports/monthly?month=2026-11&format=xlsx&lang=en').set(finance.auth).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    const workbook = new ExcelJS.Workbook();
    const bytes = english.body as Buffer;
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const head = rows.find((r) => r.includes('Employee no'))!;
    expect(head).toEqual(expect.arrayContaining(['Time off in lieu earned (hours)', 'Time off in lieu taken (hours)', 'Time off in lieu left (hours)', 'Expired time off in lieu to pay (hours, 200%)']));
    const mine = rows.find((r) => r[0] === 'L900')!;
    expect(mine[head.indexOf('Time off in lieu earned (hours)')]).toBe(4.5);
  });

  it('the lieu rule is dated like every allowance rule: a grant expires by the version in force on its earning date; lieu belongs to 调休 alone', async () => {
    const person = await withTwoGrants();
    const put = await t.http().put('/leave-balances/settings/rules/lieu').set(admin.auth).send({ effectiveFrom: '2026-09-15', kind: 'lieu', expiresAfterDays: 30 }).expect(200);
    expect(put.body).toEqual({ effectiveFrom: '2026-09-15', kind: 'lieu', days: null, allowNegative: false, expiresAfterDays: 30 });
    const lots = (await balance(person)).lots;
    expect(lots.map((lot: { earnedOn: string; expiresOn: string; expired: boolean; expiredHours: number }) => [lot.earnedOn, lot.expiresOn, lot.expired, lot.expiredHours])).toEqual([
      ['2026-09-05', '2026-12-04', false, 0],
      ['2026-09-19', '2026-10-19', true, 8],
    ]);
    expect((await t.sql(`SELECT action FROM audit_log WHERE entity = 'leave_allowance_rule' AND entity_id = 'lieu@2026-09-15'`)).length).toBe(1);
    const misplaced = await t.http().put('/leave-balances/settings/rules/annual').set(admin.auth).send({ effectiveFrom: '2027-01-01', kind: 'lieu', expiresAfterDays: 30 });
    expect(misplaced.status).toBe(422);
    expect(misplaced.body.code).toBe('LEAVE_RULE_KIND_NOT_ALLOWED');
    expect((await t.http().put('/leave-balances/settings/rules/lieu').set(admin.auth).send({ effectiveFrom: '2027-01-01', kind: 'per_year', days: 5 })).body.code).toBe('LEAVE_RULE_KIND_NOT_ALLOWED');
    const missing = await t.http().put('/leave-balances/settings/rules/lieu').set(admin.auth).send({ effectiveFrom: '2027-01-01', kind: 'lieu' });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'expiresAfterDays' })]);
  });
});
