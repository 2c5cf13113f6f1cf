import { LeaveGrantSweeper } from '../../src/leave-balance/leave-grant.sweeper';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Who sees whose balance (the existing access rules: your own, a supervisor everyone below them,
 * admin and finance everyone; anything else 404), the office's adjustments, and the other kinds of
 * allowance rule (issue 16). boss supervises lead, who supervises emp; peer is outside that line.
 */
describe('Leave balances: access, adjustments and allowance rules', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;
  let boss: CreatedStaff;
  let lead: CreatedStaff;
  let emp: CreatedStaff;
  let peer: CreatedStaff;

  const get = (who: SignedIn, query = '') => t.http().get(`/leave-balances${query}`).set(who.auth);
  const adjust = (who: SignedIn, body: Record<string, unknown>) =>
    t.http().post('/leave-balances/adjustments').set(who.auth).set('Accept-Language', 'en').send({ staffId: emp.id, leaveType: 'annual', date: '2026-11-20', days: 1, reason: 'Overtime swap agreed by the office', ...body });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'] });
    boss = await newStaff(t, admin);
    lead = await newStaff(t, admin, { supervisorId: boss.id });
    emp = await newStaff(t, admin, { supervisorId: lead.id, hiredOn: '2020-01-01' });
    peer = await newStaff(t, admin);
    await t.app.get(LeaveGrantSweeper).run();
  });
  afterAll(() => t.close());

  describe('GET /leave-balances', () => {
    it('your own by default, this year in company time', async () => {
      const response = await get(emp).expect(200);
      expect(response.body).toMatchObject({ staffId: emp.id, year: 2026, types: [expect.objectContaining({ leaveType: 'annual', entitled: 5, available: 5 })] });
    });

    it('the supervisor and the one above them see it, admin and finance too; anyone else gets 404', async () => {
      for (const who of [lead, boss, finance, admin]) await get(who, `?staffId=${emp.id}&year=2026`).expect(200);
      const hidden = await get(peer, `?staffId=${emp.id}&year=2026`);
      expect(hidden.status).toBe(404);
      expect(hidden.body.code).toBe('STAFF_NOT_FOUND');
      expect((await get(lead, `?staffId=${boss.id}`)).status).toBe(404);
      expect((await get(admin, `?staffId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    });

    it('refuses a year outside 1970–2099 and a staffId that is not an id', async () => {
      expect((await get(emp, '?year=1969')).status).toBe(400);
      expect((await get(emp, '?staffId=abc')).status).toBe(400);
    });
  });

  describe('POST /leave-balances/adjustments (the office)', () => {
    it('only the office (admin) adjusts; finance and the employee get 403', async () => {
      for (const who of [emp, lead, finance]) {
        const response = await adjust(who, {});
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('ROLE_REQUIRED');
      }
    });

    it('adds an entry with the reason and an audit row; nothing is edited', async () => {
      const response = await adjust(admin, {});
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ leaveType: 'annual', adjusted: 1, available: 6 });
      const entry = response.body.entries.at(-1);
      expect(entry).toMatchObject({ kind: 'adjustment', cause: 'office', days: 1, reason: 'Overtime swap agreed by the office', createdBy: admin.id, sentences: ['adjusted by the office'] });
      const audit = await t.http().get('/audit-log?entity=leave_ledger').set(admin.auth).expect(200);
      expect(audit.body.items[0]).toMatchObject({ action: 'leave_balance.adjust', entityId: String(entry.id), actorId: admin.id });
    });

    it('refuses a reason left out, days that are not half days, a type without a balance, and going below zero', async () => {
      expect((await adjust(admin, { reason: undefined })).status).toBe(400);
      const halves = await adjust(admin, { days: 0.3 });
      expect(halves.status).toBe(400);
      expect(halves.body.details).toEqual([{ field: 'days', message: 'days must be a non-zero number of half days' }]);
      const untracked = await adjust(admin, { leaveType: 'personal' });
      expect(untracked.status).toBe(422);
      expect(untracked.body.code).toBe('LEAVE_BALANCE_NOT_TRACKED');
      const below = await adjust(admin, { days: -7 });
      expect(below.status).toBe(422);
      expect(below.body).toMatchObject({ code: 'LEAVE_BALANCE_INSUFFICIENT', details: [{ field: 'endDate', message: '6 day(s) available' }] });
    });

    it('an entry dated in a closed month is refused like every other write (409 MONTH_CLOSED)', async () => {
      await t.sql(`INSERT INTO accounting_month (month, state) VALUES ('2026-10', 'closed') ON CONFLICT (month) DO UPDATE SET state = 'closed'`);
      const response = await adjust(admin, { date: '2026-10-15' });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('MONTH_CLOSED');
    });
  });

  describe('allowance rules as dated settings', () => {
    it('per occurrence (婚假): a request beyond the occurrence\'s days is refused; no balance is kept', async () => {
      await t.http().put('/leave-balances/settings/rules/marriage').set(admin.auth).send({ effectiveFrom: '2026-01-01', kind: 'per_occurrence', days: 3 }).expect(200);
      const tooLong = await t.http().post('/leave-requests').set(emp.auth).send({ type: 'marriage', startDate: '2026-12-07', endDate: '2026-12-10', reason: 'Wedding' });
      expect(tooLong.status).toBe(422);
      expect(tooLong.body).toMatchObject({ code: 'LEAVE_BALANCE_INSUFFICIENT', details: [{ field: 'endDate', message: '可用 3 天' }] });
      expect(tooLong.body.message).toBe('假期余额不足：婚假可用 3 天，本次需要 4 天');
      const fits = await t.http().post('/leave-requests').set(emp.auth).send({ type: 'marriage', startDate: '2026-12-07', endDate: '2026-12-09', reason: 'Wedding' });
      expect(fits.status).toBe(201);
      expect(fits.body.balanceAfter).toBeNull();
    });

    it('a fixed number of days a year, granted by the sweep; a rule that may go negative never refuses', async () => {
      await t.http().put('/leave-balances/settings/rules/bereavement').set(admin.auth).send({ effectiveFrom: '2026-01-01', kind: 'per_year', days: 2, allowNegative: true }).expect(200);
      await t.app.get(LeaveGrantSweeper).run();
      const types = (await get(admin, `?staffId=${emp.id}&year=2026`).expect(200)).body.types;
      expect(types.find((type: { leaveType: string }) => type.leaveType === 'bereavement')).toMatchObject({ entitled: 2, rule: { kind: 'per_year', days: 2, allowNegative: true } });
      const over = await t.http().post('/leave-requests').set(emp.auth).send({ type: 'bereavement', startDate: '2026-12-14', endDate: '2026-12-16', reason: 'Funeral' });
      expect(over.status).toBe(201);
      expect(over.body.balanceAfter).toBe(-1);
    });

    it('refuses a rule that does not fit its kind, and an unknown leave type', async () => {
      const noDays = await t.http().put('/leave-balances/settings/rules/marriage').set(admin.auth).set('Accept-Language', 'en').send({ effectiveFrom: '2027-01-01', kind: 'per_year' });
      expect(noDays.status).toBe(400);
      expect(noDays.body.details).toEqual([{ field: 'days', message: 'days must be more than 0 and at most 365, in half days' }]);
      const unknown = await t.http().put('/leave-balances/settings/rules/holiday_leave').set(admin.auth).send({ effectiveFrom: '2027-01-01', kind: 'none' });
      expect(unknown.status).toBe(422);
      expect(unknown.body.code).toBe('LEAVE_TYPE_NOT_FOUND');
    });
  });
});
