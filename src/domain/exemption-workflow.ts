import { selfApproval } from './approval-policy';
import { DomainError } from './errors/domain-error';
import { Transition, Workflow } from './workflow';

export type ExemptionStatus = 'pending' | 'approved' | 'rejected' | 'filed' | 'revoked';
export type ExemptionAction = 'approve' | 'reject' | 'file' | 'revoke';

const filingNeedsAdmin = () => new DomainError('forbidden', 'ROLE_REQUIRED', 'Only the office (admin) files exemptions (H-ORG-4)');
const revokingNeedsRole = () => new DomainError('forbidden', 'ROLE_REQUIRED', 'Only an administrator or finance revokes an exemption (H-ATT-9)');

/**
 * Business trips (H-ATT-8, H-ATT-9, H-ATT-12): the direct supervisor signs, the office files,
 * admin or finance revoke a signed one (also their own: a revocation is a correction, not a decision).
 */
export const EXEMPTION_WORKFLOW: Workflow<ExemptionStatus, ExemptionAction> = {
  selfApproval,
  transitions: [
    { action: 'approve', from: ['pending'], to: 'approved', who: { kind: 'decider' }, recompute: true },
    { action: 'reject', from: ['pending'], to: 'rejected', who: { kind: 'decider' }, recompute: false },
    { action: 'file', from: ['approved'], to: 'filed', who: { kind: 'roles', roles: ['admin'], refuse: filingNeedsAdmin }, recompute: false },
    { action: 'revoke', from: ['approved', 'filed'], to: 'revoked', who: { kind: 'roles', roles: ['admin', 'finance'], refuse: revokingNeedsRole, ownerAllowed: true }, recompute: true },
  ] satisfies Transition<ExemptionStatus, ExemptionAction>[],
};
