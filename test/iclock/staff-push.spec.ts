import type { DeviceUserDto } from '../../src/devices/dto/device-user.dto';
import { loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

// Issue 19 steps 4 and 5: the people entered in Kaoqin are pushed to the terminals that take them
// (push_staff), as user commands queued in the staff write's own transaction; and the users each
// terminal reports (or confirms) are kept per device, each matched to the person its PIN means.
// Terminals: FRONT (PIN = employee number), DIGITS (PIN = its digits), MANUAL (push_staff off),
// OLD (pushing, but deactivated). The clock stands on 2026-12-01 10:00 in Shanghai.
const NOW = '2026-12-01T10:00:00+08:00';

interface QueuedRow {
  device_id: string;
  kind: string;
  params: { pin?: string; name?: string };
}

describe('Staff pushed to terminals, and the users each terminal holds (issue 19)', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedIn;
  const device: Record<'front' | 'digits' | 'manual' | 'old', string> = { front: '', digits: '', manual: '', old: '' };

  const register = async (body: Record<string, unknown>): Promise<string> => {
    const response = await t.http().post('/devices').set(admin.auth).send(body);
    expect(response.status).toBe(201);
    return response.body.id;
  };
  /** Commands queued since the mark, per device, as [kind, pin, name]. */
  let mark = 0;
  const queuedSinceMark = async (): Promise<Record<string, [string, string | undefined, string | undefined][]>> => {
    const rows = await t.sql<QueuedRow>('SELECT device_id, kind, params FROM device_command WHERE id > $1 ORDER BY id', [mark]);
    const byDevice: Record<string, [string, string | undefined, string | undefined][]> = {};
    for (const [name, id] of Object.entries(device)) {
      const mine = rows.filter((row) => row.device_id === id).map((row): [string, string | undefined, string | undefined] => [row.kind, row.params.pin, row.params.name]);
      if (mine.length > 0) byDevice[name] = mine;
    }
    return byDevice;
  };
  const setMark = async () => {
    mark = Number((await t.sql<{ n: string }>('SELECT coalesce(max(id), 0) AS n FROM device_command'))[0].n);
  };
  const poll = async (serial: string): Promise<{ id: string; command: string }[]> => {
    const response = await t.http().get(`/iclock/getrequest?SN=${serial}`).buffer(true);
    expect(response.status).toBe(200);
    return response.text === 'OK' ? [] : response.text.split('\n').map((line) => {
      const [, id, command] = /^C:(\d+):(.*)$/.exec(line) ?? [];
      return { id, command };
    });
  };
  const answer = (serial: string, id: string, code: number, verb = 'DATA') =>
    t.http().post(`/iclock/devicecmd?SN=${serial}`).set('Content-Type', 'text/plain').buffer(true).send(`ID=${id}&Return=${code}&CMD=${verb}`).expect(200);
  const upload = (serial: string, table: string, lines: string[]) =>
    t.http().post(`/iclock/cdata?SN=${serial}&table=${table}`).set('Content-Type', 'text/plain').buffer(true).send(lines.join('\n')).expect(200);
  const users = async (id: string, query: Record<string, string> = {}): Promise<DeviceUserDto[]> => {
    const response = await t.http().get(`/devices/${id}/users`).query({ pageSize: 100, ...query }).set(admin.auth);
    expect(response.status).toBe(200);
    return response.body.items;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    device.manual = await register({ name: 'Manual', serialNumber: 'PUSH-MANUAL', pushStaff: false });
    device.old = await register({ name: 'Old', serialNumber: 'PUSH-OLD' });
    await t.http().patch(`/devices/${device.old}`).set(admin.auth).send({ active: false }).expect(200);
    device.front = await register({ name: 'Front', serialNumber: 'PUSH-FRONT' });
    device.digits = await register({ name: 'Digits', serialNumber: 'PUSH-DIGITS', pinMapping: 'employee_no_digits' });
    // Registered pushing: the administrator (A0001), the only person yet, was queued to each.
    const queued = await t.sql<QueuedRow>('SELECT device_id, kind, params FROM device_command ORDER BY id');
    expect(queued.map((row) => [row.device_id, row.kind, row.params.pin])).toEqual([
      [device.old, 'user_update', 'A0001'],
      [device.front, 'user_update', 'A0001'],
      [device.digits, 'user_update', '1'],
    ]);
    await setMark();
  });
  afterAll(() => t.close());

  describe('A: staff changes reach the queues of pushing devices only', () => {
    let staffId = '';

    it('a new person: user_update to each pushing device with its own PIN, none to a device not pushing or inactive; audited', async () => {
      const created = await newStaff(t, admin, { employeeNo: 'E0042', name: 'Li Lei' });
      staffId = created.id;
      expect(await queuedSinceMark()).toEqual({ front: [['user_update', 'E0042', 'Li Lei']], digits: [['user_update', '42', 'Li Lei']] });
      const audited = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'device.command.queue' AND entity_id::bigint > $1`, [mark]);
      expect(audited).toEqual([{ n: 2 }]);
      await setMark();
    });

    it('a rename: the same PIN written again with the new name', async () => {
      await t.http().patch(`/staff/${staffId}`).set(admin.auth).send({ name: 'Li Lei (sales)' }).expect(200);
      expect(await queuedSinceMark()).toEqual({ front: [['user_update', 'E0042', 'Li Lei (sales)']], digits: [['user_update', '42', 'Li Lei (sales)']] });
      await setMark();
    });

    it('a new employee number: the old PIN deleted and the new one written where the PIN differs; the same digits change nothing', async () => {
      await t.http().patch(`/staff/${staffId}`).set(admin.auth).send({ employeeNo: 'F0042' }).expect(200);
      expect(await queuedSinceMark()).toEqual({ front: [['user_delete', 'E0042', undefined], ['user_update', 'F0042', 'Li Lei (sales)']] });
      await setMark();
    });

    it('a change of nothing a terminal shows queues nothing', async () => {
      await t.http().patch(`/staff/${staffId}`).set(admin.auth).send({ hiredOn: '2024-06-01', email: 'lilei@example.com' }).expect(200);
      expect(await queuedSinceMark()).toEqual({});
    });

    it('deactivated: user_delete; reactivated: user_update', async () => {
      await t.http().post(`/staff/${staffId}/deactivate`).set(admin.auth).send({ leftOn: '2026-11-30' }).expect(200);
      expect(await queuedSinceMark()).toEqual({ front: [['user_delete', 'F0042', undefined]], digits: [['user_delete', '42', undefined]] });
      await setMark();
      const back = await t.http().post(`/staff/${staffId}/reactivate`).set(admin.auth).send({});
      expect(back.status).toBeLessThan(300);
      expect(await queuedSinceMark()).toEqual({ front: [['user_update', 'F0042', 'Li Lei (sales)']], digits: [['user_update', '42', 'Li Lei (sales)']] });
      await setMark();
    });

    it('an employee number without digits: pushed where the PIN is the number, left off (and audited) where it would be digits', async () => {
      const created = await newStaff(t, admin, { employeeNo: 'TEMP', name: 'Temp worker' });
      expect(await queuedSinceMark()).toEqual({ front: [['user_update', 'TEMP', 'Temp worker']] });
      const skipped = await t.sql<{ after: { employeeNo: string; deviceIds: string[] } }>(`SELECT after FROM audit_log WHERE action = 'device.staff_push.no_pin' AND entity_id = $1`, [created.id]);
      expect(skipped.map((row) => row.after)).toEqual([{ employeeNo: 'TEMP', deviceIds: [device.digits] }]);
      await setMark();
    });

    it('a staff write that fails (an employee number taken: 409) queues nothing', async () => {
      const taken = await t.http().post('/staff').set(admin.auth).send({ employeeNo: 'F0042', name: 'Twin', username: 'twin', password: 'password-123', hiredOn: '2025-01-01' });
      expect(taken.status).toBe(409);
      const renamed = await t.http().patch(`/staff/${staffId}`).set(admin.auth).send({ employeeNo: 'TEMP', name: 'Clash' });
      expect(renamed.status).toBe(409);
      expect(await queuedSinceMark()).toEqual({});
    });

    it('the terminal polls, receives DATA UPDATE USERINFO, confirms it: done, and the user is listed as pushed; a confirmed delete removes it', async () => {
      const polled = await poll('PUSH-FRONT');
      const update = polled.find((one) => one.command.startsWith('DATA UPDATE USERINFO PIN=F0042\t'));
      expect(update?.command).toBe('DATA UPDATE USERINFO PIN=F0042\tName=Li Lei (sales)\tPri=0');
      for (const one of polled) await answer('PUSH-FRONT', one.id, 0);
      const command = (await t.http().get(`/devices/${device.front}/commands`).query({ pageSize: 100 }).set(admin.auth)).body.items.find((c: { id: number }) => String(c.id) === update?.id);
      expect(command).toMatchObject({ kind: 'user_update', state: 'done', returnCode: 0, pin: 'F0042' });
      // The PINs confirmed last: E0042 was deleted after its update, F0042 written after its delete.
      const listed = await users(device.front);
      expect(listed.map((user) => [user.pin, user.name, user.source])).toEqual([
        ['TEMP', 'Temp worker', 'pushed'],
        ['A0001', 'Administrator', 'pushed'],
        ['F0042', 'Li Lei (sales)', 'pushed'],
      ]);
      expect(listed.find((user) => user.pin === 'F0042')?.staff).toEqual({ id: staffId, employeeNo: 'F0042', name: 'Li Lei (sales)', active: true });
      await setMark();
      // A delete the terminal refuses leaves the user listed.
      await t.http().post(`/staff/${staffId}/deactivate`).set(admin.auth).send({ leftOn: '2026-11-30' }).expect(200);
      const [refused] = (await poll('PUSH-FRONT')).filter((one) => one.command === 'DATA DELETE USERINFO PIN=F0042');
      await answer('PUSH-FRONT', refused.id, -1002);
      expect((await users(device.front)).map((user) => user.pin)).toContain('F0042');
      await t.http().post(`/staff/${staffId}/reactivate`).set(admin.auth).send({}).expect((response) => expect(response.status).toBeLessThan(300));
      await t.http().post(`/staff/${staffId}/deactivate`).set(admin.auth).send({ leftOn: '2026-11-30' }).expect(200);
      for (const one of await poll('PUSH-FRONT')) await answer('PUSH-FRONT', one.id, 0);
      expect((await users(device.front)).map((user) => user.pin)).not.toContain('F0042');
      await setMark();
    });

    it('push_staff switched on: every active person queued at once, one audit row counting them', async () => {
      const active = await t.sql<{ employee_no: string; name: string }>('SELECT employee_no, name FROM staff WHERE active ORDER BY employee_no');
      await t.http().patch(`/devices/${device.manual}`).set(admin.auth).send({ pushStaff: true }).expect(200);
      expect((await queuedSinceMark()).manual).toEqual(active.map((person) => ['user_update', person.employee_no, person.name]));
      const audit = await t.sql<{ after: { queued: number; noPinCount: number } }>(`SELECT after FROM audit_log WHERE action = 'device.staff_push.all' AND entity_id = $1`, [device.manual]);
      expect(audit.map((row) => row.after)).toEqual([{ queued: active.length, pinMapping: 'employee_no', noPinCount: 0, noPin: [], sharedPinCount: 0, sharedPin: [] }]);
      await setMark();
      // Already pushing: a rename of the device queues nobody again.
      await t.http().patch(`/devices/${device.manual}`).set(admin.auth).send({ name: 'Manual no more', pushStaff: true }).expect(200);
      expect(await queuedSinceMark()).toEqual({});
      await t.http().patch(`/devices/${device.manual}`).set(admin.auth).send({ pushStaff: false }).expect(200);
      expect(await queuedSinceMark()).toEqual({});
    });

    it('a staff of 10,000: a device reactivated with push_staff on queues every one of them', async () => {
      // Numbers B900001…: digits that no PIN below has, so that these people stay out of the matching there.
      await t.sql(
        `INSERT INTO staff (employee_no, name, username, hired_on, work_started_on)
         SELECT 'B9' || lpad(g::text, 5, '0'), 'Bulk ' || g, 'bulk' || g, '2025-01-01', '2025-01-01' FROM generate_series(1, 10000) g`,
      );
      await t.http().patch(`/devices/${device.old}`).set(admin.auth).send({ active: true }).expect(200);
      const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM device_command WHERE device_id = $1 AND id > $2`, [device.old, mark]);
      expect(n).toBeGreaterThanOrEqual(10000);
      await t.sql(`UPDATE staff SET active = false, left_on = '2026-11-30' WHERE employee_no LIKE 'B9%'`);
      await setMark();
    });

    it('two active people with one PIN on a digits terminal (E0077, F0077): the second is not written over the first, nor is the first deleted with the second; audited', async () => {
      await newStaff(t, admin, { employeeNo: 'E0077', name: 'Wang Fang' });
      await setMark();
      const twin = await newStaff(t, admin, { employeeNo: 'F0077', name: 'Zhao Min' });
      // OLD pushes again since the step above; MANUAL no longer does.
      expect(await queuedSinceMark()).toEqual({ front: [['user_update', 'F0077', 'Zhao Min']], old: [['user_update', 'F0077', 'Zhao Min']] });
      const shared = await t.sql<{ after: { pins: string[]; deviceIds: string[] } }>(`SELECT after FROM audit_log WHERE action = 'device.staff_push.pin_shared' AND entity_id = $1`, [twin.id]);
      expect(shared.map((row) => row.after)).toEqual([{ pins: ['77'], deviceIds: [device.digits] }]);
      await setMark();
      await t.http().post(`/staff/${twin.id}/deactivate`).set(admin.auth).send({ leftOn: '2026-11-30' }).expect(200);
      expect(await queuedSinceMark()).toEqual({ front: [['user_delete', 'F0077', undefined]], old: [['user_delete', 'F0077', undefined]] });
      await t.sql(`UPDATE staff SET active = false, left_on = '2026-11-30' WHERE employee_no = 'E0077'`);
      await setMark();
    });
  });

  describe('B: the users each terminal holds', () => {
    it('a USERINFO upload creates the users without passwords or card numbers; again, it refreshes them', async () => {
      await newStaff(t, admin, { employeeNo: 'E0007', name: 'Han Meimei' });
      await newStaff(t, admin, { employeeNo: 'F0007', name: 'Wei Hua' });
      await upload('PUSH-DIGITS', 'USERINFO', [
        'USER PIN=7\tName=Han\tPri=0\tPasswd=123456\tCard=[0012D687]\tGrp=1',
        'USER PIN=42\tName=Li Lei\tPri=14\tPasswd=\tCard=[0000000000]\tGrp=1',
        'USER PIN=999\tName=Stranger\tPri=0\tPasswd=\tCard=\tGrp=1',
        'FP PIN=7\tFID=1\tTMP=AAAA',
      ]);
      const stored = await t.sql<Record<string, unknown>>('SELECT * FROM device_user WHERE device_id = $1 ORDER BY pin', [device.digits]);
      expect(JSON.stringify(stored)).not.toMatch(/123456|12D687/);
      // Nor in the upload kept as received.
      const kept = (await t.http().get(`/devices/${device.digits}/uploads`).set(admin.auth).expect(200)).body.items;
      expect(kept.map((one: { kind: string }) => one.kind)).toEqual(['USERINFO']);
      expect(JSON.stringify(kept)).not.toMatch(/123456|12D687/);
      const listed = await users(device.digits);
      // Two people have the digits 7, both active: ambiguous. 42 is Li Lei, who has left. 999 is nobody.
      expect(listed.map((user) => [user.pin, user.name, user.privilege, user.hasCard, user.source, user.staff?.employeeNo ?? null, user.staff?.active ?? null, user.unmatchedReason])).toEqual([
        ['7', 'Han', 0, true, 'terminal', null, null, 'ambiguous'],
        ['42', 'Li Lei', 14, false, 'terminal', 'F0042', false, null],
        ['999', 'Stranger', 0, false, 'terminal', null, null, 'no_staff'],
      ]);
      expect(listed.find((user) => user.pin === '7')).toMatchObject({ firstReportedAt: '2026-12-01T02:00:00.000Z', lastReportedAt: '2026-12-01T02:00:00.000Z' });

      clock.set('2026-12-01T11:00:00+08:00');
      await upload('PUSH-DIGITS', 'OPERLOG', ['USER PIN=7\tName=Han Meimei\tPri=0\tPasswd=\tCard=\tGrp=1']);
      expect((await users(device.digits)).find((user) => user.pin === '7')).toMatchObject({ name: 'Han Meimei', hasCard: false, firstReportedAt: '2026-12-01T02:00:00.000Z', lastReportedAt: '2026-12-01T03:00:00.000Z' });
      clock.set(NOW);
    });

    it('unmatched=true lists only users matching nobody; false only those that match; the device shows both counts', async () => {
      expect((await users(device.digits, { unmatched: 'true' })).map((user) => user.pin)).toEqual(['7', '999']);
      expect((await users(device.digits, { unmatched: 'false' })).every((user) => user.staff !== null)).toBe(true);
      const detail = (await t.http().get(`/devices/${device.digits}`).set(admin.auth).expect(200)).body;
      expect(detail).toMatchObject({ enrolledUsers: 3, unmatchedUsers: 2 });
      const list = (await t.http().get('/devices').set(admin.auth).expect(200)).body.items;
      expect(list.find((one: { id: string }) => one.id === device.digits)).toMatchObject({ enrolledUsers: 3, unmatchedUsers: 2 });
      expect(list.find((one: { id: string }) => one.id === device.manual)).toMatchObject({ enrolledUsers: 0, unmatchedUsers: 0 });
    });

    it('query_users: the office asks the terminal for its users; its answer comes back as an upload through the same path', async () => {
      const queued = await t.http().post(`/devices/${device.manual}/commands`).set(admin.auth).send({ kind: 'query_users' });
      expect([queued.status, queued.body.kind]).toEqual([201, 'query_users']);
      await t.http().patch(`/devices/${device.manual}`).set(admin.auth).send({ pushStaff: false }).expect(200);
      const polled = await poll('PUSH-MANUAL');
      const asked = polled.find((one) => one.command === 'DATA QUERY USERINFO');
      expect(asked).toBeDefined();
      await upload('PUSH-MANUAL', 'USERINFO', ['PIN=E0007\tName=Han Meimei\tPri=0\tPasswd=1\tCard=13375604']);
      for (const one of polled) await answer('PUSH-MANUAL', one.id, 0);
      expect((await users(device.manual)).find((user) => user.pin === 'E0007')).toMatchObject({ hasCard: true, source: 'terminal', staff: { employeeNo: 'E0007', active: true } });
    });

    it('only admins: others 403; an unknown device 404; unknown query fields 400', async () => {
      const employee = await newStaff(t, admin);
      expect((await t.http().get(`/devices/${device.front}/users`).set(employee.auth)).status).toBe(403);
      const missing = await t.http().get('/devices/00000000-0000-4000-8000-000000000000/users').set(admin.auth);
      expect([missing.status, missing.body.code]).toEqual([404, 'DEVICE_NOT_FOUND']);
      expect((await t.http().get(`/devices/${device.front}/users`).query({ unmatched: 'maybe' }).set(admin.auth)).status).toBe(400);
      expect((await t.http().get(`/devices/${device.front}/users`).query({ extra: '1' }).set(admin.auth)).status).toBe(400);
    });
  });
});
