import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeviceActor } from '../domain/actor';
import { Clock } from '../policy/clock';
import { Metrics } from '../observability/metrics';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { DeviceCommandsService } from '../devices/device-commands.service';
import { DevicesService } from '../devices/devices.service';
import { DeviceUsersService } from '../devices/device-users.service';
import type { ReportedUser } from '../devices/dto/device-user.dto';
import { PunchIngestService } from '../punches/punch-ingest.service';
import { handshakeBody, nextStamp, push3Body, timeZoneValue, utcOffsetMinutes } from '../domain/terminal/handshake';
import { measuredSkewSeconds } from '../domain/terminal/clock-skew';
import { bodyLines, commandReports, keptLine, keptOperlogLine, parseAttlogLine, parseOperlogLine, photoMetadata, toPunchLines } from './iclock-lines';
import { deviceInactive, deviceNotRegistered, serialInvalid, serialMissing } from './iclock.errors';
import { IclockRepository, KeptUpload, PushDevice, StampedTable } from './iclock.repository';
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
  /** `Stamp`, and the legacy per-table names some firmware uses instead (`OpStamp`, `PhotoStamp`). */
  stamp: unknown;
  opStamp?: unknown;
  photoStamp?: unknown;
  body: unknown;
}

const SERIAL = /^[A-Za-z0-9_.-]{1,64}$/;
const TABLE = /^[A-Za-z0-9_]{1,32}$/;
const isStamped = (table: string): table is StampedTable => table === 'ATTLOG' || table === 'OPERLOG' || table === 'ATTPHOTO' || table === 'ERRORLOG';
/** Tables whose lines are user records, kept with passwords and templates left out. */
const USER_TABLES = new Set(['OPERLOG', 'USERINFO', 'USER', 'BIODATA', 'FINGERTMP']);

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
    private readonly commands: DeviceCommandsService,
    private readonly deviceUsers: DeviceUsersService,
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
    return handshakeBody(device.serialNumber, stamps, timeZoneValue(utcOffsetMinutes(zone, now)));
  }

  /**
   * `POST /iclock/cdata?SN=…&table=…`: `OK:<lines handled>`, as the PUSH document writes it.
   * ATTLOG goes through the punch path; every other table (OPERLOG, rtlog of PUSH 3.x access
   * controllers, ERRORLOG, options…) is kept as received for the office (GET /devices/{id}/uploads):
   * a terminal deletes what it was told is stored, so nothing answered OK may vanish.
   */
  async upload(contact: DeviceContact, upload: Upload): Promise<string> {
    const device = await this.identify(contact);
    const raw = text(upload.table) ?? '';
    const table = TABLE.test(raw) ? (raw.toLowerCase() === 'rtlog' || raw.toLowerCase() === 'options' ? raw.toLowerCase() : raw.toUpperCase()) : 'UNNAMED';
    const stamp = text(table === 'OPERLOG' ? (upload.opStamp ?? upload.stamp) : table === 'ATTPHOTO' ? (upload.photoStamp ?? upload.stamp) : upload.stamp);
    const lines = bodyLines(text(upload.body) ?? '');
    this.metrics.upload(table);
    if (table === 'ATTLOG') return `OK:${await this.attendanceLog(device, lines, stamp)}`;
    const kept = USER_TABLES.has(table) ? lines.map(keptOperlogLine) : lines;
    const users = USER_TABLES.has(table) ? reportedUsers(lines) : [];
    await this.keep(device, { kind: table, stamp: stamp !== null && /^\d{1,20}$/.test(stamp) ? stamp : null, body: kept.join('\n'), lines: kept.length }, users);
    // What a terminal sends besides punches is kept (its user records are also read, into the device's users): the log says so, so an operator can follow a terminal's traffic.
    this.logger.log(`${device.serialNumber} ${table}: ${kept.length} line(s) kept in its uploads`);
    return `OK:${kept.length}`;
  }

  /** `POST /iclock/fdata`: a photo. Its metadata lines are kept; the image is not (see photoMetadata). */
  async photo(contact: DeviceContact, upload: Upload): Promise<string> {
    const device = await this.identify(contact);
    const stamp = text(upload.photoStamp ?? upload.stamp);
    const lines = photoMetadata(text(upload.body) ?? '').map((line) => line.slice(0, 500));
    this.metrics.upload('ATTPHOTO');
    await this.keep(device, { kind: 'ATTPHOTO', stamp: stamp !== null && /^\d{1,20}$/.test(stamp) ? stamp : null, body: lines.join('\n'), lines: lines.length });
    return 'OK';
  }

  /**
   * `POST /iclock/registry` (PUSH 3.x): the terminal describes itself (device type, firmware,
   * capabilities) and is given its registry code, which it sends back from then on. Its
   * description is kept like an upload.
   */
  async registry(contact: DeviceContact, body: unknown): Promise<string> {
    const device = await this.identify(contact);
    const lines = bodyLines(text(body) ?? '');
    await this.keep(device, { kind: 'registry', stamp: null, body: lines.join('\n'), lines: lines.length });
    return `RegistryCode=${registryCode(device.id)}`;
  }

  /** `GET|POST /iclock/push` (PUSH 3.x): the settings a registered 3.x terminal works with. */
  async push3(contact: DeviceContact): Promise<string> {
    const device = await this.identify(contact);
    const now = this.clock.now();
    const zone = await this.ingest.timeZoneFor(this.actorOf(device));
    await this.devices.touch(this.dataSource.manager, device.id, now);
    return push3Body(registryCode(device.id), timeZoneValue(utcOffsetMinutes(zone, now)));
  }

  /** `GET /iclock/getrequest`: the commands due (`C:<id>:<command>`, one a line), or `OK` when there are none. */
  async poll(contact: DeviceContact): Promise<string> {
    const device = await this.identify(contact);
    await this.contact(device, '', null);
    const lines = await this.commands.deliver(device);
    return lines.length > 0 ? lines.join('\n') : 'OK';
  }

  /**
   * `POST /iclock/devicecmd`: results of commands (`ID=…&Return=…&CMD=…`, a reply's lines after it).
   * Some firmware posts them without `SN`: the command ids alone find them. Always answered OK, so
   * that the terminal does not re-send them forever; a result for no command sent is logged.
   */
  async commandResults(contact: DeviceContact, body: unknown): Promise<string> {
    const device = text(contact.serial) === null || contact.serial === '' ? null : await this.identify(contact);
    const { reports, unreadable } = commandReports(bodyLines(text(body) ?? ''));
    if (unreadable > 0) this.logger.warn(`${device?.serialNumber ?? 'a terminal without SN'} posted ${unreadable} unreadable command result line(s)`);
    if (device) await this.contact(device, '', null);
    if (reports.length > 0) await this.commands.settle(device, reports);
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
      const newest = punches.reduce<Date | null>((latest, line) => (line.ok && (latest === null || line.at > latest) ? line.at : latest), null);
      const skew = newest === null ? null : measuredSkewSeconds(newest, now);
      if (skew !== null) await this.devices.recordClockSkew(manager, device.id, skew, now);
      const result = await this.ingest.ingestIn(manager, actor, punches, { source: 'device', deviceId: device.id, reason: null }, 'punch.iclock');
      const rejected = result.rejected.map((line) => ({ line: keptLine(lines[line.index]), reason: line.reason, message: line.message }));
      await this.repository.keepRejectedLines(manager, device.id, rejected, now, this.config.deviceRejectedLinesMax);
      const kept = nextStamp(null, stamp);
      if (kept !== null) await this.repository.saveStamp(manager, device.id, 'ATTLOG', kept, now);
      return { stored: result.received - result.rejected.length, rejected: result.rejected.length };
    });
    // Counted once committed: a rolled-back upload is re-sent by the terminal and counted then.
    this.metrics.punchLines(counts.stored, counts.rejected);
    return counts.stored;
  }

  /** Last contact, and the upload counter of a stamped table (a 0 never replaces one received before). */
  private async contact(device: PushDevice, table: string, stamp: string | null): Promise<void> {
    const now = this.clock.now();
    const kept = nextStamp(null, stamp);
    if (kept === null || !isStamped(table)) return this.devices.touch(this.dataSource.manager, device.id, now);
    await this.dataSource.transaction(async (manager) => {
      await this.devices.touch(manager, device.id, now);
      await this.repository.saveStamp(manager, device.id, table, kept, now);
    });
  }

  /**
   * An upload kept as received, with its upload counter, the device's last contact and the users it
   * reported (GET /devices/{id}/users), in one transaction.
   */
  private async keep(device: PushDevice, upload: KeptUpload, users: ReportedUser[] = []): Promise<void> {
    const now = this.clock.now();
    const kept = nextStamp(null, upload.stamp);
    await this.dataSource.transaction(async (manager) => {
      await this.devices.touch(manager, device.id, now);
      await this.deviceUsers.reported(manager, device.id, users, now);
      if (upload.lines > 0) await this.repository.keepUpload(manager, device.id, upload, now, this.config.deviceUploadsMax);
      if (kept !== null && isStamped(upload.kind)) await this.repository.saveStamp(manager, device.id, upload.kind, kept, now);
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

/** The user records of an upload (USER PIN=… lines), without their passwords and card numbers. */
function reportedUsers(lines: string[]): ReportedUser[] {
  return lines.flatMap((line) => {
    const parsed = parseOperlogLine(line);
    return parsed.kind === 'user' ? [{ pin: parsed.pin, name: parsed.name, privilege: parsed.privilege, hasCard: parsed.hasCard }] : [];
  });
}

/** The registry code a PUSH 3.x terminal is given: stable per device, derived from its id. */
const registryCode = (deviceId: string): string => deviceId.replace(/-/g, '').slice(0, 10);
