import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../domain/actor';
import { currentRequestId } from '../observability/request-context';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes audit rows inside the caller's transaction, so a write and its audit row land together. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: Actor | null, record: AuditRecord): Promise<void> {
    await manager.insert(AuditEntry, {
      actorKind: actor ? actor.kind : 'system',
      actorId: actor ? actor.id : null,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId,
      // jsonb columns: TypeORM's insert typing does not model arbitrary JSON values.
      before: (record.before ?? null) as object,
      after: (record.after ?? null) as object,
      // From the request's async context, so that no caller has to pass it down.
      requestId: currentRequestId(),
    });
  }
}
