import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

describe('Punch capture (H-ATT-7)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let alice: CreatedStaff;
  let bob: CreatedStaff;
  let leaver: CreatedStaff;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    alice = await newStaff(t, admin, { employeeNo: 'P001' });
    bob = await newStaff(t, admin, { employeeNo: 'P002' });
    leaver = await newStaff(t, admin, { employeeNo: 'P003' });
    await t.http().post(`/staff/${leaver.id}/deactivate`).set(admin.auth).send({ leftOn: '2026-11-01' }).expect(200);
  });
  afterAll(() => t.close());

  const batch = (auth: Record<string, string>, punches: unknown[]) => t.http().post('/punches/batch').set(auth).send({ punches });
  const punchesOf = async (staffId: string, from: string, to: string) =>
    (await t.http().get(`/punches?staffId=${staffId}&from=${from}&to=${to}&pageSize=200`).set(admin.auth)).body.items as {
      id: string; at: string; source: string; assignedDate: string | null; voidedAt: string | null; localTime: string;
    }[];

  describe('POST /punches/clock', () => {
    it('H-ATT-7: the server clock decides the time; a body that sets it is refused', async () => {
      const refused = await t.http().post('/punches/clock').set(alice.auth).send({ at: '2026-11-27T08:00:00+08:00' });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toContainEqual({ field: 'at', message: '不是可接受的字段' }); // the company language, zh-CN
      clock.set('2026-11-27T08:29:30.750+08:00');
      const response = await t.http().post('/punches/clock').set(alice.auth).send({});
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ duplicate: false, punch: { staffId: alice.id, at: '2026-11-27T00:29:30.000Z', source: 'clock', assignedDate: '2026-11-27', localTime: '2026-11-27T08:29:30+08:00' } });
      const again = await t.http().post('/punches/clock').set(alice.auth).send({});
      expect(again.body).toMatchObject({ duplicate: true, punch: { id: response.body.punch.id } });
      const audit = await t.sql(`SELECT action, actor_id FROM audit_log WHERE action = 'punch.clock'`);
      expect(audit.length).toBe(2);
      expect(audit[0].actor_id).toBe(alice.id);
    });

    it('anonymous cannot clock', async () => {
      expect((await t.http().post('/punches/clock').send({})).status).toBe(401);
    });

    it('a revoked token is refused as the guard refuses it, before its body is looked at; nothing is stored or audited (issue 20)', async () => {
      // The clock-in statement checks the staff row itself (ChecksOwnSignIn): the guard only verified the token.
      const counts = async () => (await t.sql<{ punches: number; audits: number }>(
        `SELECT (SELECT count(*)::int FROM punch WHERE staff_id = $1) AS punches, (SELECT count(*)::int FROM audit_log WHERE actor_id = $1::text) AS audits`, [leaver.id]))[0];
      const before = await counts();
      for (const body of [{}, { at: '2026-11-27T08:00:00+08:00' }]) {
        const response = await t.http().post('/punches/clock').set(leaver.auth).send(body);
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 401, code: 'TOKEN_REVOKED' });
      }
      expect(await counts()).toEqual(before);
    });
  });

  describe('POST /punches/batch', () => {
    beforeAll(() => clock.set('2026-11-27T10:00:00+08:00'));

    it('H-ATT-7: stores the good lines and lists each bad one with its index and reason', async () => {
      const response = await batch(admin.auth, [
        { employeeNo: 'P001', at: '2026-11-20T08:25:00+08:00', source: 'front-door' },
        { employeeNo: 'P001', at: '2026-11-20 17:31:00' }, // local time, read in Asia/Shanghai
        { employeeNo: 'NOBODY', at: '2026-11-20T08:25:00+08:00' },
        { employeeNo: 'P003', at: '2026-11-20T08:25:00+08:00' },
        { employeeNo: 'P002', at: '2026-02-30T08:25:00+08:00' },
        { employeeNo: 'P002', at: '2026-11-20 24:61:00' },
        { employeeNo: 'P002', at: '2026-11-28T08:25:00+08:00' },
        { employeeNo: 'P002', at: '2026-11-20T08:25:00+08:00', salary: 1 },
        'not an object',
        { employeeNo: 'P002', at: '2026-11-20T08:25:00Z' },
      ]);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ received: 10, inserted: 3, duplicates: 0 });
      expect(response.body.rejected.map((line: { index: number; reason: string }) => [line.index, line.reason])).toEqual([
        [2, 'UNKNOWN_EMPLOYEE'],
        [3, 'INACTIVE_EMPLOYEE'],
        [4, 'TIME_UNPARSEABLE'],
        [5, 'TIME_UNPARSEABLE'],
        [6, 'TIME_IN_FUTURE'],
        [7, 'INVALID_LINE'],
        [8, 'INVALID_LINE'],
      ]);
      const stored = await punchesOf(alice.id, '2026-11-20', '2026-11-20');
      expect(stored.map((p) => p.at)).toEqual(['2026-11-20T00:25:00.000Z', '2026-11-20T09:31:00.000Z']);
      expect(stored.every((p) => p.source === 'batch' && p.assignedDate === '2026-11-20')).toBe(true);
      const audit = await t.sql(`SELECT after FROM audit_log WHERE action = 'punch.batch' ORDER BY id DESC LIMIT 1`);
      expect(audit[0].after).toMatchObject({ received: 10, inserted: 3, rejected: 7 });
    });

    it('H-ATT-7: is idempotent — a re-sent batch adds nothing, whatever source sent the punch first', async () => {
      const lines = [
        { employeeNo: 'P002', at: '2026-11-21T08:20:00+08:00' },
        { employeeNo: 'P002', at: '2026-11-21T17:40:00+08:00' },
        { employeeNo: 'P002', at: '2026-11-21T17:40:00.900+08:00' }, // same second as the line above
      ];
      const first = await batch(admin.auth, lines);
      expect(first.body).toMatchObject({ inserted: 2, duplicates: 1, rejected: [] });
      const again = await batch(admin.auth, lines);
      expect(again.body).toMatchObject({ inserted: 0, duplicates: 3, rejected: [] });
      expect(await punchesOf(bob.id, '2026-11-21', '2026-11-21')).toHaveLength(2);
      // Bob's clock-in of the same second, then the batch: still one punch.
      clock.set('2026-11-27T08:31:10+08:00');
      await t.http().post('/punches/clock').set(bob.auth).send({}).expect(201);
      clock.set('2026-11-27T10:00:00+08:00');
      const overlap = await batch(admin.auth, [{ employeeNo: 'P002', at: '2026-11-27T08:31:10+08:00' }]);
      expect(overlap.body).toMatchObject({ inserted: 0, duplicates: 1 });
      const database = await t.sql(`SELECT count(*)::int AS n FROM punch WHERE staff_id = $1 AND at = '2026-11-27T00:31:10Z'`, [bob.id]);
      expect(database[0].n).toBe(1);
    });

    it('H-ATT-7: the database refuses a second punch of the same person in the same second', async () => {
      await expect(t.sql(`INSERT INTO punch (staff_id, at, source) VALUES ($1, '2026-11-21T00:20:00Z', 'batch')`, [bob.id])).rejects.toThrow(/punch_once_per_second/);
    });

    it('refuses more than 10,000 lines, and non-admins', async () => {
      const big = Array.from({ length: 10_001 }, () => ({ employeeNo: 'P001', at: '2026-11-20T08:25:00+08:00' }));
      const response = await batch(admin.auth, big);
      expect(response.status).toBe(400);
      expect(response.body.details[0].field).toBe('punches');
      expect((await batch(alice.auth, [])).status).toBe(403);
    });
  });

  describe('windows: every punch is kept, assigned or not', () => {
    it('H-ATT-4: a duty clock-out at 00:20 belongs to the day before', async () => {
      await t.http().put('/roster/2026-11-10').set(admin.auth).send({ staffId: bob.id }).expect(200);
      await batch(admin.auth, [
        { employeeNo: 'P002', at: '2026-11-10T15:58:00+08:00' },
        { employeeNo: 'P002', at: '2026-11-11T00:20:00+08:00' },
      ]).expect(200);
      const punches = await punchesOf(bob.id, '2026-11-10', '2026-11-11');
      expect(punches.map((p) => [p.localTime, p.assignedDate])).toEqual([
        ['2026-11-10T15:58:00+08:00', '2026-11-10'],
        ['2026-11-11T00:20:00+08:00', '2026-11-10'],
      ]);
    });

    it('H-ATT-3: a punch in no window (03:00 after an office day) is kept and shown as unassigned', async () => {
      await batch(admin.auth, [{ employeeNo: 'P001', at: '2026-11-13T03:00:00+08:00' }]).expect(200);
      const punches = await punchesOf(alice.id, '2026-11-13', '2026-11-13');
      expect(punches).toEqual([expect.objectContaining({ localTime: '2026-11-13T03:00:00+08:00', assignedDate: null })]);
    });
  });

  describe('manual punches and voids', () => {
    it('H-ATT-7: an admin enters a missed punch with a reason (source manual, audited)', async () => {
      const noReason = await t.http().post('/punches/manual').set(admin.auth).send({ staffId: alice.id, at: '2026-11-18T08:29:00+08:00' });
      expect(noReason.status).toBe(400);
      const response = await t.http().post('/punches/manual').set(admin.auth).send({ staffId: alice.id, at: '2026-11-18T08:29:00+08:00', reason: 'Terminal was down' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ source: 'manual', reason: 'Terminal was down', assignedDate: '2026-11-18' });
      const duplicate = await t.http().post('/punches/manual').set(admin.auth).send({ staffId: alice.id, at: '2026-11-18T08:29:00+08:00', reason: 'again' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('PUNCH_EXISTS');
      expect((await t.http().post('/punches/manual').set(alice.auth).send({ staffId: alice.id, at: '2026-11-18T08:29:00+08:00', reason: 'self-service' })).status).toBe(403);
      const audit = await t.sql(`SELECT actor_id, entity_id FROM audit_log WHERE action = 'punch.manual'`);
      expect(audit).toEqual([{ actor_id: admin.id, entity_id: response.body.id }]);
    });

    it('H-ATT-7: punches are never edited; a wrong one is voided with a reason, audited, and no longer counts', async () => {
      const [punch] = await punchesOf(alice.id, '2026-11-18', '2026-11-18');
      await t.settle(); // the background job's work: the manual punch's day is stored
      const before = await t.sql(`SELECT status, first_in FROM attendance_day WHERE staff_id = $1 AND date = '2026-11-18'`, [alice.id]);
      expect(before[0].first_in).not.toBeNull();
      const voided = await t.http().post(`/punches/${punch.id}/void`).set(admin.auth).send({ reason: 'Entered for the wrong day' });
      expect(voided.status).toBe(200);
      expect(voided.body).toMatchObject({ voidReason: 'Entered for the wrong day', assignedDate: null });
      expect(voided.body.voidedAt).not.toBeNull();
      const after = await t.sql(`SELECT status, first_in FROM attendance_day WHERE staff_id = $1 AND date = '2026-11-18'`, [alice.id]);
      expect(after[0]).toEqual({ status: 'absent', first_in: null });
      expect((await t.http().post(`/punches/${punch.id}/void`).set(admin.auth).send({ reason: 'twice' })).body.code).toBe('PUNCH_ALREADY_VOIDED');
      expect(await t.sql(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [punch.id])).toEqual([{ action: 'punch.manual' }, { action: 'punch.void' }]);
      await expect(t.sql(`UPDATE punch SET at = at + interval '1 hour' WHERE id = $1`, [punch.id])).rejects.toThrow(/never edited/);
      await expect(t.sql(`UPDATE punch SET void_reason = 'rewritten' WHERE id = $1`, [punch.id])).rejects.toThrow(/never edited/);
    });
  });

  describe('who sees punches', () => {
    it('your own, not another employee\'s (404)', async () => {
      expect((await t.http().get(`/punches?staffId=${alice.id}&from=2026-11-01&to=2026-11-30`).set(alice.auth)).status).toBe(200);
      expect((await t.http().get(`/punches?staffId=${alice.id}&from=2026-11-01&to=2026-11-30`).set(bob.auth)).status).toBe(404);
      expect((await t.http().get(`/punches?staffId=${alice.id}&from=2026-11-30&to=2026-11-01`).set(alice.auth)).status).toBe(400);
    });
  });

  describe('the month lock', () => {
    it('a punch in a closed month is refused line by line (batch) or as a whole (manual), and nothing is written', async () => {
      await t.sql(`INSERT INTO accounting_month (month, state) VALUES ('2026-10', 'closed')`);
      const response = await batch(admin.auth, [
        { employeeNo: 'P001', at: '2026-10-20T08:25:00+08:00' },
        { employeeNo: 'P001', at: '2026-11-02T08:25:00+08:00' },
        // 00:20 on 1 November after a duty on 31 October belongs to the closed month.
      ]);
      expect(response.body).toMatchObject({ inserted: 1, rejected: [{ index: 0, reason: 'MONTH_CLOSED' }] });
      expect(await punchesOf(alice.id, '2026-10-20', '2026-10-20')).toHaveLength(0);
      const manual = await t.http().post('/punches/manual').set(admin.auth).send({ staffId: alice.id, at: '2026-10-21T08:29:00+08:00', reason: 'late entry' });
      expect(manual.status).toBe(409);
      expect(manual.body.code).toBe('MONTH_CLOSED');
    });
  });
});
