import type { RetryResultDto } from '../../src/iclock/dto/rejected-line-retry.dto';
import type { RejectedLineDto } from '../../src/devices/dto/device.dto';
import { loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

// Issue 19: rejected device lines are retried by the office once their cause is fixed, through the
// same idempotent punch path (H-ATT-7: the clock records are the only source, nothing recorded is lost).
// The app clock stands on Tuesday 2026-12-01 10:00 in Shanghai (02:00Z); company zone Asia/Shanghai.
const NOW = '2026-12-01T10:00:00+08:00';

describe('Rejected device lines retried once the cause is fixed (issue 19, H-ATT-7)', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    await newStaff(t, admin, { employeeNo: '5001' });
  });
  afterAll(() => t.close());

  const register = async (serial: string, extra: Record<string, unknown> = {}) => (await t.http().post('/devices').set(admin.auth).send({ name: serial, serialNumber: serial, ...extra }).expect(201)).body as { id: string };
  const push = (serial: string, lines: string[]) => t.http().post(`/iclock/cdata?SN=${serial}&table=ATTLOG`).set('Content-Type', 'text/plain').buffer(true).send(lines.join('\n'));
  const rejected = async (id: string): Promise<RejectedLineDto[]> => (await t.http().get(`/devices/${id}/rejected-lines`).query({ pageSize: 200 }).set(admin.auth)).body.items;
  const retryDevice = (id: string, body: Record<string, unknown> = {}) => t.http().post(`/devices/${id}/rejected-lines/retry`).set(admin.auth).send(body);
  const punchesAt = (employeeNo: string) =>
    t.sql<{ at: Date; source_label: string; created_by: string }>(`SELECT p.at, p.source_label, p.created_by FROM punch p JOIN staff s ON s.id = p.staff_id WHERE s.employee_no = $1 ORDER BY p.at`, [employeeNo]);

  it('a fast clock: the punch is rejected (TIME_IN_FUTURE), the skew is shown; accepted for a period, the line is stored with the skew taken off', async () => {
    const device = await register('RETRY-FAST');
    expect((await push('RETRY-FAST', ['5001\t2026-12-01 10:05:00\t0\t1', '5001\t2026-11-28 10:05:00\t0\t1'])).text).toBe('OK:1');
    expect((await rejected(device.id)).map((line) => line.reason)).toEqual(['TIME_IN_FUTURE']);
    expect((await t.http().get(`/devices/${device.id}`).set(admin.auth)).body.clockSkewSeconds).toBe(300);

    // Retried as it is, the line is still in the future: it stays, with its reason.
    const unchanged = await retryDevice(device.id, { reason: 'TIME_IN_FUTURE' });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toMatchObject({ retried: 1, stored: 0, stillRejected: 1, lines: [{ deviceId: device.id, result: 'rejected', reason: 'TIME_IN_FUTURE' }] });

    // The office accepts the 300 s measured for 1 December: 10:05 on the terminal was 10:00.
    const response = await retryDevice(device.id, { reason: 'TIME_IN_FUTURE', clockSkewSeconds: 300, from: '2026-12-01', to: '2026-12-01' });
    expect(response.status).toBe(200);
    expect(response.body as RetryResultDto).toEqual({
      retried: 1,
      stored: 1,
      stillRejected: 0,
      lines: [{ deviceId: device.id, line: '5001\t2026-12-01 10:05:00\t0\t1', result: 'stored', reason: null, message: null }],
    });
    const stored = (await punchesAt('5001')).find((row) => row.at.toISOString() === '2026-12-01T02:00:00.000Z');
    expect(stored).toMatchObject({ source_label: 'ATTLOG status 0 verify 1 fingerprint skew 300s', created_by: admin.id });
    expect(await rejected(device.id)).toEqual([]);
    const audit = await t.sql<{ actor_id: string; entity_id: string; after: Record<string, unknown> }>(`SELECT actor_id, entity_id, after FROM audit_log WHERE action = 'device.rejected_lines.retry' ORDER BY id DESC LIMIT 1`);
    expect(audit[0]).toMatchObject({ actor_id: admin.id, entity_id: device.id, after: { reason: 'TIME_IN_FUTURE', clockSkew: { seconds: 300, from: '2026-12-01', to: '2026-12-01' }, stored: 1, lines: [{ line: '5001\t2026-12-01 10:05:00\t0\t1', result: 'stored' }] } });
    // The retry is the office's doing, not a contact of the terminal.
    expect((await t.http().get(`/devices/${device.id}`).set(admin.auth)).body.lastSeenAt).toBe('2026-12-01T02:00:00.000Z');
  });

  it('an unknown PIN: once the person is registered, retrying the cause on every device stores the lines of both terminals', async () => {
    const a = await register('RETRY-PIN-A');
    const b = await register('RETRY-PIN-B');
    await push('RETRY-PIN-A', ['5002\t2026-11-30 08:31:00\t0\t1', 'garbage']).expect(200);
    await push('RETRY-PIN-B', ['5002\t2026-11-30 17:35:00\t1\t1']).expect(200);
    expect((await rejected(a.id)).map((line) => line.reason).sort()).toEqual(['INVALID_LINE', 'UNKNOWN_EMPLOYEE']);

    await newStaff(t, admin, { employeeNo: '5002' });
    const response = await t.http().post('/devices/rejected-lines/retry').set(admin.auth).send({ reason: 'UNKNOWN_EMPLOYEE' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ retried: 2, stored: 2, stillRejected: 0 });
    expect((await punchesAt('5002')).map((row) => row.at.toISOString())).toEqual(['2026-11-30T00:31:00.000Z', '2026-11-30T09:35:00.000Z']);
    // The unreadable line was not retried (another cause) and stays.
    expect((await rejected(a.id)).map((line) => line.reason)).toEqual(['INVALID_LINE']);
    expect(await rejected(b.id)).toEqual([]);
    // Nothing left of that cause: a second retry does nothing.
    expect((await t.http().post('/devices/rejected-lines/retry').set(admin.auth).send({ reason: 'UNKNOWN_EMPLOYEE' })).body).toEqual({ retried: 0, stored: 0, stillRejected: 0, lines: [] });
  });

  it('a PIN mapped: the device told to read PINs as the digits of the employee number, its lines are retried and stored', async () => {
    await newStaff(t, admin, { employeeNo: 'E0077' });
    const device = await register('RETRY-MAP');
    await push('RETRY-MAP', ['77\t2026-11-30 08:20:00\t0\t1']).expect(200);
    expect((await rejected(device.id)).map((line) => line.reason)).toEqual(['UNKNOWN_EMPLOYEE']);
    await t.http().patch(`/devices/${device.id}`).set(admin.auth).send({ pinMapping: 'employee_no_digits' }).expect(200);
    expect((await retryDevice(device.id)).body).toMatchObject({ retried: 1, stored: 1 });
    expect((await punchesAt('E0077')).map((row) => row.at.toISOString())).toEqual(['2026-11-30T00:20:00.000Z']);
  });

  it('a closed month: still rejected while closed, stored once finance reopens it; a line found stored already leaves the list too', async () => {
    await t.sql(`INSERT INTO accounting_month (month, state) VALUES ('2026-10', 'closed') ON CONFLICT (month) DO UPDATE SET state = 'closed'`);
    const device = await register('RETRY-CLOSED');
    await push('RETRY-CLOSED', ['5001\t2026-10-15 08:30:00\t0\t1', '5001\t2026-10-15 17:30:00\t1\t1']).expect(200);
    expect((await retryDevice(device.id, { reason: 'MONTH_CLOSED' })).body).toMatchObject({ retried: 2, stored: 0, stillRejected: 2 });
    await t.sql(`UPDATE accounting_month SET state = 'open' WHERE month = '2026-10'`);
    // One of the two punches reached the database meanwhile (another terminal, a batch): found stored, it leaves the list as well.
    const staff = await t.sql<{ id: string }>(`SELECT id FROM staff WHERE employee_no = '5001'`);
    await t.sql(`INSERT INTO punch (staff_id, at, source, reason, created_by) VALUES ($1, '2026-10-15T09:30:00Z', 'manual', 'entered by hand', $2)`, [staff[0].id, admin.id]);
    const response = await retryDevice(device.id);
    expect(response.body).toMatchObject({ retried: 2, stored: 2, stillRejected: 0 });
    expect(await rejected(device.id)).toEqual([]);
    expect((await punchesAt('5001')).filter((row) => row.at.toISOString().startsWith('2026-10-15'))).toHaveLength(2);
  });

  it('bad requests: a skew without its period, a period that ends before it starts, an unknown field or reason (400); unknown device 404; only admins (403)', async () => {
    const device = await register('RETRY-BAD');
    const partial = await retryDevice(device.id, { clockSkewSeconds: 300 });
    expect([partial.status, partial.body.code, partial.body.details.map((detail: { field: string }) => detail.field)]).toEqual([400, 'VALIDATION_FAILED', ['from', 'to']]);
    const reversed = await retryDevice(device.id, { clockSkewSeconds: 300, from: '2026-12-02', to: '2026-12-01' });
    expect([reversed.status, reversed.body.details]).toEqual([400, [{ field: 'to', message: '不能早于 2026-12-02' }]]);
    expect((await retryDevice(device.id, { everything: true })).status).toBe(400);
    expect((await t.http().post('/devices/rejected-lines/retry').set(admin.auth).send({ reason: 'BORED' })).status).toBe(400);
    expect((await t.http().post('/devices/rejected-lines/retry').set(admin.auth).send({})).status).toBe(400);
    const missing = await retryDevice('00000000-0000-4000-8000-000000000000');
    expect([missing.status, missing.body.code]).toEqual([404, 'DEVICE_NOT_FOUND']);
    const employee = await newStaff(t, admin);
    expect((await t.http().post(`/devices/${device.id}/rejected-lines/retry`).set(employee.auth).send({})).status).toBe(403);
    expect((await t.http().post('/devices/rejected-lines/retry').set(employee.auth).send({ reason: 'MONTH_CLOSED' })).status).toBe(403);
  });
});
