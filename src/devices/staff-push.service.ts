import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../domain/actor';
import type { PinMapping } from '../domain/terminal/pin-mapping';
import { type UserCommand, userCommandsFor } from '../domain/terminal/staff-push';
import { Clock } from '../policy/clock';
import { type StaffChange, type StaffChangeListener, StaffChanges } from '../policy/staff-changes';
import { DeviceCommandsRepository } from './device-commands.repository';
import { DeviceCommandsService } from './device-commands.service';
import { DevicesRepository } from './devices.repository';

/** At most this many employee numbers without a PIN (or sharing one) are named in the audit row of a bulk push (the count is always there). */
const NO_PIN_LISTED = 50;

/**
 * Staff pushed to terminals (issue 19): every active device with push_staff on is sent the people
 * entered in Kaoqin. A staff change is turned into user commands within the staff write's
 * transaction (StaffChanges), so a rolled-back write queues nothing; a device that starts pushing
 * is queued everyone at once. Deletes and updates of one change are queued in that order, so a
 * terminal never holds a person under an old and a new PIN for long.
 */
@Injectable()
export class StaffPushService implements OnModuleInit, StaffChangeListener {
  private readonly logger = new Logger('StaffPush');

  constructor(
    private readonly staffChanges: StaffChanges,
    private readonly devices: DevicesRepository,
    private readonly commands: DeviceCommandsService,
    private readonly commandRows: DeviceCommandsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.staffChanges.listen(this);
  }

  async staffChanged(manager: EntityManager, change: StaffChange): Promise<void> {
    const devices = await this.devices.pushing(manager);
    if (devices.length === 0) return;
    const now = this.clock.now();
    const byMapping = new Map<PinMapping, ReturnType<typeof userCommandsFor>>();
    const deletes: { deviceId: string; command: Extract<UserCommand, { kind: 'user_delete' }> }[] = [];
    const updates: { deviceId: string; command: Extract<UserCommand, { kind: 'user_update' }> }[] = [];
    const noPin: string[] = [];
    const shared: { deviceId: string; pin: string }[] = [];
    for (const device of devices) {
      const result = byMapping.get(device.pin_mapping) ?? userCommandsFor(device.pin_mapping, change.before, change.after);
      byMapping.set(device.pin_mapping, result);
      // On a digits terminal, E0002 and F0002 are both PIN 2: writing it would overwrite the other
      // person, deleting it would remove them. Such a PIN is left alone and the office told.
      const held = device.pin_mapping === 'employee_no_digits' ? await this.heldByOthers(manager, result.commands, change.staffId) : new Set<string>();
      for (const command of result.commands) {
        if (held.has(command.pin)) shared.push({ deviceId: device.id, pin: command.pin });
        else if (command.kind === 'user_delete') deletes.push({ deviceId: device.id, command });
        else updates.push({ deviceId: device.id, command });
      }
      if (result.noPin !== null) noPin.push(device.id);
    }
    if (deletes.length > 0) await this.commands.queueIn(manager, deletes.map((one) => one.deviceId), deletes.map((one) => one.command), now);
    if (updates.length > 0) await this.commands.queueIn(manager, updates.map((one) => one.deviceId), updates.map((one) => one.command), now);
    if (shared.length > 0) {
      this.logger.warn(`Employee number ${change.after?.employeeNo ?? change.before?.employeeNo ?? ''} shares its terminal PIN with another active person: left alone on ${shared.length} terminal(s)`);
      await this.audit.record(manager, null, { action: 'device.staff_push.pin_shared', entity: 'staff', entityId: change.staffId, after: { pins: [...new Set(shared.map((one) => one.pin))], deviceIds: [...new Set(shared.map((one) => one.deviceId))] } });
    }
    if (noPin.length > 0) {
      const employeeNo = change.after?.employeeNo ?? '';
      // Not an error of the staff write: the person is simply not on those terminals, and the office can see why.
      this.logger.warn(`Employee number ${employeeNo} has no digits to make a PIN of: not pushed to ${noPin.length} employee_no_digits terminal(s)`);
      await this.audit.record(manager, null, { action: 'device.staff_push.no_pin', entity: 'staff', entityId: change.staffId, after: { employeeNo, deviceIds: noPin } });
    }
  }

  private heldByOthers(manager: EntityManager, commands: UserCommand[], staffId: string): Promise<Set<string>> {
    return this.commandRows.pinsHeldByOthers(manager, [...new Set(commands.map((command) => command.pin))], staffId);
  }

  /**
   * The device starts pushing (registered or reactivated with push_staff on, push_staff switched
   * on, its pinMapping changed): every active person is queued a user_update, in one statement, and
   * audited as one row that counts them (not one row per person).
   */
  async pushEveryone(manager: EntityManager, actor: Actor, device: { id: string; pin_mapping: PinMapping }): Promise<void> {
    const { queued, noPin, shared } = await this.commandRows.queueEveryone(manager, device.id, device.pin_mapping, this.clock.now(), actor.id);
    if (noPin.length > 0) this.logger.warn(`${noPin.length} employee number(s) have no digits to make a PIN of: not pushed to device ${device.id}`);
    await this.audit.record(manager, actor, {
      action: 'device.staff_push.all',
      entity: 'device',
      entityId: device.id,
      after: { queued, pinMapping: device.pin_mapping, noPinCount: noPin.length, noPin: noPin.slice(0, NO_PIN_LISTED), sharedPinCount: shared.length, sharedPin: shared.slice(0, NO_PIN_LISTED) },
    });
  }
}
