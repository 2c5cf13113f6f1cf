import { selfApproval } from './approval-policy';
import { DomainError } from './errors/domain-error';
import { Transition, Workflow } from './workflow';

export type OvertimeStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'filed' | 'cancelled';
export type OvertimeAction = 'approve' | 'reject' | 'withdraw' | 'file' | 'cancel';

const withdrawByRequester = () =>
  new DomainError('forbidden', 'CANCEL_BY_EMPLOYEE', 'Only the requester withdraws a pending request; a supervisor rejects it');
const filingNeedsAdmin = () => new DomainError('forbidden', 'ROLE_REQUIRED', 'Only the office (admin) files overtime (H-ORG-4)');
const cancelNeedsAdmin = () => new DomainError('forbidden', 'ROLE_REQUIRED', 'Only the office (admin) cancels approved overtime');

/**
 * Overtime requests (加班, issue 22; H-ORG-3, H-ORG-4): the same flow as leave and make-up punches.
 * The direct supervisor (or an admin in their place) approves or rejects, the office files; the
 * requester withdraws while it is pending; the office cancels an approved one with a reason. Nobody
 * decides their own. Approval and cancellation change what the day credits.
 */
export const OVERTIME_WORKFLOW: Workflow<OvertimeStatus, OvertimeAction> = {
  selfApproval,
  transitions: [
    { action: 'approve', from: ['pending'], to: 'approved', who: { kind: 'decider' }, recompute: true },
    { action: 'reject', from: ['pending'], to: 'rejected', who: { kind: 'decider' }, recompute: false },
    { action: 'withdraw', from: ['pending'], to: 'withdrawn', who: { kind: 'owner', refuse: withdrawByRequester }, recompute: false },
    { action: 'file', from: ['approved'], to: 'filed', who: { kind: 'roles', roles: ['admin'], refuse: filingNeedsAdmin }, recompute: false },
    { action: 'cancel', from: ['approved', 'filed'], to: 'cancelled', who: { kind: 'roles', roles: ['admin'], refuse: cancelNeedsAdmin }, recompute: true },
  ] satisfies Transition<OvertimeStatus, OvertimeAction>[],
};
