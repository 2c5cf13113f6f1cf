import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeviceActor } from '../domain/actor';
import { Clock } from '../policy/clock';
import { Metrics } from '../observability/metrics';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { DevicesService } from '../devices/devices.service';
import { PunchIngestService } from '../punches/punch-ingest.service';
import { handshakeBody, timeZoneValue, utcOffsetMinutes } from '../domain/terminal/handshake';
import { bodyLines, keptLine, parseAttlogLine, parseCommandResult, summariseOperlog, toPunchLines } from './iclock-lines';
import { deviceInactive, deviceNotRegistered, serialInvalid, serialMissing } from './iclock.errors';
import { IclockRepository, PushDevice, StampedTable } from './iclock.repository';
import { matchPins } from '../domain/terminal/pin-mapping';

/** Who called: the serial a terminal names itself by (the protocol has no key), and from where. */
export interface DeviceContact {
  serial: unknown;
  ip: string | null;
  /** `GET /iclock/cdata`, kept for unknown serials. */
  request: string;
}

export interface Upload {
  table: unknown;
  stamp: unknown;
  body: unknown;
}

const SERIAL = /^[A-Za-z0-9_.-]{1,64}$/;
const STAMP = /^\d{1,20}$/;
const isStamped = (table: string): table is StampedTable => table === 'ATTLOG' || table === 'OPERLOG' || table === 'ATTPHOTO';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The ZKTeco ADMS / PUSH protocol: terminals identify by serial number, upload their logs as text
 * and are answered in plain text. Anything but `OK…` makes a terminal re-send after ErrorDelay, so
 * once a registered terminal is recognised every upload is answered OK: lines that cannot be stored
 * are kept as rejected lines for an admin, not bounced back to a terminal that cannot fix them.
 */
@Injectable()
export class IclockService {
  private readonly logger = new Logger('Iclock');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: IclockRepository,
    private readonly ingest: PunchIngestService,
    private readonly devices: DevicesService,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** `GET /iclock/cdata?SN=…&options=all`: the settings the terminal works with. */
  async handshake(contact: DeviceContact): Promise<string> {
    const device = await this.identify(contact);
    const now = this.clock.now();
    const [zone, stamps] = await Promise.all([this.ingest.timeZoneFor(this.actorOf(device)), this.repository.stamps(device.id)]);
    await this.devices.touch(this.dataSource.manager, device.id, now);
    return handshakeBody(device.serialNumber, stamps, timeZoneValue(utcOffsetMinutes(zone, now), device.timeZoneUnit));
  }

  /** `POST /iclock/cdata?SN=…&table=…`: `OK: <lines handled>` for punches, `OK` for everything else. */
  async upload(contact: DeviceContact, upload: Upload): Promise<string> {
    const device = await this.identify(contact);
    const table = (text(upload.table) ?? '').toUpperCase();
    const stamp = text(upload.stamp);
    const lines = bodyLines(text(upload.body) ?? '');
    this.metrics.upload(table);
    if (table === 'ATTLOG') return `OK: ${await this.attendanceLog(device, lines, stamp)}`;
    if (table === 'OPERLOG' && lines.length > 0) {
      // Users and operations on the terminal: nothing here decides attendance, and passwords, card
      // numbers and biometric templates are not the service's to keep; what came is logged.
      const counts = summariseOperlog(lines);
      this.logger.log(`${device.serialNumber} OPERLOG: ${counts.user} user, ${counts.operation} operation, ${counts.biometric} biometric (dropped), ${counts.other} other line(s)`);
    }
    await this.contact(device, table, stamp);
    return 'OK';
  }

  /** `GET /iclock/getrequest`: the service never queues commands (so never a `Shell` one): nothing to do. */
  async poll(contact: DeviceContact): Promise<string> {
    await this.contact(await this.identify(contact), '', null);
    return 'OK';
  }

  /** `POST /iclock/devicecmd`: results of commands. None are ever sent, so any result is only logged. */
  async commandResults(contact: DeviceContact, body: unknown): Promise<string> {
    const device = await this.identify(contact);
    const results = bodyLines(text(body) ?? '').map(parseCommandResult);
    if (results.length > 0) {
      const listed = results.map((result) => (result ? `ID=${result.id} Return=${result.returnCode ?? '?'} CMD=${result.command ?? '?'}` : 'unreadable')).join('; ');
      this.logger.warn(`${device.serialNumber} reported results of commands this service did not send: ${listed.slice(0, 500)}`);
    }
    await this.contact(device, '', null);
    return 'OK';
  }

  /** `GET /iclock/ping`: a terminal checking the server is there during a long upload. */
  async ping(contact: DeviceContact): Promise<string> {
    await this.contact(await this.identify(contact), '', null);
    return 'OK';
  }

  /**
   * Punches go through the one ingest path, in one transaction with the rejected lines and the
   * upload counter: either the terminal's batch is handled and answered OK, or nothing is kept and
   * the terminal's re-send finds everything as it was. The count answered is the lines stored or
   * already stored (duplicates); rejected lines are kept, not counted.
   */
  private async attendanceLog(device: PushDevice, lines: string[], stamp: string | null): Promise<number> {
    if (lines.length === 0) {
      await this.contact(device, 'ATTLOG', stamp);
      return 0;
    }
    const actor = this.actorOf(device);
    const zone = await this.ingest.timeZoneFor(actor);
    const records = lines.map(parseAttlogLine);
    const counts = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const pins = [...new Set(records.flatMap((line) => (line.ok ? [line.record.pin] : [])))];
      const candidates = device.pinMapping === 'employee_no_digits' ? await this.repository.candidatesByDigits(manager, pins) : [];
      const punches = toPunchLines(records, zone, matchPins(device.pinMapping, pins, candidates));
      const result = await this.ingest.ingestIn(manager, actor, punches, { source: 'device', deviceId: device.id, reason: null }, 'punch.iclock');
      const rejected = result.rejected.map((line) => ({ line: keptLine(lines[line.index]), reason: line.reason, message: line.message }));
      await this.repository.keepRejectedLines(manager, device.id, rejected, now, this.config.deviceRejectedLinesMax);
      if (stamp !== null && STAMP.test(stamp)) await this.repository.saveStamp(manager, device.id, 'ATTLOG', stamp, now);
      return { stored: result.received - result.rejected.length, rejected: result.rejected.length };
    });
    // Counted once committed: a rolled-back upload is re-sent by the terminal and counted then.
    this.metrics.punchLines(counts.stored, counts.rejected);
    return counts.stored;
  }

  /** Last contact, and the upload counter of a stamped table. */
  private async contact(device: PushDevice, table: string, stamp: string | null): Promise<void> {
    const now = this.clock.now();
    if (stamp === null || !STAMP.test(stamp) || !isStamped(table)) return this.devices.touch(this.dataSource.manager, device.id, now);
    await this.dataSource.transaction(async (manager) => {
      await this.devices.touch(manager, device.id, now);
      await this.repository.saveStamp(manager, device.id, table, stamp, now);
    });
  }

  /** Only active registered terminals are served; an unknown serial is remembered for an admin to register. */
  private async identify(contact: DeviceContact): Promise<PushDevice> {
    const serial = text(contact.serial);
    if (serial === null || serial === '') throw serialMissing();
    if (!SERIAL.test(serial)) throw serialInvalid();
    const device = await this.repository.findDeviceBySerial(serial);
    if (!device) {
      await this.repository.recordUnknownSerial({ serialNumber: serial, ip: contact.ip, request: contact.request }, this.clock.now());
      throw deviceNotRegistered(serial);
    }
    if (!device.active) throw deviceInactive(serial);
    return device;
  }

  private actorOf(device: PushDevice): DeviceActor {
    return { kind: 'device', id: device.id, username: device.name, roles: [] };
  }
}
