import type { RejectedLineDto } from '../../src/devices/dto/device.dto';
import { loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 13, "Availability": rejected lines a terminal uploads are kept up to
 * DEVICE_REJECTED_LINES_MAX per device (5 here); the oldest are dropped, counted and shown.
 */
describe('Rejected device lines are bounded per device (issue 13, H-ATT-7)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let front: { id: string };
  let back: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ clock, config: { deviceRejectedLinesMax: 5 } });
    admin = await loginAdmin(t);
    await newStaff(t, admin, { employeeNo: '30000001' });
    front = (await t.http().post('/devices').set(admin.auth).send({ name: 'Front', serialNumber: 'CAP-FRONT' })).body;
    back = (await t.http().post('/devices').set(admin.auth).send({ name: 'Back', serialNumber: 'CAP-BACK' })).body;
  });
  afterAll(() => t.close());

  const unknownPin = (n: number) => `${90000000 + n}\t2026-11-20 08:30:00\t0\t1`;
  const push = (serial: string, lines: string[]) => t.http().post(`/iclock/cdata?SN=${serial}&table=ATTLOG`).set('Content-Type', 'text/plain').buffer(true).send(lines.join('\n'));
  const kept = async (id: string) => (await t.http().get(`/devices/${id}/rejected-lines`).query({ pageSize: 200 }).set(admin.auth)).body as { items: RejectedLineDto[]; total: number };
  const dropped = async (id: string) => (await t.http().get(`/devices/${id}`).set(admin.auth)).body.rejectedLinesDropped as number;

  it('keeps the newest lines up to the cap, drops the oldest and counts them on the device', async () => {
    expect(await dropped(front.id)).toBe(0);
    clock.set('2026-11-27T10:00:00+08:00');
    expect((await push('CAP-FRONT', [1, 2, 3].map(unknownPin))).text).toBe('OK:0');
    clock.set('2026-11-27T10:01:00+08:00');
    expect((await push('CAP-FRONT', [4, 5, 6, 7].map(unknownPin).concat('30000001\t2026-11-20 08:30:00\t0\t1'))).text).toBe('OK:1');
    const list = await kept(front.id);
    expect(list.total).toBe(5);
    expect(list.items.map((line) => line.line).sort()).toEqual([3, 4, 5, 6, 7].map(unknownPin));
    expect(await dropped(front.id)).toBe(2);
    const listed = await t.http().get('/devices').set(admin.auth);
    expect(listed.body.items.find((device: { id: string }) => device.id === front.id).rejectedLinesDropped).toBe(2);
  });

  it('a line sent again moves to the front instead of being dropped; one upload larger than the cap keeps its last lines', async () => {
    clock.set('2026-11-27T10:02:00+08:00');
    await push('CAP-FRONT', [unknownPin(3)]).expect(200);
    expect((await kept(front.id)).items[0]).toMatchObject({ line: unknownPin(3), times: 2 });
    expect(await dropped(front.id)).toBe(2);
    clock.set('2026-11-27T10:03:00+08:00');
    // 20 new distinct lines, plus line 3 again early in the upload: the last 5 stay, everything else goes.
    await push('CAP-FRONT', [unknownPin(3), ...Array.from({ length: 20 }, (_, i) => unknownPin(100 + i))]).expect(200);
    const list = await kept(front.id);
    expect(list.items.map((line) => line.line).sort()).toEqual([115, 116, 117, 118, 119].map(unknownPin));
    // Before: 5 kept (3…7). Now 21 distinct lines, 5 written: 15 new ones never stored, line 3 (stored
    // before, skipped now) and lines 4…7 trimmed: 2 + 15 + 5 = 22.
    expect(await dropped(front.id)).toBe(22);
    const rows = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM device_rejected_line WHERE device_id = $1`, [front.id]);
    expect(rows[0].n).toBe(5);
  });

  it('the cap is per device: another terminal keeps its own lines', async () => {
    await push('CAP-BACK', [1, 2].map(unknownPin)).expect(200);
    expect((await kept(back.id)).total).toBe(2);
    expect(await dropped(back.id)).toBe(0);
    expect((await kept(front.id)).total).toBe(5);
  });

  it('a line whose bytes are not UTF-8 is kept as rejected (INVALID_LINE), even when only its lenient fields are broken', async () => {
    const body = Buffer.concat([Buffer.from('30000001\t2026-11-21 08:30:00\t0\t1\t'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    const response = await t.http().post('/iclock/cdata?SN=CAP-BACK&table=ATTLOG').set('Content-Type', 'text/plain').buffer(true).send(body);
    expect(response.text).toBe('OK:0');
    expect((await kept(back.id)).items[0]).toMatchObject({ reason: 'INVALID_LINE', message: 'the line is not valid UTF-8 text (or holds control characters)' });
    expect(await t.sql(`SELECT 1 FROM punch WHERE at = '2026-11-21T00:30:00Z'`)).toHaveLength(0);
  });
});
