import { selfApproval } from './approval-policy';
import { DomainError } from './errors/domain-error';
import { Transition, Workflow } from './workflow';

/** The states of a request that a supervisor decides and the office files or cancels (make-up punches, overtime). */
export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'filed' | 'cancelled';
export type RequestAction = 'approve' | 'reject' | 'withdraw' | 'file' | 'cancel';

/** The words a flow's refusals use for what it files and cancels (e.g. "make-up punches", "an approved make-up punch"). */
export interface RequestNouns {
  filed: string;
  cancelled: string;
}

/**
 * The flow of a request beside leave (H-ORG-3, H-ORG-4): the direct supervisor (or an admin in
 * their place) approves or rejects, the office files; the requester withdraws while it is pending;
 * the office cancels an approved one later, with a reason. Nobody decides their own. Approval and
 * cancellation change what the day is, so the day is judged again.
 */
export function requestWorkflow(nouns: RequestNouns): Workflow<RequestStatus, RequestAction> {
  const withdrawByRequester = () => new DomainError('forbidden', 'CANCEL_BY_EMPLOYEE', 'Only the requester withdraws a pending request; a supervisor rejects it');
  const filingNeedsAdmin = () => new DomainError('forbidden', 'ROLE_REQUIRED', `Only the office (admin) files ${nouns.filed} (H-ORG-4)`);
  const cancelNeedsAdmin = () => new DomainError('forbidden', 'ROLE_REQUIRED', `Only the office (admin) cancels ${nouns.cancelled}`);
  return {
    selfApproval,
    transitions: [
      { action: 'approve', from: ['pending'], to: 'approved', who: { kind: 'decider' }, recompute: true },
      { action: 'reject', from: ['pending'], to: 'rejected', who: { kind: 'decider' }, recompute: false },
      { action: 'withdraw', from: ['pending'], to: 'withdrawn', who: { kind: 'owner', refuse: withdrawByRequester }, recompute: false },
      { action: 'file', from: ['approved'], to: 'filed', who: { kind: 'roles', roles: ['admin'], refuse: filingNeedsAdmin }, recompute: false },
      { action: 'cancel', from: ['approved', 'filed'], to: 'cancelled', who: { kind: 'roles', roles: ['admin'], refuse: cancelNeedsAdmin }, recompute: true },
    ] satisfies Transition<RequestStatus, RequestAction>[],
  };
}
