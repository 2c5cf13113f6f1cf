import { selfApproval } from './approval-policy';
import { DomainError } from './errors/domain-error';
import { Transition, Workflow } from './workflow';

export type CorrectionStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'filed' | 'cancelled';
export type CorrectionAction = 'approve' | 'reject' | 'withdraw' | 'file' | 'cancel';

const withdrawByRequester = () =>
  new DomainError('forbidden', 'CANCEL_BY_EMPLOYEE', 'Only the requester withdraws a pending request; a supervisor rejects it');
const filingNeedsAdmin = () => new DomainError('forbidden', 'ROLE_REQUIRED', 'Only the office (admin) files make-up punches (H-ORG-4)');
const cancelNeedsAdmin = () => new DomainError('forbidden', 'ROLE_REQUIRED', 'Only the office (admin) cancels an approved make-up punch');

/**
 * Make-up punches (补卡, issue 17; H-ORG-3, H-ORG-4): the direct supervisor (or an admin in their
 * place) approves or rejects, the office files; the requester withdraws while it is pending; the
 * office cancels an approved one later (its punch is voided). Nobody decides their own.
 */
export const CORRECTION_WORKFLOW: Workflow<CorrectionStatus, CorrectionAction> = {
  selfApproval,
  transitions: [
    { action: 'approve', from: ['pending'], to: 'approved', who: { kind: 'decider' }, recompute: true },
    { action: 'reject', from: ['pending'], to: 'rejected', who: { kind: 'decider' }, recompute: false },
    { action: 'withdraw', from: ['pending'], to: 'withdrawn', who: { kind: 'owner', refuse: withdrawByRequester }, recompute: false },
    { action: 'file', from: ['approved'], to: 'filed', who: { kind: 'roles', roles: ['admin'], refuse: filingNeedsAdmin }, recompute: false },
    { action: 'cancel', from: ['approved', 'filed'], to: 'cancelled', who: { kind: 'roles', roles: ['admin'], refuse: cancelNeedsAdmin }, recompute: true },
  ] satisfies Transition<CorrectionStatus, CorrectionAction>[],
};
