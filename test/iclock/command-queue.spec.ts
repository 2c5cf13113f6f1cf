import type { DeviceCommandDto } from '../../src/devices/dto/device-command.dto';
import { loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

// Issue 19: a command queue per device, end to end with a simulated terminal that polls
// (GET /iclock/getrequest), runs what it is given, answers (POST /iclock/devicecmd) and sometimes
// fails or never answers. The app clock stands on Tuesday 2026-12-01 10:00 in Shanghai (02:00Z);
// the terminal has its own zone, Asia/Kolkata (UTC+5:30): 07:30 there.
const NOW = '2026-12-01T10:00:00+08:00';
const SN = 'CMD-TERMINAL-1';

/** A terminal as the PUSH document describes it: polls, runs each C:<id>:<command>, posts ID=<id>&Return=<code>&CMD=<verb>. */
class SimulatedTerminal {
  readonly ran: string[] = [];
  /** The return code a command gets (by its text); 0 by default. null: the terminal never answers it (it lost it). */
  outcome: (command: string) => number | null = () => 0;
  /** Records the terminal holds, answered to DATA QUERY ATTLOG by uploading them. */
  records: string[] = [];

  constructor(
    private readonly t: TestApp,
    private readonly serial: string,
  ) {}

  async poll(): Promise<string[]> {
    const response = await this.t.http().get(`/iclock/getrequest?SN=${this.serial}`).buffer(true);
    expect([response.status, response.text]).toEqual([200, expect.any(String)]);
    if (response.text === 'OK') return [];
    const commands = response.text.split('\n');
    for (const line of commands) {
      const [, id, command] = /^C:(\d+):(.*)$/.exec(line) ?? [];
      expect(id).toBeDefined();
      this.ran.push(command);
      const code = this.outcome(command);
      if (code === null) continue;
      if (command.startsWith('DATA QUERY ATTLOG') && code >= 0) {
        const upload = await this.t.http().post(`/iclock/cdata?SN=${this.serial}&table=ATTLOG`).set('Content-Type', 'text/plain').buffer(true).send(this.records.join('\n'));
        expect(upload.status).toBe(200);
      }
      const verb = command.split(' ')[0];
      const reply = command === 'INFO' ? `\n~DeviceName=SenseFace 4\nFWVersion=Ver 6.60\nUserCount=2\nTransactionCount=5` : '';
      const answered = await this.t.http().post(`/iclock/devicecmd?SN=${this.serial}`).set('Content-Type', 'text/plain').buffer(true).send(`ID=${id}&Return=${code}&CMD=${verb}${reply}`);
      expect([answered.status, answered.text]).toEqual([200, 'OK']);
    }
    return commands;
  }
}

describe('A command queue per device, end to end with a simulated terminal (issue 19)', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedIn;
  let device: { id: string };
  let terminal: SimulatedTerminal;

  beforeAll(async () => {
    t = await startTestApp({ clock, config: { deviceCommandTimeoutSeconds: 60, deviceCommandMaxSends: 2 } });
    admin = await loginAdmin(t);
    await newStaff(t, admin, { employeeNo: '6001' });
    device = (await t.http().post('/devices').set(admin.auth).send({ name: 'Kolkata office', serialNumber: SN, timeZone: 'Asia/Kolkata', pushStaff: false })).body;
    terminal = new SimulatedTerminal(t, SN);
  });
  afterAll(() => t.close());

  const queue = (body: Record<string, unknown>) => t.http().post(`/devices/${device.id}/commands`).set(admin.auth).send(body);
  const commands = async (): Promise<DeviceCommandDto[]> => (await t.http().get(`/devices/${device.id}/commands`).query({ pageSize: 100 }).set(admin.auth)).body.items;

  it('nothing queued: the poll is answered OK', async () => {
    expect(await terminal.poll()).toEqual([]);
  });

  it('set time, INFO and reboot: delivered as C:<id>:<command> on the next poll, in order, and settled by the terminal\'s results', async () => {
    const setTime = await queue({ kind: 'set_time' });
    expect(setTime.status).toBe(201);
    expect(setTime.body).toMatchObject({ kind: 'set_time', state: 'queued', sends: 0, sentCommand: null, queuedBy: admin.id });
    const info = (await queue({ kind: 'info' })).body as DeviceCommandDto;
    const reboot = (await queue({ kind: 'reboot' })).body as DeviceCommandDto;

    const delivered = await terminal.poll();
    // 07:30:00 on 1 December 2026 in Kolkata: ((26 × 12 + 11) × 31 + 0) × 86400 + 27000.
    expect(delivered).toEqual([`C:${setTime.body.id}:SET OPTIONS DateTime=${(26 * 12 + 11) * 31 * 86400 + 27000}`, `C:${info.id}:INFO`, `C:${reboot.id}:REBOOT`]);
    const listed = await commands();
    expect(listed.map((command) => [command.kind, command.state, command.returnCode, command.sends])).toEqual([
      ['reboot', 'done', 0, 1],
      ['info', 'done', 0, 1],
      ['set_time', 'done', 0, 1],
    ]);
    expect(listed[1]).toMatchObject({ sentAt: '2026-12-01T02:00:00.000Z', answeredAt: '2026-12-01T02:00:00.000Z', reply: '~DeviceName=SenseFace 4\nFWVersion=Ver 6.60\nUserCount=2\nTransactionCount=5' });
    // Done commands are not sent again.
    expect(await terminal.poll()).toEqual([]);
    const audit = await t.sql<{ action: string; actor_kind: string }>(`SELECT action, actor_kind FROM audit_log WHERE entity = 'device_command' AND entity_id = $1 ORDER BY id`, [String(info.id)]);
    expect(audit).toEqual([
      { action: 'device.command.queue', actor_kind: 'staff' },
      { action: 'device.command.send', actor_kind: 'device' },
      { action: 'device.command.result', actor_kind: 'device' },
    ]);
  });

  it('a command the terminal refuses is failed with its return code', async () => {
    terminal.outcome = (command) => (command === 'REBOOT' ? -1002 : 0);
    const reboot = (await queue({ kind: 'reboot' })).body as DeviceCommandDto;
    await terminal.poll();
    expect((await commands()).find((command) => command.id === reboot.id)).toMatchObject({ state: 'failed', failure: 'returned_error', returnCode: -1002 });
  });

  it('a command not answered is sent again after the timeout, then given up (no_answer); a late answer still settles it', async () => {
    terminal.outcome = () => null;
    const info = (await queue({ kind: 'info' })).body as DeviceCommandDto;
    expect(await terminal.poll()).toEqual([`C:${info.id}:INFO`]);
    // Within the timeout (60 s here) it is not sent again.
    clock.set('2026-12-01T10:00:59+08:00');
    expect(await terminal.poll()).toEqual([]);
    clock.set('2026-12-01T10:01:00+08:00');
    expect(await terminal.poll()).toEqual([`C:${info.id}:INFO`]);
    expect((await commands()).find((command) => command.id === info.id)).toMatchObject({ state: 'sent', sends: 2, sentAt: '2026-12-01T02:01:00.000Z' });
    // Sent DEVICE_COMMAND_MAX_SENDS (2) times without an answer: given up.
    clock.set('2026-12-01T10:02:00+08:00');
    expect(await terminal.poll()).toEqual([]);
    expect((await commands()).find((command) => command.id === info.id)).toMatchObject({ state: 'failed', failure: 'no_answer', returnCode: null });
    const gaveUp = await t.sql(`SELECT actor_kind FROM audit_log WHERE action = 'device.command.no_answer' AND entity_id = $1`, [String(info.id)]);
    expect(gaveUp).toEqual([{ actor_kind: 'system' }]);
    // The answer arrives after all (a firmware that forgot SN): the command id alone finds it.
    const late = await t.http().post('/iclock/devicecmd').set('Content-Type', 'text/plain').buffer(true).send(`ID=${info.id}&Return=0&CMD=INFO`);
    expect([late.status, late.text]).toEqual([200, 'OK']);
    expect((await commands()).find((command) => command.id === info.id)).toMatchObject({ state: 'done', returnCode: 0, failure: null });
    terminal.outcome = () => 0;
    clock.set(NOW);
  });

  it('history recovered: the records of a period come back through the same idempotent punch path', async () => {
    terminal.records = ['6001\t2026-11-30 06:00:00\t0\t1', '6001\t2026-11-30 15:00:00\t1\t1'];
    const query = await queue({ kind: 'query_attlog', from: '2026-11-30', to: '2026-11-30' });
    expect(query.status).toBe(201);
    expect(query.body).toMatchObject({ kind: 'query_attlog', from: '2026-11-30', to: '2026-11-30' });
    expect(await terminal.poll()).toEqual([`C:${query.body.id}:DATA QUERY ATTLOG StartTime=2026-11-30 00:00:00\tEndTime=2026-11-30 23:59:59`]);
    // Twice: the same records again store nothing new.
    await queue({ kind: 'query_attlog', from: '2026-11-30', to: '2026-11-30' }).expect(201);
    await terminal.poll();
    const punches = await t.sql<{ at: Date }>(`SELECT at FROM punch WHERE device_id = $1 ORDER BY at`, [device.id]);
    // 06:00 in Kolkata is 00:30Z.
    expect(punches.map((row) => row.at.toISOString())).toEqual(['2026-11-30T00:30:00.000Z', '2026-11-30T09:30:00.000Z']);
  });

  it('bad requests: a period for a command that takes none, none (or over 366 days, reversed) for query_attlog, an office-only kind; a deactivated device is 409; only admins', async () => {
    expect((await queue({ kind: 'reboot', from: '2026-11-01' })).status).toBe(400);
    expect((await queue({ kind: 'query_attlog' })).body.details.map((detail: { field: string }) => detail.field)).toEqual(['from', 'to']);
    expect((await queue({ kind: 'query_attlog', from: '2025-01-01', to: '2026-11-30' })).status).toBe(400);
    expect((await queue({ kind: 'query_attlog', from: '2026-11-30', to: '2026-11-01' })).status).toBe(400);
    expect((await queue({ kind: 'user_delete' })).status).toBe(400);
    expect((await queue({ kind: 'reboot', extra: 1 })).status).toBe(400);
    const employee = await newStaff(t, admin);
    expect((await t.http().post(`/devices/${device.id}/commands`).set(employee.auth).send({ kind: 'reboot' })).status).toBe(403);
    expect((await t.http().get(`/devices/${device.id}/commands`).set(employee.auth)).status).toBe(403);
    const missing = await t.http().post('/devices/00000000-0000-4000-8000-000000000000/commands').set(admin.auth).send({ kind: 'reboot' });
    expect([missing.status, missing.body.code]).toEqual([404, 'DEVICE_NOT_FOUND']);
    const old = (await t.http().post('/devices').set(admin.auth).send({ name: 'Old', serialNumber: 'CMD-OLD', pushStaff: false })).body;
    await t.http().patch(`/devices/${old.id}`).set(admin.auth).send({ active: false }).expect(200);
    const inactive = await t.http().post(`/devices/${old.id}/commands`).set(admin.auth).send({ kind: 'reboot' });
    expect([inactive.status, inactive.body.code]).toEqual([409, 'DEVICE_INACTIVE']);
  });
});
