import { CreatedStaff, DEFAULT_PASSWORD, login, loginAdmin, newStaff, SignedIn } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

describe('Staff directory: who sees and changes what (H-ORG-3)', () => {
  let t: TestApp;
  let admin: SignedIn;
  let finance: SignedIn;
  let boss: SignedIn; // supervises lead, who supervises subject
  let lead: SignedIn;
  let subject: CreatedStaff;
  let otherBoss: SignedIn;
  let otherReport: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'], positionCode: null });
    boss = await newStaff(t, admin, { positionCode: 'store_manager' });
    lead = await newStaff(t, admin, { supervisorId: boss.id, positionCode: 'store_manager_assistant' });
    subject = await newStaff(t, admin, { supervisorId: lead.id });
    otherBoss = await newStaff(t, admin);
    otherReport = await newStaff(t, admin, { supervisorId: otherBoss.id });
  });
  afterAll(() => t.close());

  describe('GET /staff/{id}', () => {
    it.each([
      ['the employee themself', () => subject, 200],
      ['their direct supervisor', () => lead, 200],
      ['the supervisor above that (everyone below them)', () => boss, 200],
      ['a supervisor of someone else', () => otherBoss, 404],
      ['another employee', () => otherReport, 404],
      ['admin', () => admin, 200],
      ['finance', () => finance, 200],
    ])('%s → %i', async (_who, actor, status) => {
      const response = await t.http().get(`/staff/${subject.id}`).set(actor().auth);
      expect(response.status).toBe(status);
      if (status === 404) expect(response.body.code).toBe('STAFF_NOT_FOUND');
      else expect(response.body).toMatchObject({ id: subject.id, supervisorId: lead.id, isSupervisor: false });
    });

    it('anonymous → 401', async () => {
      expect((await t.http().get(`/staff/${subject.id}`)).status).toBe(401);
    });

    it('a missing id and an invisible id answer alike (404), so ids cannot be probed', async () => {
      const missing = await t.http().get('/staff/00000000-0000-4000-8000-000000000000').set(otherReport.auth);
      const invisible = await t.http().get(`/staff/${subject.id}`).set(otherReport.auth);
      expect(missing.body).toEqual(invisible.body);
    });

    it('H-ORG-3: a supervisor is derived from having direct reports', async () => {
      const response = await t.http().get(`/staff/${lead.id}`).set(admin.auth);
      expect(response.body.isSupervisor).toBe(true);
    });
  });

  describe('GET /staff (list)', () => {
    const ids = async (actor: SignedIn) => {
      const response = await t.http().get('/staff?pageSize=200').set(actor.auth);
      expect(response.status).toBe(200);
      return (response.body.items as { id: string }[]).map((item) => item.id).sort();
    };

    it('an employee sees only themself', async () => {
      expect(await ids(subject)).toEqual([subject.id]);
    });

    it('a supervisor sees themself and everyone below them', async () => {
      expect(await ids(boss)).toEqual([boss.id, lead.id, subject.id].sort());
      expect(await ids(lead)).toEqual([lead.id, subject.id].sort());
    });

    it('admin and finance see everyone', async () => {
      const everyone = await ids(admin);
      expect(everyone).toHaveLength(7);
      expect(await ids(finance)).toEqual(everyone);
    });

    it('anonymous → 401', async () => {
      expect((await t.http().get('/staff')).status).toBe(401);
    });

    it('is paginated with a bounded page size', async () => {
      const page = await t.http().get('/staff?page=2&pageSize=3').set(admin.auth);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ page: 2, pageSize: 3, total: 7 });
      expect(page.body.items).toHaveLength(3);
      for (const bad of ['pageSize=201', 'pageSize=0', 'page=0', 'page=abc', 'pageSize=1.5']) {
        const response = await t.http().get(`/staff?${bad}`).set(admin.auth);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
      }
      const defaults = await t.http().get('/staff').set(admin.auth);
      expect(defaults.body).toMatchObject({ page: 1, pageSize: 50 });
    });

    it('filters by text, active state and supervisor', async () => {
      const byName = await t.http().get(`/staff?q=${encodeURIComponent(subject.username)}`).set(admin.auth);
      expect(byName.body.items.map((item: { id: string }) => item.id)).toEqual([subject.id]);
      const bySupervisor = await t.http().get(`/staff?supervisorId=${lead.id}`).set(admin.auth);
      expect(bySupervisor.body.items.map((item: { id: string }) => item.id)).toEqual([subject.id]);
      const inactive = await t.http().get('/staff?active=false').set(admin.auth);
      expect(inactive.body.total).toBe(0);
      const wildcard = await t.http().get('/staff?q=%25').set(admin.auth);
      expect(wildcard.body.total).toBe(0);
    });
  });

  describe('writes are for admin only', () => {
    const body = () => ({ employeeNo: `N${Math.random().toString(36).slice(2, 8)}`, name: '新人', username: `new_${Math.random().toString(36).slice(2, 8)}`, hiredOn: '2026-01-05' });

    it.each([
      ['employee', () => subject],
      ['supervisor', () => boss],
      ['finance', () => finance],
    ])('%s cannot create, edit or deactivate staff (403)', async (_who, actor) => {
      expect((await t.http().post('/staff').set(actor().auth).send(body())).status).toBe(403);
      expect((await t.http().patch(`/staff/${subject.id}`).set(actor().auth).send({ name: 'x' })).status).toBe(403);
      expect((await t.http().post(`/staff/${subject.id}/deactivate`).set(actor().auth).send({})).status).toBe(403);
      expect((await t.http().post(`/staff/${subject.id}/reactivate`).set(actor().auth).send({})).status).toBe(403);
    });

    it('anonymous cannot write (401)', async () => {
      expect((await t.http().post('/staff').send(body())).status).toBe(401);
      expect((await t.http().patch(`/staff/${subject.id}`).send({ name: 'x' })).status).toBe(401);
    });

    it('an employee cannot grant themself a role through any body field', async () => {
      const response = await t.http().patch(`/staff/${subject.id}`).set(subject.auth).send({ roles: ['admin'] });
      expect(response.status).toBe(403);
      const rows = await t.sql<{ roles: string[] }>('SELECT roles FROM staff WHERE id = $1', [subject.id]);
      expect(rows[0].roles).toEqual([]);
    });

    it('admin creates staff with an initial password, and the new person can sign in', async () => {
      const input = { ...body(), password: 'first-password', positionCode: 'designer', supervisorId: boss.id, roles: ['finance'] };
      const response = await t.http().post('/staff').set(admin.auth).send(input);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ employeeNo: input.employeeNo, positionCode: 'designer', supervisorId: boss.id, roles: ['finance'], active: true, leftOn: null });
      expect(response.body).not.toHaveProperty('password');
      expect(response.body).not.toHaveProperty('passwordHash');
      await login(t, input.username, 'first-password');
    });

    it('refuses a taken employee number or username (case-insensitive) with 409', async () => {
      const dupNo = await t.http().post('/staff').set(admin.auth).send({ ...body(), employeeNo: subject.body.employeeNo });
      expect(dupNo.status).toBe(409);
      expect(dupNo.body).toMatchObject({ code: 'EMPLOYEE_NO_TAKEN', details: [{ field: 'employeeNo' }] });
      const dupUser = await t.http().post('/staff').set(admin.auth).send({ ...body(), username: subject.username.toUpperCase() });
      expect(dupUser.status).toBe(409);
      expect(dupUser.body.code).toBe('USERNAME_TAKEN');
    });

    it('refuses an unknown position or supervisor with 422', async () => {
      const position = await t.http().post('/staff').set(admin.auth).send({ ...body(), positionCode: 'astronaut' });
      expect(position.status).toBe(422);
      expect(position.body.code).toBe('POSITION_NOT_FOUND');
      const supervisor = await t.http().post('/staff').set(admin.auth).send({ ...body(), supervisorId: '00000000-0000-4000-8000-000000000000' });
      expect(supervisor.status).toBe(422);
      expect(supervisor.body.code).toBe('SUPERVISOR_NOT_FOUND');
    });

    it('refuses a departure before the hire date', async () => {
      const response = await t.http().patch(`/staff/${otherReport.id}`).set(admin.auth).send({ leftOn: '2020-01-01' });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('LEFT_BEFORE_HIRED');
    });

    it('deactivation keeps the record (nobody is deleted) and reactivation restores it', async () => {
      const leaver = await newStaff(t, admin);
      const response = await t.http().post(`/staff/${leaver.id}/deactivate`).set(admin.auth).send({ leftOn: '2026-11-30' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ active: false, leftOn: '2026-11-30' });
      expect((await t.http().get(`/staff/${leaver.id}`).set(admin.auth)).status).toBe(200);
      expect((await t.http().post(`/staff/${leaver.id}/deactivate`).set(admin.auth).send({})).body.code).toBe('ALREADY_INACTIVE');
      const back = await t.http().post(`/staff/${leaver.id}/reactivate`).set(admin.auth).send({});
      expect(back.body).toMatchObject({ active: true, leftOn: null });
      await login(t, leaver.username, DEFAULT_PASSWORD);
    });

    it('the last active admin cannot lose the role or be deactivated', async () => {
      const demote = await t.http().patch(`/staff/${admin.id}`).set(admin.auth).send({ roles: [] });
      expect(demote.status).toBe(409);
      expect(demote.body.code).toBe('LAST_ADMIN');
      expect((await t.http().post(`/staff/${admin.id}/deactivate`).set(admin.auth).send({})).body.code).toBe('LAST_ADMIN');
    });

    it('an admin cannot deactivate their own account (422), even with another admin left; the other admin can', async () => {
      const second = await newStaff(t, admin, { roles: ['admin'] });
      const self = await t.http().post(`/staff/${second.id}/deactivate`).set(second.auth).send({});
      expect({ status: self.status, code: self.body.code }).toEqual({ status: 422, code: 'CANNOT_DEACTIVATE_SELF' });
      expect((await t.http().get('/auth/me').set(second.auth)).status).toBe(200);
      expect((await t.http().post(`/staff/${second.id}/deactivate`).set(admin.auth).send({})).status).toBe(200);
    });
  });

  describe('H-ORG-3: supervisor chains never loop', () => {
    it('nobody is their own supervisor', async () => {
      const response = await t.http().patch(`/staff/${lead.id}`).set(admin.auth).send({ supervisorId: lead.id });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'SUPERVISOR_LOOP', details: [{ field: 'supervisorId' }] });
    });

    it('A reports to B reports to A is refused, at any depth', async () => {
      const direct = await t.http().patch(`/staff/${lead.id}`).set(admin.auth).send({ supervisorId: subject.id });
      expect(direct.status).toBe(422);
      expect(direct.body.code).toBe('SUPERVISOR_LOOP');
      const deep = await t.http().patch(`/staff/${boss.id}`).set(admin.auth).send({ supervisorId: subject.id });
      expect(deep.status).toBe(422);
      const rows = await t.sql<{ supervisor_id: string | null }>('SELECT supervisor_id FROM staff WHERE id = $1', [boss.id]);
      expect(rows[0].supervisor_id).toBeNull();
    });

    it('two concurrent edits cannot close a loop between them', async () => {
      const a = await newStaff(t, admin);
      const b = await newStaff(t, admin);
      const [first, second] = await Promise.all([
        t.http().patch(`/staff/${a.id}`).set(admin.auth).send({ supervisorId: b.id }),
        t.http().patch(`/staff/${b.id}`).set(admin.auth).send({ supervisorId: a.id }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 422]);
    });

    it('moving someone under an unrelated supervisor is fine, and visibility follows', async () => {
      const mover = await newStaff(t, admin, { supervisorId: otherBoss.id });
      expect((await t.http().get(`/staff/${mover.id}`).set(otherBoss.auth)).status).toBe(200);
      await t.http().patch(`/staff/${mover.id}`).set(admin.auth).send({ supervisorId: lead.id }).expect(200);
      expect((await t.http().get(`/staff/${mover.id}`).set(otherBoss.auth)).status).toBe(404);
      expect((await t.http().get(`/staff/${mover.id}`).set(boss.auth)).status).toBe(200);
    });
  });

  describe('positions (H-ORG-1)', () => {
    it('are seeded with the handbook positions in Chinese and English', async () => {
      const response = await t.http().get('/positions').set(subject.auth);
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual(
        expect.arrayContaining([
          { code: 'store_manager', nameZh: '店长', nameEn: 'Store manager', active: true },
          { code: 'aftersales_service', nameZh: '售后客服', nameEn: 'After-sales customer service', active: true },
        ]),
      );
      expect(response.body.items).toHaveLength(6);
    });

    it('admin adds and retires positions; others may not', async () => {
      expect((await t.http().post('/positions').set(finance.auth).send({ code: 'warehouse', nameZh: '仓管', nameEn: 'Warehouse' })).status).toBe(403);
      expect((await t.http().post('/positions').set(admin.auth).send({ code: 'warehouse', nameZh: '仓管', nameEn: 'Warehouse' })).status).toBe(201);
      expect((await t.http().post('/positions').set(admin.auth).send({ code: 'warehouse', nameZh: '仓管', nameEn: 'Warehouse' })).body.code).toBe('POSITION_CODE_TAKEN');
      const retired = await t.http().patch('/positions/warehouse').set(admin.auth).send({ active: false });
      expect(retired.body.active).toBe(false);
      const use = await t.http().post('/staff').set(admin.auth).send({ employeeNo: 'W1', name: 'W', username: 'w_one', hiredOn: '2026-01-01', positionCode: 'warehouse' });
      expect(use.body.code).toBe('POSITION_NOT_FOUND');
      expect((await t.http().patch('/positions/nope').set(admin.auth).send({ active: false })).status).toBe(404);
    });
  });
});
