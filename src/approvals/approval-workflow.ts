import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../domain/actor';
import { ActingAs, Attempt, Step, transition, Workflow } from '../domain/workflow';
import type { ApprovalEvent, SubjectKind } from './approval-event';
import { ApprovalEventsRepository } from './approval-events.repository';
import { Notifier } from '../notifications/notifier';

/** Where a request's events are kept, and the comment that goes with this one. */
export interface EventOf {
  kind: SubjectKind;
  id: string;
  comment: string | null;
}

/**
 * Runs one transition of an approval flow inside the caller's transaction. The caller has locked
 * the subject and loaded whose it is; this decides by the flow's table (or refuses), records the
 * approval event with its notification, and tells the caller what to write and whether the days change.
 */
@Injectable()
export class ApprovalWorkflow {
  constructor(
    private readonly events: ApprovalEventsRepository,
    private readonly notifier: Notifier,
  ) {}

  /**
   * The first event of a new request: its owner filed it (or an administrator for them: `actingAs`
   * admin, `requesterId` the owner); a pending one is announced to its approver.
   */
  async opened(manager: EntityManager, kind: SubjectKind, id: string, actor: Actor, status: string, actingAs: ActingAs = 'employee', requesterId: string = actor.id): Promise<void> {
    await this.events.record(manager, kind, id, { fromStatus: null, toStatus: status, actorId: actor.id, actingAs, comment: null });
    await this.notifier.requestStep(manager, { subjectKind: kind, subjectId: id, requesterId, actorId: actor.id, fromStatus: null, toStatus: status, comment: null });
  }

  /** `event` null: the subject keeps no approval events (a disciplinary record: its audit rows tell). */
  async run<S extends string, A extends string, F extends string>(manager: EntityManager, flow: Workflow<S, A, F>, attempt: Attempt<S, A, F>, event: EventOf | null): Promise<Step<S>> {
    const step = transition(flow, attempt);
    if (event) {
      await this.events.record(manager, event.kind, event.id, { fromStatus: step.from, toStatus: step.to, actorId: attempt.actor.id, actingAs: step.actingAs, comment: event.comment });
      // Every recorded step of every flow passes here: a decision reaches the requester without code of the flow's own.
      await this.notifier.requestStep(manager, {
        subjectKind: event.kind,
        subjectId: event.id,
        requesterId: attempt.requester.id,
        actorId: attempt.actor.id,
        fromStatus: step.from,
        toStatus: step.to,
        comment: event.comment,
      });
    }
    return step;
  }

  /** Each request's answer (`toDto`) followed by its history, oldest event first: one query for all of them. */
  async withHistory<R extends { id: string }, D>(manager: EntityManager, kind: SubjectKind, rows: R[], toDto: (row: R) => D): Promise<(D & { history: ApprovalEvent[] })[]> {
    const history = await this.events.historyOf(manager, kind, rows.map((row) => row.id));
    return rows.map((row) => ({ ...toDto(row), history: history.get(row.id) ?? [] }));
  }
}
