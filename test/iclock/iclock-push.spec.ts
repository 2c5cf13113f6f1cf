import type { AttendanceDayDto, AttendanceMonthDto } from '../../src/attendance/dto/attendance-day.dto';
import type { RejectedLineDto } from '../../src/devices/dto/device.dto';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

// Issue 8: a ZKTeco terminal pushing over the ADMS / PUSH protocol, replayed over HTTP as a real
// terminal sends it. The app clock stands on Friday 2026-11-27 10:00 in Shanghai (02:00Z), so
// every November date before it is final. Company zone Asia/Shanghai (UTC+8, no summer time);
// office shift 08:30–12:00 + 13:00–17:30, no grace minutes (H-ATT-3, H-ATT-5).
const NOW = '2026-11-27T10:00:00+08:00';
const FRONT = 'CQZ7232460123';
const BERLIN = 'BER7232460001';

describe('Terminals push punches (ZKTeco ADMS / PUSH protocol)', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedIn;
  let late: CreatedStaff;
  let early: CreatedStaff;
  let front: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    late = await newStaff(t, admin, { employeeNo: '20156107' });
    early = await newStaff(t, admin, { employeeNo: '20156108' });
    await newStaff(t, admin, { employeeNo: '20156109' });
    // Staff are not pushed to it: its polls find no user commands queued (staff-push.spec.ts covers those).
    const created = await t.http().post('/devices').set(admin.auth).send({ name: 'Front door', serialNumber: FRONT, pushStaff: false });
    expect(created.status).toBe(201);
    front = created.body;
  });
  afterAll(() => t.close());

  /** What a terminal sends: text/plain unless told otherwise. */
  const push = (serial: string, table: string, lines: string[], options: { eol?: string; stamp?: string; type?: string | null } = {}) => {
    const request = t
      .http()
      .post(`/iclock/cdata?SN=${serial}&table=${table}${options.stamp ? `&Stamp=${options.stamp}` : ''}`)
      .buffer(true);
    if (options.type !== null) request.set('Content-Type', options.type ?? 'text/plain');
    return request.send(lines.join(options.eol ?? '\n'));
  };
  const handshake = (serial: string) => t.http().get(`/iclock/cdata?SN=${serial}&options=all&pushver=2.4.1&language=83`).buffer(true);
  const punchesOf = (employeeNo: string) =>
    t.sql<{ at: Date; source: string; device_id: string; source_label: string }>(
      `SELECT p.at, p.source, p.device_id, p.source_label FROM punch p JOIN staff s ON s.id = p.staff_id WHERE s.employee_no = $1 ORDER BY p.at`,
      [employeeNo],
    );
  const rejectedLines = async (deviceId: string): Promise<RejectedLineDto[]> => {
    const response = await t.http().get(`/devices/${deviceId}/rejected-lines`).query({ pageSize: 200 }).set(admin.auth);
    expect(response.status).toBe(200);
    return response.body.items;
  };

  describe('handshake', () => {
    it('answers the settings in plain text, first GET OPTION FROM, with the Date header from the service clock', async () => {
      const response = await handshake(FRONT);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      // Terminals set their clock from this header: 10:00 in Shanghai is 02:00 GMT.
      expect(response.headers.date).toBe('Fri, 27 Nov 2026 02:00:00 GMT');
      expect(response.text.split('\n')).toEqual([
        `GET OPTION FROM: ${FRONT}`,
        'ATTLOGStamp=0',
        'OPERLOGStamp=0',
        'ATTPHOTOStamp=0',
        'ERRORLOGStamp=0',
        'Stamp=0',
        'OpStamp=0',
        'PhotoStamp=0',
        'ErrorDelay=60',
        'Delay=30',
        'TransTimes=00:00;14:05',
        'TransInterval=1',
        'TransFlag=TransData AttLog\tOpLog',
        // No zone of its own: the company's, UTC+8, in hours by default.
        'TimeZone=8',
        'Realtime=1',
        'Encrypt=0',
        'ServerVer=2.4.1',
        'PushProtVer=2.4.1',
        'PushOptionsFlag=1',
        'SupportPing=1',
      ]);
      const device = await t.http().get(`/devices/${front.id}`).set(admin.auth);
      expect(device.body).toMatchObject({ lastSeenAt: '2026-11-27T02:00:00.000Z', lastPunchAt: null, pinMapping: 'employee_no', timeZoneUnit: 'hours' });
    });

    it('TimeZone is written as the PUSH document says whatever the (no longer read) timeZoneUnit says (issue 19)', async () => {
      await t.http().patch(`/devices/${front.id}`).set(admin.auth).send({ timeZoneUnit: 'minutes' }).expect(200);
      expect((await handshake(FRONT)).text).toContain('\nTimeZone=8\n');
      await t.http().patch(`/devices/${front.id}`).set(admin.auth).send({ timeZoneUnit: 'hours' }).expect(200);
      expect((await handshake(FRONT)).text).toContain('\nTimeZone=8\n');
      const wrong = await t.http().patch(`/devices/${front.id}`).set(admin.auth).send({ timeZoneUnit: 'seconds' });
      expect(wrong.status).toBe(400);
    });
  });

  describe('ATTLOG uploads', () => {
    // A morning and an evening of two people, as the terminal writes them (device-local time).
    const batch = [
      '20156107\t2026-11-16 08:47:00\t0\t1\t\t0\t0\t8',
      '20156108\t2026-11-16 08:21:40\t0\t15\t\t0\t0\t8',
      '20156107\t2026-11-16 17:35:10\t1\t1\t\t0\t0\t8',
      '20156108\t2026-11-16 17:31:02\t1\t15\t\t0\t0\t8',
    ];

    it('H-ATT-7: stores a batch (LF) through the punch path and answers OK:<lines>; device-local times read in the company zone', async () => {
      const response = await push(FRONT, 'ATTLOG', batch, { stamp: '1000' });
      expect(response.status).toBe(200);
      expect(response.text).toBe('OK:4');
      expect(response.headers.date).toBe('Fri, 27 Nov 2026 02:00:00 GMT');
      const rows = await punchesOf('20156107');
      expect(rows.map((row) => row.at.toISOString())).toEqual(['2026-11-16T00:47:00.000Z', '2026-11-16T09:35:10.000Z']);
      expect(rows[0]).toMatchObject({ source: 'device', device_id: front.id, source_label: 'ATTLOG status 0 verify 1 fingerprint' });
      const audit = await t.sql(`SELECT actor_kind, actor_id, after FROM audit_log WHERE action = 'punch.iclock' ORDER BY id DESC LIMIT 1`);
      expect(audit[0]).toMatchObject({ actor_kind: 'device', actor_id: front.id, after: { received: 4, inserted: 4, duplicates: 0, rejected: 0 } });
      const device = await t.http().get(`/devices/${front.id}`).set(admin.auth);
      expect(device.body.lastPunchAt).toBe('2026-11-27T02:00:00.000Z');
    });

    it('H-ATT-7: the same batch again (a lost answer) stores nothing new and is still answered OK, so the terminal stops re-sending', async () => {
      const response = await push(FRONT, 'ATTLOG', batch, { stamp: '1000' });
      expect(response.text).toBe('OK:4');
      expect(await punchesOf('20156107')).toHaveLength(2);
      expect(await punchesOf('20156108')).toHaveLength(2);
      expect(await rejectedLines(front.id)).toEqual([]);
    });

    it('the upload counter is answered back in the next handshake, so a restarted terminal does not upload its whole log again', async () => {
      expect((await handshake(FRONT)).text).toContain('\nATTLOGStamp=1000\n');
    });

    it('H-ATT-7: CRLF line ends are read like LF', async () => {
      const response = await push(FRONT, 'ATTLOG', ['20156109\t2026-11-17 08:29:59\t0\t1\t\t0\t0\t8', '20156109\t2026-11-17 17:30:00\t1\t1\t\t0\t0\t8', ''], { eol: '\r\n', stamp: '1002' });
      expect(response.text).toBe('OK:2');
      expect((await punchesOf('20156109')).map((row) => row.at.toISOString())).toEqual(['2026-11-17T00:29:59.000Z', '2026-11-17T09:30:00.000Z']);
    });

    it('H-ATT-7: status 255 (no in/out pressed) lines are punches like any other: the punch window decides', async () => {
      const response = await push(FRONT, 'ATTLOG', ['20156109\t2026-11-18 08:10:00\t255\t1\t\t0\t0\t8', '20156109\t2026-11-18 18:02:00\t255\t4\t\t0\t0\t8']);
      expect(response.text).toBe('OK:2');
      const rows = (await punchesOf('20156109')).filter((row) => row.at.toISOString().startsWith('2026-11-18'));
      expect(rows.map((row) => row.source_label)).toEqual(['ATTLOG status 255 verify 1 fingerprint', 'ATTLOG status 255 verify 4 card']);
    });

    it('H-ATT-5, H-ATT-7: pushed punches show up in GET /attendance — 08:47 is 17 minutes late', async () => {
      const response = await t.http().get('/attendance').query({ staffId: late.id, month: '2026-11' }).set(admin.auth);
      expect(response.status).toBe(200);
      const day = (response.body as AttendanceMonthDto).days.find((d: AttendanceDayDto) => d.date === '2026-11-16');
      expect(day).toMatchObject({ status: 'late', lateMinutes: 17, firstIn: '2026-11-16T00:47:00.000Z', lastOut: '2026-11-16T09:35:10.000Z' });
      const onTime = await t.http().get('/attendance').query({ staffId: early.id, month: '2026-11' }).set(admin.auth);
      expect(onTime.body.days.find((d: AttendanceDayDto) => d.date === '2026-11-16')).toMatchObject({ status: 'present', lateMinutes: 0 });
    });

    it('reads the body whatever the terminal calls it: no Content-Type, or form-urlencoded', async () => {
      expect((await push(FRONT, 'ATTLOG', ['20156108\t2026-11-19 08:20:00\t0\t1'], { type: null })).text).toBe('OK:1');
      expect((await push(FRONT, 'ATTLOG', ['20156108\t2026-11-19 17:40:00\t1\t1'], { type: 'application/x-www-form-urlencoded' })).text).toBe('OK:1');
      expect((await punchesOf('20156108')).filter((row) => row.at.toISOString().startsWith('2026-11-19'))).toHaveLength(2);
    });

    it('H-ATT-7: a garbage body never fails the request: every line is counted as not stored and kept with its reason', async () => {
      const garbage = Buffer.from('hello world\n\u0000\u0001\u00ff\u00fe binary\r\n20156107\tyesterday\t0\t1\n99999999\t2026-11-20 08:30:00\t0\t1\n', 'latin1');
      const response = await t.http().post(`/iclock/cdata?SN=${FRONT}&table=ATTLOG&Stamp=1003`).set('Content-Type', 'application/octet-stream').send(garbage);
      expect(response.status).toBe(200);
      expect(response.text).toBe('OK:0');
      const kept = await rejectedLines(front.id);
      expect(kept.map((line) => line.reason).sort()).toEqual(['INVALID_LINE', 'INVALID_LINE', 'TIME_UNPARSEABLE', 'UNKNOWN_EMPLOYEE']);
      expect(kept.find((line) => line.reason === 'UNKNOWN_EMPLOYEE')).toMatchObject({ line: '99999999\t2026-11-20 08:30:00\t0\t1', times: 1, message: expect.stringContaining('99999999') });
      // The terminal sends it again: the same lines, counted, not duplicated.
      await t.http().post(`/iclock/cdata?SN=${FRONT}&table=ATTLOG`).set('Content-Type', 'application/octet-stream').send(garbage).expect(200);
      const again = await rejectedLines(front.id);
      expect(again).toHaveLength(4);
      expect(again.every((line) => line.times === 2)).toBe(true);
    });

    it('a JSON body, well-formed or not, is refused in plain text (BODY_NOT_TEXT): a terminal cannot read the JSON error shape', async () => {
      for (const body of ['{"lines": []}', '{"lines": [']) {
        const response = await t.http().post(`/iclock/cdata?SN=${FRONT}&table=ATTLOG`).set('Content-Type', 'application/json').send(body).buffer(true);
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(/^text\/plain/);
        expect(response.text).toMatch(/^BODY_NOT_TEXT: /);
      }
    });

    it('a body over 1 MB is refused with 413 and nothing of it is stored', async () => {
      const line = '20156107\t2026-11-20 08:30:00\t0\t1\t\t0\t0\t8';
      const huge = Array.from({ length: Math.ceil((1024 * 1024) / line.length) + 10 }, () => line);
      const raw = await push(FRONT, 'ATTLOG', huge, { type: null });
      expect(raw.status).toBe(413);
      expect(raw.headers['content-type']).toMatch(/^text\/plain/);
      expect(raw.text).toMatch(/^PAYLOAD_TOO_LARGE: /);
      const textPlain = await push(FRONT, 'ATTLOG', huge);
      expect(textPlain.status).toBe(413);
      expect((await punchesOf('20156107')).filter((row) => row.at.toISOString().startsWith('2026-11-20'))).toEqual([]);
    });

    it('H-ATT-7: a punch in a month finance has closed is kept as rejected (MONTH_CLOSED) and the terminal still gets OK', async () => {
      await t.sql(`INSERT INTO accounting_month (month, state) VALUES ('2026-10', 'closed') ON CONFLICT (month) DO UPDATE SET state = 'closed'`);
      const closedLine = '20156108\t2026-10-15 08:30:00\t0\t1\t\t0\t0\t8';
      const response = await push(FRONT, 'ATTLOG', [closedLine, '20156108\t2026-11-23 08:30:00\t0\t1\t\t0\t0\t8']);
      expect(response.status).toBe(200);
      expect(response.text).toBe('OK:1');
      const rows = await punchesOf('20156108');
      expect(rows.some((row) => row.at.toISOString().startsWith('2026-10'))).toBe(false);
      expect(rows.some((row) => row.at.toISOString() === '2026-11-23T00:30:00.000Z')).toBe(true);
      expect((await rejectedLines(front.id)).find((line) => line.line === closedLine)).toMatchObject({ reason: 'MONTH_CLOSED', message: expect.stringContaining('2026-10-15') });
    });

    it('a device in another time zone: its handshake gives its own offset and its local times are read in its zone', async () => {
      const created = await t.http().post('/devices').set(admin.auth).send({ name: 'Berlin office', serialNumber: BERLIN, timeZone: 'Europe/Berlin', timeZoneUnit: 'minutes' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ timeZone: 'Europe/Berlin', timeZoneUnit: 'minutes' });
      // Berlin is UTC+1 in November: whole hours, so in hours whatever the (no longer read) unit says (issue 19).
      expect((await handshake(BERLIN)).text).toContain('\nTimeZone=1\n');
      expect((await push(BERLIN, 'ATTLOG', ['20156109\t2026-11-24 01:30:00\t0\t1'])).text).toBe('OK:1');
      // 01:30 in Berlin is 00:30Z, 08:30 in Shanghai: on time.
      const rows = await t.sql<{ at: Date }>(`SELECT at FROM punch WHERE device_id = $1`, [created.body.id]);
      expect(rows.map((row) => row.at.toISOString())).toEqual(['2026-11-24T00:30:00.000Z']);
    });

    it('a device whose PINs are the digits of the employee number (PIN 0002 is E0002); a PIN two people share is kept as rejected', async () => {
      await newStaff(t, admin, { employeeNo: 'E0002' });
      await newStaff(t, admin, { employeeNo: 'E0005' });
      await newStaff(t, admin, { employeeNo: 'F0005' });
      const created = await t.http().post('/devices').set(admin.auth).send({ name: 'Warehouse', serialNumber: 'WH7232460002', pinMapping: 'employee_no_digits' });
      expect(created.body.pinMapping).toBe('employee_no_digits');
      const response = await push('WH7232460002', 'ATTLOG', ['0002\t2026-11-25 08:30:00\t0\t1', '2\t2026-11-25 17:30:00\t1\t1', '5\t2026-11-25 08:30:00\t0\t1']);
      expect(response.text).toBe('OK:2');
      expect((await punchesOf('E0002')).map((row) => row.at.toISOString())).toEqual(['2026-11-25T00:30:00.000Z', '2026-11-25T09:30:00.000Z']);
      expect(await rejectedLines(created.body.id)).toEqual([
        expect.objectContaining({ line: '5\t2026-11-25 08:30:00\t0\t1', reason: 'UNKNOWN_EMPLOYEE', message: 'PIN 5 matches several employee numbers (E0005, F0005)' }),
      ]);
    });
  });

  describe('other tables, polls and command results', () => {
    it('an OPERLOG upload (users, operations, fingerprint templates) is answered OK:<lines> and stores no punch', async () => {
      const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM punch`);
      const response = await push(FRONT, 'OPERLOG', ['USER PIN=20156107\tName=王芳\tPri=0\tPasswd=\tCard=\tGrp=1\tTZ=0000000100000000', 'OPLOG 4\t0\t2026-11-27 09:58:00\t0\t0\t0\t0', 'FP PIN=20156107\tFID=6\tSize=1024\tValid=1\tTMP=ocosgoulTUEAAAAA'], { stamp: '77' });
      expect(response.status).toBe(200);
      expect(response.text).toBe('OK:3');
      expect((await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM punch`))[0].n).toBe(before[0].n);
      expect((await handshake(FRONT)).text).toContain('\nOPERLOGStamp=77\n');
    });

    it('ATTPHOTO, options and tables it does not know are answered OK:<lines kept>', async () => {
      for (const table of ['ATTPHOTO', 'options', 'BIODATA']) {
        const response = await push(FRONT, table, ['PIN=1\tSN=x\tsize=10\tCMD=uploadphoto']);
        expect([response.status, response.text]).toEqual([200, 'OK:1']);
      }
    });

    it('a getrequest poll is answered OK (never a command, so never a Shell command) and counts as the last contact', async () => {
      clock.set('2026-11-27T10:05:00+08:00');
      const response = await t.http().get(`/iclock/getrequest?SN=${FRONT}&INFO=Ver%206.60,12,3,1500,192.168.1.201`).buffer(true);
      expect([response.status, response.text]).toEqual([200, 'OK']);
      expect(response.headers.date).toBe('Fri, 27 Nov 2026 02:05:00 GMT');
      expect((await t.http().get(`/devices/${front.id}`).set(admin.auth)).body.lastSeenAt).toBe('2026-11-27T02:05:00.000Z');
      clock.set(NOW);
    });

    it('a devicecmd result and a ping are answered OK', async () => {
      const result = await t.http().post(`/iclock/devicecmd?SN=${FRONT}`).set('Content-Type', 'text/plain').send('ID=1&Return=0&CMD=INFO\n').buffer(true);
      expect([result.status, result.text]).toEqual([200, 'OK']);
      const ping = await t.http().get(`/iclock/ping?SN=${FRONT}`).buffer(true);
      expect([ping.status, ping.text]).toEqual([200, 'OK']);
    });
  });

  describe('who may push', () => {
    it('an unregistered serial is refused in plain text, stores nothing, and is listed in GET /devices/unknown until registered', async () => {
      const stranger = 'CQZ9999999999';
      const first = await handshake(stranger);
      expect(first.status).toBe(403);
      expect(first.headers['content-type']).toMatch(/^text\/plain/);
      expect(first.text).toMatch(/^DEVICE_NOT_REGISTERED: Device CQZ9999999999 is not registered/);
      const upload = await push(stranger, 'ATTLOG', ['20156107\t2026-11-26 08:30:00\t0\t1']);
      expect(upload.status).toBe(403);
      expect(await punchesOf('20156107')).toHaveLength(2);

      const unknown = await t.http().get('/devices/unknown').set(admin.auth);
      expect(unknown.status).toBe(200);
      expect(unknown.body.items).toEqual([
        { serialNumber: stranger, firstSeenAt: '2026-11-27T02:00:00.000Z', lastSeenAt: '2026-11-27T02:00:00.000Z', attempts: 2, lastIp: expect.any(String), lastRequest: 'POST /iclock/cdata' },
      ]);

      await t.http().post('/devices').set(admin.auth).send({ name: 'Side door', serialNumber: stranger }).expect(201);
      expect((await t.http().get('/devices/unknown').set(admin.auth)).body.items).toEqual([]);
      expect((await handshake(stranger)).status).toBe(200);
      // Refused before, so the terminal re-sends: now it is stored.
      expect((await push(stranger, 'ATTLOG', ['20156107\t2026-11-26 08:30:00\t0\t1'])).text).toBe('OK:1');
    });

    it('a deactivated device is refused (and not listed as unknown); a request without SN is a plain-text 400', async () => {
      const created = await t.http().post('/devices').set(admin.auth).send({ name: 'Old terminal', serialNumber: 'OLD7232460000' });
      await t.http().patch(`/devices/${created.body.id}`).set(admin.auth).send({ active: false }).expect(200);
      const refused = await push('OLD7232460000', 'ATTLOG', ['20156107\t2026-11-26 17:30:00\t1\t1']);
      expect(refused.status).toBe(403);
      expect(refused.text).toMatch(/^DEVICE_INACTIVE: /);
      expect((await t.http().get('/devices/unknown').set(admin.auth)).body.items).toEqual([]);
      const noSerial = await t.http().get('/iclock/getrequest').buffer(true);
      expect([noSerial.status, noSerial.headers['content-type']]).toEqual([400, expect.stringMatching(/^text\/plain/)]);
      expect(noSerial.text).toMatch(/^DEVICE_SERIAL_MISSING: /);
      expect((await t.http().get('/iclock/getrequest?SN=bad%20serial!').buffer(true)).status).toBe(400);
    });

    it('a path the protocol does not have is a plain-text 404', async () => {
      const response = await t.http().post(`/iclock/querydata?SN=${FRONT}`).set('Content-Type', 'text/plain').send('x').buffer(true);
      expect(response.status).toBe(404);
      expect(response.text).toMatch(/^ICLOCK_ROUTE_UNKNOWN: /);
    });

    it('only admins see unknown serials and rejected lines; an unknown device id is 404', async () => {
      const employee = await newStaff(t, admin);
      expect((await t.http().get('/devices/unknown').set(employee.auth)).status).toBe(403);
      expect((await t.http().get(`/devices/${front.id}/rejected-lines`).set(employee.auth)).status).toBe(403);
      const missing = await t.http().get('/devices/00000000-0000-4000-8000-000000000000/rejected-lines').set(admin.auth);
      expect([missing.status, missing.body.code]).toEqual([404, 'DEVICE_NOT_FOUND']);
    });
  });

  it('the /iclock routes are in the OpenAPI document under the iclock tag, answering plain text', async () => {
    const document = (await t.http().get('/docs-json')).body;
    expect(document.tags).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'iclock' })]));
    for (const [path, method] of [['/iclock/cdata', 'get'], ['/iclock/cdata', 'post'], ['/iclock/getrequest', 'get'], ['/iclock/devicecmd', 'post']]) {
      const operation = document.paths[path][method];
      expect(operation.tags).toEqual(['iclock']);
      expect(Object.keys(operation.responses['200'].content)).toEqual(['text/plain']);
    }
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/iclock/{'))).toEqual([]);
  });
});
