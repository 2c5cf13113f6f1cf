import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DECIDED_STATUSES } from '../domain/notifications/kinds';
import { Clock } from '../policy/clock';
import { NewEvent, OutboxRepository } from './outbox.repository';

/** What an approval flow tells of one of its transitions (any subject kind: leave, trips, make-up punches, flows added later). */
export interface RequestStep {
  subjectKind: string;
  subjectId: string;
  requesterId: string;
  actorId: string;
  fromStatus: string | null;
  toStatus: string;
  comment: string | null;
}

/**
 * How the rest of the service notifies: an event written into the outbox in the caller's
 * transaction, so that a change that rolls back sends nothing and one that commits always has
 * its messages. Delivery happens later, off the request (NotificationDeliverer).
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  emit(manager: EntityManager, event: NewEvent): Promise<void> {
    return this.outbox.insertEvent(manager, event, this.clock.now());
  }

  /** An event someone's change causes; their name goes into the words ("closed by 赵会计"). */
  async emitBy(manager: EntityManager, actorId: string, event: NewEvent): Promise<void> {
    const names = await this.outbox.names(manager, [actorId]);
    await this.emit(manager, { ...event, params: { ...event.params, actorName: names.get(actorId) ?? '' } });
  }

  /**
   * A request filed as pending waits for its approver (H-ORG-3); a decision by someone else
   * (approved, rejected, filed, cancelled, revoked) goes to the requester. The requester's own
   * steps (withdrawing) tell nobody.
   */
  async requestStep(manager: EntityManager, step: RequestStep): Promise<void> {
    const opened = step.fromStatus === null && step.toStatus === 'pending';
    const decided = step.fromStatus !== null && (DECIDED_STATUSES as readonly string[]).includes(step.toStatus) && step.actorId !== step.requesterId;
    if (!opened && !decided) return;
    const names = await this.outbox.names(manager, [step.requesterId, step.actorId]);
    const common = { subjectKind: step.subjectKind, subjectId: step.subjectId, requesterName: names.get(step.requesterId) ?? '' };
    if (opened) {
      await this.emit(manager, { kind: 'request_waiting', audience: 'approver', staffId: step.requesterId, params: common });
    } else {
      const params = { ...common, status: step.toStatus, actorName: names.get(step.actorId) ?? '', comment: step.comment };
      await this.emit(manager, { kind: 'request_decided', audience: 'person', staffId: step.requesterId, params });
    }
  }
}
