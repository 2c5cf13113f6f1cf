import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ActingAs } from '../domain/workflow';
import type { ApprovalEvent, SubjectKind } from './approval-event';


@Injectable()
export class ApprovalEventsRepository {
  async record(manager: EntityManager, kind: SubjectKind, subjectId: string, event: Omit<ApprovalEvent, 'at'>): Promise<void> {
    await manager.query(
      `INSERT INTO approval_event (subject_kind, subject_id, from_status, to_status, actor_id, acting_as, comment) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [kind, subjectId, event.fromStatus, event.toStatus, event.actorId, event.actingAs, event.comment],
    );
  }

  async historyOf(manager: EntityManager, kind: SubjectKind, ids: string[]): Promise<Map<string, ApprovalEvent[]>> {
    const rows: { subject_id: string; from_status: string | null; to_status: string; actor_id: string; acting_as: ActingAs; comment: string | null; at: Date }[] = await manager.query(
      `SELECT subject_id, from_status, to_status, actor_id, acting_as, comment, at FROM approval_event WHERE subject_kind = $1 AND subject_id = ANY($2::uuid[]) ORDER BY id`,
      [kind, ids],
    );
    const history = new Map<string, ApprovalEvent[]>();
    for (const row of rows) {
      const list = history.get(row.subject_id) ?? [];
      list.push({ fromStatus: row.from_status, toStatus: row.to_status, actorId: row.actor_id, actingAs: row.acting_as, comment: row.comment, at: row.at.toISOString() });
      history.set(row.subject_id, list);
    }
    return history;
  }
}
