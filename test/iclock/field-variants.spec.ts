import type { DeviceUploadDto } from '../../src/devices/dto/device-upload.dto';
import type { RejectedLineDto } from '../../src/devices/dto/device.dto';
import { loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

// Issue 19: terminals as they are found in the field, replayed over HTTP as each firmware sends it.
// The app clock stands on Tuesday 2026-12-01 10:00 in Shanghai (02:00Z); company zone Asia/Shanghai.
const NOW = '2026-12-01T10:00:00+08:00';
const SN = 'ESSL-X2008-0001';

describe('Terminals as they are found in the field (issue 19)', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedIn;
  let device: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    await newStaff(t, admin, { employeeNo: '4001' });
    await newStaff(t, admin, { employeeNo: '4002' });
    // Staff are not pushed to it: its polls find no user commands queued (staff-push.spec.ts covers those).
    device = (await t.http().post('/devices').set(admin.auth).send({ name: 'eSSL X2008', serialNumber: SN, pushStaff: false })).body;
  });
  afterAll(() => t.close());

  const post = (path: string, body: string | Buffer, type: string | null = 'text/plain') => {
    const request = t.http().post(path).buffer(true);
    if (type) request.set('Content-Type', type);
    return request.send(body);
  };
  const get = (path: string) => t.http().get(path).buffer(true);
  const uploads = async (id: string): Promise<DeviceUploadDto[]> => {
    const response = await t.http().get(`/devices/${id}/uploads`).query({ pageSize: 200 }).set(admin.auth);
    expect(response.status).toBe(200);
    return response.body.items;
  };
  const rejected = async (id: string): Promise<RejectedLineDto[]> => (await t.http().get(`/devices/${id}/rejected-lines`).query({ pageSize: 200 }).set(admin.auth)).body.items;

  describe('firmware that appends .aspx (eSSL Push 2.0.x, X2008)', () => {
    it('handshake, upload, poll, command results and ping answer on the .aspx paths', async () => {
      const handshake = await get(`/iclock/cdata.aspx?SN=${SN}&options=all&pushver=2.0.22`);
      expect([handshake.status, handshake.text.split('\n')[0]]).toEqual([200, `GET OPTION FROM: ${SN}`]);
      const upload = await post(`/iclock/cdata.aspx?SN=${SN}&table=ATTLOG&Stamp=1`, '4001\t2026-12-01 08:29:00\t0\t1\t\t0\t0');
      expect([upload.status, upload.text]).toEqual([200, 'OK:1']);
      expect((await get(`/iclock/getrequest.aspx?SN=${SN}`)).text).toBe('OK');
      expect((await post(`/iclock/devicecmd.aspx?SN=${SN}`, 'ID=9&Return=0&CMD=INFO')).text).toBe('OK');
      expect((await get(`/iclock/ping.aspx?SN=${SN}`)).text).toBe('OK');
      expect(await t.sql(`SELECT 1 FROM punch WHERE device_id = $1`, [device.id])).toHaveLength(1);
    });
  });

  describe('nothing acknowledged is dropped', () => {
    it("/iclock/fdata (photos): the metadata is kept for the office, the image is not", async () => {
      const body = Buffer.concat([Buffer.from('PIN=4001\nSN=ESSL-X2008-0001\nsize=6\nCMD=uploadphoto\u0000'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10])]);
      for (const path of ['/iclock/fdata', '/iclock/fdata.aspx']) {
        const response = await post(`${path}?SN=${SN}&table=ATTPHOTO&PhotoStamp=12`, body, 'application/octet-stream');
        expect([response.status, response.text]).toEqual([200, 'OK']);
      }
      const photo = (await uploads(device.id)).find((upload) => upload.kind === 'ATTPHOTO');
      // The same photo twice (a lost answer): one entry, counted.
      expect(photo).toMatchObject({ stamp: '12', excerpt: 'PIN=4001\nSN=ESSL-X2008-0001\nsize=6\nCMD=uploadphoto\n(image not kept)', lines: 5, times: 2 });
      expect((await get(`/iclock/cdata?SN=${SN}&options=all`)).text).toContain('\nATTPHOTOStamp=12\n');
    });

    it('PUSH 3.x: registry gives the registry code, push answers the settings, rtlog is kept and answered OK:<lines>', async () => {
      const registry = await post(`/iclock/registry?SN=${SN}`, 'DeviceType=acc,~DeviceName=SenseFace 4,FirmVer=ZAM180-NF-Ver1.2.3,PushVersion=3.1.2');
      expect(registry.status).toBe(200);
      const code = /^RegistryCode=([0-9a-f]{10})$/.exec(registry.text)?.[1];
      expect(code).toBeDefined();
      expect((await post(`/iclock/registry.aspx?SN=${SN}`, 'DeviceType=acc')).text).toBe(`RegistryCode=${code}`);
      for (const request of [get(`/iclock/push?SN=${SN}`), get(`/iclock/push.aspx?SN=${SN}`), post(`/iclock/push?SN=${SN}`, ''), post(`/iclock/push.aspx?SN=${SN}`, 'DeviceType=acc')]) {
        const settings = (await request).text.split('\n');
        expect(settings[0]).toBe('ServerVersion=3.1.2');
        expect(settings).toEqual(expect.arrayContaining([`SessionID=${code}`, 'Realtime=1', 'TimeZone=8']));
      }
      const rtlog = [
        'time=2026-12-01 09:58:00\tpin=4001\tcardno=0\teventaddr=1\tevent=0\tinoutstatus=0\tverifytype=15\tindex=101',
        'time=2026-12-01 09:58:05\tpin=0\tcardno=0\teventaddr=1\tevent=27\tinoutstatus=0\tverifytype=200\tindex=102',
      ];
      const response = await post(`/iclock/cdata?SN=${SN}&table=rtlog&Stamp=102`, rtlog.join('\r\n'));
      expect([response.status, response.text]).toEqual([200, 'OK:2']);
      const kept = await uploads(device.id);
      expect(kept.find((upload) => upload.kind === 'rtlog')).toMatchObject({ excerpt: rtlog.join('\n'), lines: 2, times: 1, stamp: '102' });
      expect(kept.filter((upload) => upload.kind === 'registry').map((upload) => upload.excerpt)).toContain('DeviceType=acc,~DeviceName=SenseFace 4,FirmVer=ZAM180-NF-Ver1.2.3,PushVersion=3.1.2');
    });

    it('OPERLOG and ERRORLOG are kept as received (templates and passwords left out), OpStamp recorded', async () => {
      const operlog = ['USER PIN=4001\tName=张三\tPri=0\tPasswd=8888\tCard=\tGrp=1', 'FP PIN=4001\tFID=6\tSize=1024\tValid=1\tTMP=ocosgoulTUEAAAAA', 'OPLOG 4\t0\t2026-12-01 09:58:00\t0\t0\t0\t0'];
      expect((await post(`/iclock/cdata?SN=${SN}&table=OPERLOG&OpStamp=77`, operlog.join('\n'))).text).toBe('OK:3');
      expect((await post(`/iclock/cdata?SN=${SN}&table=ERRORLOG&Stamp=5`, 'ErrCode=0xfff\tErrMsg=sensor\tDataOrigin=1')).text).toBe('OK:1');
      const kept = await uploads(device.id);
      const stored = kept.find((upload) => upload.kind === 'OPERLOG');
      expect(stored?.excerpt).toBe('USER PIN=4001\tName=张三\tPri=0\tPasswd=(not kept)\tCard=\tGrp=1\nFP PIN=4001\tFID=6\tSize=1024\tValid=1\tTMP=(not kept)\nOPLOG 4\t0\t2026-12-01 09:58:00\t0\t0\t0\t0');
      expect(JSON.stringify(await t.sql(`SELECT body FROM device_upload WHERE device_id = $1`, [device.id]))).not.toContain('ocosgoul');
      const handshake = (await get(`/iclock/cdata?SN=${SN}&options=all`)).text;
      expect(handshake).toContain('\nOPERLOGStamp=77\n');
      expect(handshake).toContain('\nOpStamp=77\n');
      expect(handshake).toContain('\nERRORLOGStamp=5\n');
    });
  });

  describe('stamps', () => {
    it('a terminal that echoes Stamp=0 keeps the counter it reported before, so it uploads each record once', async () => {
      await post(`/iclock/cdata?SN=${SN}&table=ATTLOG&Stamp=1000`, '4002\t2026-12-01 08:15:00\t0\t1').expect(200);
      await post(`/iclock/cdata?SN=${SN}&table=ATTLOG&Stamp=0`, '4002\t2026-12-01 08:16:00\t0\t1').expect(200);
      await post(`/iclock/cdata?SN=${SN}&table=OPERLOG&Stamp=0`, 'OPLOG 5\t0\t2026-12-01 09:59:00\t0\t0\t0\t0').expect(200);
      const handshake = (await get(`/iclock/cdata?SN=${SN}&options=all`)).text.split('\n');
      expect(handshake).toEqual(expect.arrayContaining(['ATTLOGStamp=1000', 'Stamp=1000', 'OPERLOGStamp=77', 'OpStamp=77']));
    });
  });

  describe('the TimeZone option, as the PUSH document says (an integer: hours when whole hours, minutes otherwise)', () => {
    it.each([
      ['Asia/Kolkata', 'hours', '330'],
      ['Australia/Adelaide', 'hours', '630'],
      ['Pacific/Auckland', 'hours', '13'],
      ['Europe/Paris', 'minutes', '1'],
      ['Asia/Shanghai', 'minutes', '8'],
    ])('%s (timeZoneUnit %s, no longer read): TimeZone=%s on 1 December', async (zone, unit, value) => {
      const serial = `TZ-${zone.replace('/', '-')}`;
      const created = await t.http().post('/devices').set(admin.auth).send({ name: zone, serialNumber: serial, timeZone: zone, timeZoneUnit: unit });
      expect(created.status).toBe(201);
      expect((await get(`/iclock/cdata?SN=${serial}&options=all`)).text).toContain(`\nTimeZone=${value}\n`);
      expect((await get(`/iclock/push?SN=${serial}`)).text).toContain(`\nTimeZone=${value}`);
    });
  });

  describe('protocol details', () => {
    it('devicecmd without SN (some firmware leaves it out) is answered OK, not 400', async () => {
      const response = await post('/iclock/devicecmd', 'ID=12&Return=0&CMD=INFO');
      expect([response.status, response.text]).toEqual([200, 'OK']);
    });

    it('POST /devices accepts "timeZone": null (the company zone), as documented', async () => {
      const created = await t.http().post('/devices').set(admin.auth).send({ name: 'No zone', serialNumber: 'NOZONE-1', timeZone: null });
      expect(created.status).toBe(201);
      expect(created.body.timeZone).toBeNull();
      const zoned = await t.http().patch(`/devices/${created.body.id}`).set(admin.auth).send({ timeZone: 'Asia/Kolkata' });
      expect(zoned.body.timeZone).toBe('Asia/Kolkata');
      const cleared = await t.http().patch(`/devices/${created.body.id}`).set(admin.auth).send({ timeZone: null });
      expect([cleared.status, cleared.body.timeZone]).toEqual([200, null]);
    });
  });

  describe('clock skew, measured from uploads', () => {
    it('a terminal whose clock runs 95 s fast: its punch is stored, the skew shown with when it was measured', async () => {
      const created = (await t.http().post('/devices').set(admin.auth).send({ name: 'Fast clock', serialNumber: 'SKEW-1' })).body;
      expect(created).toMatchObject({ clockSkewSeconds: null, clockSkewMeasuredAt: null });
      expect((await post('/iclock/cdata?SN=SKEW-1&table=ATTLOG', '4001\t2026-12-01 10:01:35\t0\t1')).text).toBe('OK:1');
      const shown = (await t.http().get(`/devices/${created.id}`).set(admin.auth)).body;
      expect(shown).toMatchObject({ clockSkewSeconds: 95, clockSkewMeasuredAt: '2026-12-01T02:00:00.000Z' });
    });

    it('5 minutes fast: the punch is kept as rejected (TIME_IN_FUTURE) and the skew is seen; a backlog measures nothing', async () => {
      const created = (await t.http().post('/devices').set(admin.auth).send({ name: 'Very fast clock', serialNumber: 'SKEW-2' })).body;
      expect((await post('/iclock/cdata?SN=SKEW-2&table=ATTLOG', '4002\t2026-12-01 10:05:00\t0\t1')).text).toBe('OK:0');
      expect((await rejected(created.id)).map((line) => line.reason)).toEqual(['TIME_IN_FUTURE']);
      expect((await t.http().get(`/devices/${created.id}`).set(admin.auth)).body.clockSkewSeconds).toBe(300);
      clock.set('2026-12-01T10:30:00+08:00');
      // Yesterday's records after an outage: the newest is hours old, so the skew stays as measured.
      expect((await post('/iclock/cdata?SN=SKEW-2&table=ATTLOG', '4002\t2026-11-30 17:31:00\t1\t1')).text).toBe('OK:1');
      expect((await t.http().get(`/devices/${created.id}`).set(admin.auth)).body).toMatchObject({ clockSkewSeconds: 300, clockSkewMeasuredAt: '2026-12-01T02:00:00.000Z' });
      clock.set(NOW);
    });
  });

  it('only admins read kept uploads; an unknown device is 404', async () => {
    const employee = await newStaff(t, admin);
    expect((await t.http().get(`/devices/${device.id}/uploads`).set(employee.auth)).status).toBe(403);
    const missing = await t.http().get('/devices/00000000-0000-4000-8000-000000000000/uploads').set(admin.auth);
    expect([missing.status, missing.body.code]).toEqual([404, 'DEVICE_NOT_FOUND']);
  });
});
