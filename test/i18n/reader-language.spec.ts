import { randomUUID } from 'node:crypto';
import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

describe("The reader's language (issue 21)", () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let employee: CreatedStaff;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    employee = await newStaff(t, admin, { employeeNo: 'L001' });
  });
  afterAll(() => t.close());

  describe('error messages', () => {
    it('the same code, the message in the language Accept-Language asks for; Chinese by default', async () => {
      const id = randomUUID();
      const zh = await t.http().get(`/staff/${id}`).set(admin.auth);
      const en = await t.http().get(`/staff/${id}`).set(admin.auth).set('Accept-Language', 'en-US,en;q=0.9');
      const weighted = await t.http().get(`/staff/${id}`).set(admin.auth).set('Accept-Language', 'en;q=0.3, zh-Hans;q=0.7');
      expect(zh.body).toEqual({ statusCode: 404, code: 'STAFF_NOT_FOUND', message: '未找到该员工', details: [] });
      expect(en.body).toEqual({ statusCode: 404, code: 'STAFF_NOT_FOUND', message: 'The staff member was not found', details: [] });
      expect(weighted.body.message).toBe('未找到该员工');
      expect(zh.headers.vary).toMatch(/Accept-Language/i);
    });

    it('validation details are translated and keep their field names', async () => {
      const body = { employeeNo: 'L002', name: 'x', username: 'l002', password: 'password-123', positionCode: null, supervisorId: null, roles: [], hiredOn: '2025-01-01', salary: 1 };
      const zh = await t.http().post('/staff').set(admin.auth).send(body);
      const en = await t.http().post('/staff').set(admin.auth).set('Accept-Language', 'en').send(body);
      expect(zh.status).toBe(400);
      expect(zh.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '填写的内容有误，请检查后重试' });
      expect(zh.body.details).toContainEqual({ field: 'salary', message: '不是可接受的字段' });
      expect(en.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'The request is not valid' });
      expect(en.body.details).toContainEqual({ field: 'salary', message: 'is not an accepted field' });
      const limits = await t.http().put('/settings').set(admin.auth).send({ effectiveFrom: '2026-12-01', graceMinutes: 999 });
      expect(limits.body.details).toEqual([{ field: 'graceMinutes', message: 'graceMinutes 不能大于 240' }]);
    });

    it('errors raised before any handler (unreadable JSON, no sign-in) are in the language too', async () => {
      const malformed = await t.http().post('/auth/login').set('Content-Type', 'application/json').send('{"username":');
      expect(malformed.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON', message: '请求内容不是有效的 JSON', details: [{ field: 'body', message: '不是有效的 JSON' }] });
      const anonymous = await t.http().get('/staff');
      expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
      const english = await t.http().get('/staff').set('Accept-Language', 'en');
      expect(english.body.message).toMatch(/^Sign in/);
    });

    it('a parameter of the rule appears in the Chinese sentence', async () => {
      const refused = await t.http().post('/leave-requests').set(employee.auth).send({ type: 'personal', startDate: '2026-11-27', startHalf: null, endDate: '2026-11-27', endHalf: null, reason: 'x' });
      expect(refused.body).toMatchObject({ statusCode: 422, code: 'LEAVE_NOT_ONE_DAY_AHEAD', message: '请假须提前一天申请，首日须在 2026-11-27 之后；突发情况请按紧急请假事后补办' });
      expect(refused.body.details).toEqual([{ field: 'startDate', message: '必须晚于 2026-11-27' }]);
    });

    it('the detail beside a field is in the language too: a wrong old password, beside oldPassword', async () => {
      const wrongOld = { oldPassword: 'not-my-password', newPassword: 'brand-new-pass' };
      const zh = await t.http().post(`/staff/${employee.id}/password`).set(employee.auth).send(wrongOld);
      const en = await t.http().post(`/staff/${employee.id}/password`).set(employee.auth).set('Accept-Language', 'en').send(wrongOld);
      expect(zh.body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: '填写的内容有误，请检查后重试', details: [{ field: 'oldPassword', message: '必填，且须填写正确' }] });
      expect(en.body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'Changing your own password needs the old one', details: [{ field: 'oldPassword', message: 'is required and must be right' }] });
    });

    it("a validator's own sentence keeps the field name and its example in Chinese", async () => {
      const zh = await t.http().put('/settings/time-zone').set(admin.auth).send({ timeZone: 'Mars/Olympus_Mons' });
      const en = await t.http().put('/settings/time-zone').set(admin.auth).set('Accept-Language', 'en').send({ timeZone: 'Mars/Olympus_Mons' });
      expect(zh.body.details).toEqual([{ field: 'timeZone', message: 'timeZone 必须是 IANA 时区名称，例如 Asia/Shanghai' }]);
      expect(en.body.details).toEqual([{ field: 'timeZone', message: 'timeZone must be an IANA time zone such as Asia/Shanghai' }]);
    });
  });

  describe('company settings: name and default language', () => {
    it('are shown with the settings and changed by admin or finance, audited; bad values refused with nothing written', async () => {
      const shown = await t.http().get('/settings').set(employee.auth).expect(200);
      expect(shown.body).toMatchObject({ companyName: '', defaultLanguage: 'zh-CN', timeZone: 'Asia/Shanghai' });
      for (const body of [{ defaultLanguage: 'fr' }, { name: 'x'.repeat(101) }, { name: ' padded' }, { name: null }, { colour: 'red' }]) {
        const refused = await t.http().put('/settings/company').set(admin.auth).send(body);
        expect({ body, status: refused.status, code: refused.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
      }
      expect((await t.http().put('/settings/company').set(employee.auth).send({ name: 'x' })).body.code).toBe('ROLE_REQUIRED');
      expect((await t.http().get('/settings').set(admin.auth)).body).toMatchObject({ companyName: '', defaultLanguage: 'zh-CN' });

      const changed = await t.http().put('/settings/company').set(admin.auth).send({ name: '杭州家电有限公司', defaultLanguage: 'en' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ companyName: '杭州家电有限公司', defaultLanguage: 'en' });
      const audit = await t.sql<{ action: string; before: unknown; after: unknown }>(`SELECT action, before, after FROM audit_log WHERE action = 'settings.company'`);
      expect(audit).toEqual([{ action: 'settings.company', before: { name: '', defaultLanguage: 'zh-CN' }, after: { name: '杭州家电有限公司', defaultLanguage: 'en' } }]);

      // The default now reads English; a request may still ask for Chinese.
      const id = randomUUID();
      expect((await t.http().get(`/staff/${id}`).set(admin.auth)).body.message).toBe('The staff member was not found');
      expect((await t.http().get(`/staff/${id}`).set(admin.auth).set('Accept-Language', 'zh-CN')).body.message).toBe('未找到该员工');
      await t.http().put('/settings/company').set(admin.auth).send({ defaultLanguage: 'zh-CN' }).expect(200);
      expect((await t.http().get(`/staff/${id}`).set(admin.auth)).body.message).toBe('未找到该员工');
      expect((await t.http().get('/settings').set(admin.auth)).body.companyName).toBe('杭州家电有限公司');
    });
  });

  describe('day explanations', () => {
    it('H-ATT-6: the stored facts read in either language, unchanged between them', async () => {
      await t.http().post('/punches/batch').set(admin.auth).send({ punches: [{ employeeNo: 'L001', at: '2026-11-23T08:25:00+08:00' }] }).expect(200);
      const read = (language: string) => t.http().get(`/attendance?staffId=${employee.id}&month=2026-11`).set(admin.auth).set('Accept-Language', language).expect(200);
      const zh = (await read('zh-CN')).body.days.find((d: { date: string }) => d.date === '2026-11-23');
      const en = (await read('en')).body.days.find((d: { date: string }) => d.date === '2026-11-23');
      expect(zh.facts).toEqual(en.facts);
      expect(zh.facts).toContainEqual({ kind: 'no_clock_out_early_leave', clause: 'H-ATT-6', share: 1 });
      expect(zh.facts).toContainEqual({ kind: 'arrived_on_time', clause: 'H-ATT-5', at: { date: '2026-11-23', time: '08:25' } });
      expect(zh.explanation).toEqual(['H-ATT-3：行政班 08:30–12:00、13:00–17:30', 'H-ATT-5：08:25 上班打卡，准时', 'H-ATT-6：无下班打卡记录，按早退处理，当日计旷工', 'H-ATT-1：旷工 1 天']);
      expect(en.explanation).toEqual(['H-ATT-3: office shift 08:30–12:00, 13:00–17:30', 'H-ATT-5: arrived 08:25, on time', 'H-ATT-6: no clock-out record — treated as early leave, counted as absence for the day', 'H-ATT-1: unexcused absence, 1 day']);
      const stored = await t.sql<{ facts: unknown }>(`SELECT facts FROM attendance_day WHERE staff_id = $1 AND date = '2026-11-23'`, [employee.id]);
      expect(stored[0].facts).toEqual(zh.facts);
    });
  });
});
