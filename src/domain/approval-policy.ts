import { Actor, hasRole } from './actor';
import { DomainError } from './errors/domain-error';

export type DecidingCapacity = 'supervisor' | 'admin';

export interface Requester {
  id: string;
  supervisorId: string | null;
  /** Whether that supervisor is still active (an inactive one cannot sign, so the admins do). */
  supervisorActive: boolean;
}

/** Requests are filed and decided by people; a device key can only add punches. */
export const onlyStaff = () => new DomainError('forbidden', 'ROLE_REQUIRED', 'Only a signed-in staff member can do this');

export const selfApproval = () =>
  new DomainError('forbidden', 'SELF_APPROVAL', 'Nobody approves, rejects or files their own request (H-ORG-3)');

export const notDirectSupervisor = () =>
  new DomainError('forbidden', 'NOT_DIRECT_SUPERVISOR', "Only the requester's direct supervisor, or an administrator, decides this request (H-ORG-3, H-ATT-12)");

export const stateChanged = (current: string, wanted: string) =>
  new DomainError('conflict', 'STATE_CHANGED', `The request is ${current}: it cannot be ${wanted} (someone acted on it first)`);

/**
 * H-ORG-3 / H-ATT-12: the direct supervisor decides; an administrator may act in place of an
 * absent supervisor (and always for someone without one), recorded as such; nobody decides their own.
 */
export function decidingCapacity(actor: Actor, requester: Requester): DecidingCapacity {
  if (actor.id === requester.id) throw selfApproval();
  if (requester.supervisorId === actor.id && requester.supervisorActive) return 'supervisor';
  if (hasRole(actor, 'admin')) return 'admin';
  throw notDirectSupervisor();
}
