import type { EntityManager } from 'typeorm';
import type { RequestStatus } from '../domain/request-workflow';

/** The tables of requests that follow request-workflow.ts; each has the same decision columns. */
export type RequestTable = 'punch_correction' | 'overtime_request';

/**
 * Moves a request of request-workflow.ts to `status`, stamping who and when in the columns of
 * that step (a decision with the capacity it was taken in; a cancellation with its reason). The
 * owning repository calls it for its own table.
 */
export async function writeRequestStatus(manager: EntityManager, table: RequestTable, id: string, status: RequestStatus, actorId: string, capacity: string, now: Date, reason: string | null): Promise<void> {
  const columns: Record<RequestStatus, [string, unknown[]]> = {
    pending: ['', []],
    approved: [', decided_at = $3, decided_by = $4, decided_as = $5', [now, actorId, capacity]],
    rejected: [', decided_at = $3, decided_by = $4, decided_as = $5', [now, actorId, capacity]],
    withdrawn: [', withdrawn_at = $3', [now]],
    filed: [', filed_at = $3, filed_by = $4', [now, actorId]],
    cancelled: [', cancelled_at = $3, cancelled_by = $4, cancel_reason = $5', [now, actorId, reason]],
  };
  const [set, params] = columns[status];
  await manager.query(`UPDATE ${table} SET status = $2${set} WHERE id = $1`, [id, status, ...params]);
}
