import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import type { Actor, DeviceActor } from '../domain/actor';
import { addDays } from '../domain/calendar/calendar-day';
import { commandText, type CommandSpec, terminalName } from '../domain/terminal/commands';
import { Page, pageOf, pageOffset, PageQueryDto } from '../common/pagination';
import { Clock } from '../policy/clock';
import { SettingsRepository } from '../policy/settings.repository';
import { DeviceCommandsRepository } from './device-commands.repository';
import { commandDeviceInactive, commandPeriodInvalid, commandPeriodNotTaken, deviceNotFound } from './devices.errors';
import { DevicesRepository } from './devices.repository';
import { DeviceUsersRepository } from './device-users.repository';
import { DeviceCommandDto, type DeviceCommandRow, QueueCommandDto, toDeviceCommandDto } from './dto/device-command.dto';

/** At most this many commands in one poll's answer: a terminal runs them one after the other. */
export const COMMANDS_PER_POLL = 10;

/** A command's result as the terminal posted it (`ID=…&Return=…&CMD=…`, then any lines of reply). */
export interface CommandReport {
  id: string;
  returnCode: number | null;
  reply: string[];
}

/** A terminal as the queue needs it. */
export interface CommandDevice {
  id: string;
  name: string;
  timeZone: string | null;
}

const specOf = (row: DeviceCommandRow): CommandSpec => {
  switch (row.kind) {
    case 'query_attlog':
      return { kind: row.kind, from: row.params.from ?? '', to: row.params.to ?? '' };
    case 'user_update':
      return { kind: row.kind, pin: row.params.pin ?? '', name: row.params.name ?? '' };
    case 'user_delete':
      return { kind: row.kind, pin: row.params.pin ?? '' };
    default:
      return { kind: row.kind };
  }
};

const deviceActor = (device: CommandDevice): DeviceActor => ({ kind: 'device', id: device.id, username: device.name, roles: [] });

/**
 * The command queue of each device (issue 19). The office queues (set time, reboot, INFO, a query
 * of past records), staff changes queue user records; a terminal's poll delivers what is due as
 * `C:<id>:<command>`, its result (`ID=<id>&Return=<code>`) settles it. Sends, results and give-ups
 * are audited.
 */
@Injectable()
export class DeviceCommandsService {
  private readonly logger = new Logger('DeviceCommands');

  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: DeviceCommandsRepository,
    private readonly devices: DevicesRepository,
    private readonly users: DeviceUsersRepository,
    private readonly settings: SettingsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async queue(actor: Actor, deviceId: string, input: QueueCommandDto): Promise<DeviceCommandDto> {
    const params = input.kind === 'query_attlog' ? periodOf(input) : noPeriod(input);
    return this.dataSource.transaction(async (manager) => {
      const device = await this.devices.find(deviceId, manager, true);
      if (!device) throw deviceNotFound();
      if (!device.active) throw commandDeviceInactive(device.serial_number);
      const [row] = await this.commands.insert(manager, [deviceId], input.kind, [params], actor.id, this.clock.now());
      const command = toDeviceCommandDto(row);
      await this.audit.record(manager, actor, { action: 'device.command.queue', entity: 'device_command', entityId: row.id, after: command });
      return command;
    });
  }

  async list(deviceId: string, query: PageQueryDto): Promise<Page<DeviceCommandDto>> {
    if (!(await this.devices.find(deviceId))) throw deviceNotFound();
    const { rows, total } = await this.commands.page(deviceId, pageOffset(query), query.pageSize);
    return pageOf(rows.map(toDeviceCommandDto), total, query);
  }

  /** User records for these devices, within the writer's transaction (staff pushed to terminals). */
  async queueIn(manager: EntityManager, deviceIds: string[], spec: Extract<CommandSpec, { kind: 'user_update' | 'user_delete' }>[], now: Date): Promise<void> {
    if (deviceIds.length === 0) return;
    const kind = spec[0]?.kind;
    if (!kind || spec.some((one) => one.kind !== kind)) throw new Error('queueIn takes commands of one kind');
    const rows = await this.commands.insert(manager, deviceIds, kind, spec.map(({ kind: _kind, ...params }) => params), null, now);
    for (const row of rows) await this.audit.record(manager, null, { action: 'device.command.queue', entity: 'device_command', entityId: row.id, after: toDeviceCommandDto(row) });
  }

  /**
   * A terminal polled: the commands due, as the lines of the answer (`C:<id>:<command>`). Commands
   * sent DEVICE_COMMAND_MAX_SENDS times without an answer are given up first.
   */
  async deliver(device: CommandDevice): Promise<string[]> {
    const now = this.clock.now();
    const unansweredSince = new Date(now.getTime() - this.config.deviceCommandTimeoutSeconds * 1000);
    return this.dataSource.transaction(async (manager) => {
      const actor = deviceActor(device);
      for (const row of await this.commands.giveUp(manager, device.id, unansweredSince, this.config.deviceCommandMaxSends)) {
        await this.audit.record(manager, null, { action: 'device.command.no_answer', entity: 'device_command', entityId: row.id, after: toDeviceCommandDto(row) });
      }
      const due = await this.commands.due(manager, device.id, unansweredSince, COMMANDS_PER_POLL);
      if (due.length === 0) return [];
      const zone = device.timeZone ?? (await this.settings.timeZone(manager));
      const sent = due.map((row) => ({ id: row.id, text: commandText(specOf(row), now, zone) }));
      await this.commands.markSent(manager, sent, now);
      for (const [index, command] of sent.entries()) {
        await this.audit.record(manager, actor, { action: 'device.command.send', entity: 'device_command', entityId: command.id, after: { command: command.text, send: due[index].sends + 1 } });
      }
      return sent.map((command) => `C:${command.id}:${command.text}`);
    });
  }

  /** A terminal's results (`device` null: it did not say who it is, the command ids alone find them). */
  async settle(device: CommandDevice | null, reports: CommandReport[]): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      for (const report of reports) {
        const row = report.returnCode === null || !/^\d{1,18}$/.test(report.id) ? null : await this.commands.answer(manager, device?.id ?? null, report.id, report.returnCode, report.reply.join('\n') || null, now);
        if (!row) {
          this.logger.warn(`${device?.name ?? 'a terminal without SN'} reported a result for no command it was sent: ID=${report.id.slice(0, 32)} Return=${report.returnCode ?? '?'}`);
          continue;
        }
        if (row.state === 'done') await this.userConfirmed(manager, row, now);
        const actor: DeviceActor = device ? deviceActor(device) : { kind: 'device', id: row.device_id, username: 'terminal', roles: [] };
        await this.audit.record(manager, actor, { action: 'device.command.result', entity: 'device_command', entityId: row.id, after: { state: row.state, returnCode: row.return_code } });
      }
    });
  }

  /** A user record the terminal confirmed it wrote or deleted: its list of users follows. */
  private async userConfirmed(manager: EntityManager, row: DeviceCommandRow, now: Date): Promise<void> {
    const pin = row.params.pin;
    if (pin === undefined) return;
    if (row.kind === 'user_update') await this.users.pushed(manager, row.device_id, pin, terminalName(row.params.name ?? ''), now);
    if (row.kind === 'user_delete') await this.users.deleted(manager, row.device_id, pin);
  }
}

/** query_attlog: a period of at most 366 days. */
function periodOf(input: QueueCommandDto): { from: string; to: string } {
  if (input.from === undefined || input.to === undefined) throw commandPeriodInvalid((['from', 'to'] as const).filter((field) => input[field] === undefined).map((field) => ({ field, message: 'is required' })));
  if (input.to < input.from) throw commandPeriodInvalid([{ field: 'to', message: `must not be before ${input.from}` }]);
  if (input.to > addDays(input.from, 366)) throw commandPeriodInvalid([{ field: 'to', message: `must not be after ${addDays(input.from, 366)}` }]);
  return { from: input.from, to: input.to };
}

function noPeriod(input: QueueCommandDto): Record<string, never> {
  const given = (['from', 'to'] as const).filter((field) => input[field] !== undefined);
  if (given.length > 0) throw commandPeriodNotTaken(given);
  return {};
}
