import { FixedClock } from '../support/fixed-clock';
import { loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

describe('Time-clock imports and device keys (H-ATT-7)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    for (let i = 1; i <= 3; i++) await newStaff(t, admin, { employeeNo: `Z00${i}` });
  });
  afterAll(() => t.close());

  const importFile = (auth: Record<string, string>, body: string, type = 'text/csv') =>
    t.http().post('/punches/import?source=export.csv').set(auth).set('Content-Type', type).send(body);

  describe('POST /punches/import', () => {
    const csv = ['employeeNo,at', 'Z001,2026-11-16 08:29:10', 'Z001,2026-11-16T17:31:00+08:00', 'Z002,2026-11-16 08:31:00', 'Z999,2026-11-16 08:31:00', 'Z002,not a time', ''].join('\n');

    it('H-ATT-7: imports a CSV export with a per-line report; the same file twice adds nothing', async () => {
      const first = await importFile(admin.auth, csv);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ received: 5, inserted: 3, duplicates: 0 });
      expect(first.body.rejected).toEqual([
        { index: 4, reason: 'UNKNOWN_EMPLOYEE', message: expect.any(String) },
        { index: 5, reason: 'TIME_UNPARSEABLE', message: expect.any(String), raw: 'Z002,not a time' },
      ]);
      const second = await importFile(admin.auth, csv);
      expect(second.body).toMatchObject({ received: 5, inserted: 0, duplicates: 3 });
      const rows = await t.sql(`SELECT source, source_label FROM punch WHERE source = 'import'`);
      expect(rows).toHaveLength(3);
      expect(rows[0]).toEqual({ source: 'import', source_label: 'export.csv' });
    });

    it('H-ATT-7: imports the tab-separated ZKTeco attendance log with CRLF line ends, status 255 and device-local times', async () => {
      const log = ['Z003\t2026-11-17 08:20:01\t0\t1\t\t0\t0\t8', 'Z003\t2026-11-17 17:45:12\t255\t15\t\t0\t0\t8', 'Z003\t2026-11-17 17:45:12\t1\t1\t\t0\t0\t8'].join('\r\n');
      const response = await importFile(admin.auth, log, 'text/plain');
      expect(response.body).toMatchObject({ received: 3, inserted: 2, duplicates: 1, rejected: [] });
      const rows = await t.sql<{ at: Date }>(`SELECT at FROM punch p JOIN staff s ON s.id = p.staff_id WHERE s.employee_no = 'Z003' ORDER BY at`);
      expect(rows.map((row) => row.at.toISOString())).toEqual(['2026-11-17T00:20:01.000Z', '2026-11-17T09:45:12.000Z']);
    });

    it('streams a large file in chunks (chunk boundaries lose nothing)', async () => {
      const lines = ['employeeNo,at'];
      // 12,000 lines over 4 people-days × 3,000 seconds: crosses two 5,000-line chunks.
      for (let i = 0; i < 12_000; i++) {
        const second = 8 * 3600 + (i % 3000);
        const time = `${String(Math.floor(second / 3600)).padStart(2, '0')}:${String(Math.floor((second % 3600) / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}`;
        lines.push(`Z00${(i % 3) + 1},2026-11-0${1 + Math.floor(i / 3000)} ${time}`);
      }
      const response = await importFile(admin.auth, lines.join('\n'));
      expect(response.status).toBe(200);
      expect(response.body.received).toBe(12_000);
      expect(response.body.inserted + response.body.duplicates).toBe(12_000);
      expect(response.body.rejected).toEqual([]);
      const again = await importFile(admin.auth, lines.join('\n'));
      expect(again.body).toMatchObject({ inserted: 0, duplicates: 12_000 });
    });

    it('refuses a file it cannot recognise, in the one error shape', async () => {
      const response = await importFile(admin.auth, 'hello world\nsecond line');
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('IMPORT_FORMAT_UNKNOWN');
    });
  });

  describe('device keys', () => {
    it('admin registers a device: the key is shown once, stored only as a hash, and can only add punches', async () => {
      const created = await t.http().post('/devices').set(admin.auth).send({ name: 'Front door', serialNumber: 'CQZ7232460123' });
      expect(created.status).toBe(201);
      const key: string = created.body.apiKey;
      expect(key).toMatch(/^kqd_[0-9a-f]{12}_/);
      const stored = await t.sql<{ key_hash: string }>(`SELECT key_hash FROM device WHERE id = $1`, [created.body.id]);
      // kqd_ + 12 hex + _ , then the secret (base64url may itself contain _).
      const secret = key.slice('kqd_'.length + 12 + 1);
      expect(secret).toHaveLength(43);
      expect(stored[0].key_hash).not.toContain(secret);
      expect(stored[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify((await t.http().get('/devices').set(admin.auth)).body)).not.toContain(key);

      const device = { 'X-Device-Key': key };
      const batch = await t.http().post('/punches/batch').set(device).send({ punches: [{ employeeNo: 'Z001', at: '2026-11-19T08:28:00+08:00' }] });
      expect(batch.status).toBe(200);
      expect(batch.body.inserted).toBe(1);
      const rows = await t.sql(`SELECT source, device_id FROM punch WHERE at = '2026-11-19T00:28:00Z'`);
      expect(rows).toEqual([{ source: 'device', device_id: created.body.id }]);
      const listed = await t.http().get(`/devices/${created.body.id}`).set(admin.auth);
      expect(listed.body.lastPunchAt).not.toBeNull();

      for (const [method, path] of [['get', '/staff'], ['get', '/devices'], ['post', '/punches/clock'], ['get', '/attendance/today']] as const) {
        const response = await t.http()[method](path).set(device).send({});
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('DEVICE_NOT_ALLOWED');
      }
      const audit = await t.sql(`SELECT actor_kind, actor_id FROM audit_log WHERE action = 'punch.batch' ORDER BY id DESC LIMIT 1`);
      expect(audit[0]).toEqual({ actor_kind: 'device', actor_id: created.body.id });
    });

    it('a wrong, rotated or deactivated key is refused with 401', async () => {
      const created = await t.http().post('/devices').set(admin.auth).send({ name: 'Back door', serialNumber: 'CQZ7232460124' });
      const send = (key: string) => t.http().post('/punches/batch').set('X-Device-Key', key).send({ punches: [] });
      expect((await send(created.body.apiKey)).status).toBe(200);
      expect((await send(`${created.body.apiKey.slice(0, -2)}xx`)).status).toBe(401);
      expect((await send('nonsense')).body.code).toBe('DEVICE_KEY_INVALID');
      const rotated = await t.http().post(`/devices/${created.body.id}/rotate-key`).set(admin.auth).send();
      expect((await send(created.body.apiKey)).status).toBe(401);
      expect((await send(rotated.body.apiKey)).status).toBe(200);
      await t.http().patch(`/devices/${created.body.id}`).set(admin.auth).send({ active: false }).expect(200);
      expect((await send(rotated.body.apiKey)).status).toBe(401);
    });

    it('reads a device\'s local times in its own time zone', async () => {
      const created = await t.http().post('/devices').set(admin.auth).send({ name: 'Berlin office', serialNumber: 'BER0001', timeZone: 'Europe/Berlin' });
      const response = await t.http().post('/punches/batch').set('X-Device-Key', created.body.apiKey).send({ punches: [{ employeeNo: 'Z002', at: '2026-11-24 01:30:00' }] });
      expect(response.body.inserted).toBe(1);
      // 01:30 in Berlin (UTC+1 in November) is 00:30Z, 08:30 in Shanghai.
      const rows = await t.sql<{ at: Date }>(`SELECT at FROM punch WHERE device_id = $1`, [created.body.id]);
      expect(rows[0].at.toISOString()).toBe('2026-11-24T00:30:00.000Z');
    });

    it('only admins manage devices; a serial number is registered once', async () => {
      const employee = await newStaff(t, admin);
      expect((await t.http().post('/devices').set(employee.auth).send({ name: 'X', serialNumber: 'S1' })).status).toBe(403);
      expect((await t.http().get('/devices').set(employee.auth)).status).toBe(403);
      const duplicate = await t.http().post('/devices').set(admin.auth).send({ name: 'Again', serialNumber: 'CQZ7232460123' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('DEVICE_SERIAL_TAKEN');
      expect((await t.http().post('/devices').set(admin.auth).send({ name: 'Bad zone', serialNumber: 'S2', timeZone: 'Nowhere/Land' })).status).toBe(400);
    });
  });
});
