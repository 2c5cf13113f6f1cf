import { loginAdmin, newStaff, SignedIn } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

describe('Audit log: every write leaves who, what, before and after', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const auditOf = (entityId: string) =>
    t.sql<{ actor_kind: string; actor_id: string; action: string; entity: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
      `SELECT actor_kind, actor_id, action, entity, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    );

  it('records create, update, deactivate and password reset with the actor and the before/after images', async () => {
    const person = await newStaff(t, admin);
    await t.http().patch(`/staff/${person.id}`).set(admin.auth).send({ name: '李四' }).expect(200);
    await t.http().post(`/staff/${person.id}/password`).set(admin.auth).send({ newPassword: 'another-pass' }).expect(204);
    await t.http().post(`/staff/${person.id}/deactivate`).set(admin.auth).send({ leftOn: '2026-12-31' }).expect(200);
    const rows = await auditOf(person.id);
    expect(rows.map((row) => row.action)).toEqual(['staff.create', 'staff.update', 'staff.password_reset', 'staff.deactivate']);
    expect(rows.every((row) => row.actor_kind === 'staff' && row.actor_id === admin.id && row.entity === 'staff')).toBe(true);
    expect(rows[0].before).toBeNull();
    expect(rows[0].after).toMatchObject({ id: person.id, username: person.username });
    expect(rows[1].before).toMatchObject({ name: person.body.name });
    expect(rows[1].after).toMatchObject({ name: '李四' });
    expect(rows[3].after).toMatchObject({ active: false, leftOn: '2026-12-31' });
    expect(JSON.stringify(rows)).not.toMatch(/scrypt|another-pass|password_hash|passwordHash/);
  });

  it('records position changes', async () => {
    await t.http().post('/positions').set(admin.auth).send({ code: 'packer', nameZh: '打包', nameEn: 'Packer' }).expect(201);
    await t.http().patch('/positions/packer').set(admin.auth).send({ nameEn: 'Packing' }).expect(200);
    const rows = await auditOf('packer');
    expect(rows.map((row) => row.action)).toEqual(['position.create', 'position.update']);
    expect(rows[1]).toMatchObject({ before: { nameEn: 'Packer' }, after: { nameEn: 'Packing' } });
  });

  it('leaves no audit row and no change when a write is refused', async () => {
    const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    await t.http().patch(`/staff/${admin.id}`).set(admin.auth).send({ roles: [] }).expect(409);
    await t.http().post('/staff').set(admin.auth).send({ employeeNo: 'Q1', name: 'Q', username: 'q_q', hiredOn: '2026-01-01', positionCode: 'nope' }).expect(422);
    const after = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(after[0].n).toBe(before[0].n);
    expect(await t.sql(`SELECT 1 FROM staff WHERE employee_no = 'Q1'`)).toHaveLength(0);
  });

  it('the first administrator was seeded with an audit row by the system', async () => {
    const rows = await auditOf(admin.id);
    expect(rows[0]).toMatchObject({ actor_kind: 'system', action: 'staff.seed_admin' });
  });

  it('the database refuses to change, delete or truncate audit rows', async () => {
    await expect(t.sql(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('admins read the log newest first; nobody else may', async () => {
    const employee = await newStaff(t, admin);
    const response = await t.http().get(`/audit-log?entity=staff&entityId=${employee.id}`).set(admin.auth);
    expect(response.status).toBe(200);
    expect(response.body.items[0]).toMatchObject({ action: 'staff.create', actorKind: 'staff', actorId: admin.id });
    expect((await t.http().get('/audit-log').set(employee.auth)).status).toBe(403);
    expect((await t.http().get('/audit-log')).status).toBe(401);
    // There is no route that changes audit rows.
    expect((await t.http().delete('/audit-log').set(admin.auth)).status).toBe(404);
  });
});
