import { selfApproval } from './approval-policy';
import { DomainError } from './errors/domain-error';
import { Transition, Who, Workflow } from './workflow';

export type LeaveStatus = 'pending' | 'approved' | 'rejected' | 'cancelled' | 'filed';
export type LeaveAction = 'approve' | 'reject' | 'file' | 'cancel';
/** `started`: the first day has come (in company time). */
export type LeaveFact = 'started';

export const cancelNeedsSupervisor = () =>
  new DomainError('forbidden', 'CANCEL_NEEDS_SUPERVISOR', 'Leave that has started can only be cancelled by the supervisor or an administrator');

export const cancelByEmployee = () =>
  new DomainError('forbidden', 'CANCEL_BY_EMPLOYEE', 'Before leave starts only the employee cancels it; a supervisor rejects a pending request');

const filingNeedsAdmin = () => new DomainError('forbidden', 'ROLE_REQUIRED', 'Only the office (admin) files approved leave (H-ORG-4)');

// Before it starts the request is the employee's to withdraw; a supervisor rejects a pending one.
const beforeStart: Who = { kind: 'owner', refuse: cancelByEmployee, decidersRefused: true };
// Once it has started, the supervisor or an administrator (also an administrator for their own leave).
const afterStart: Who = { kind: 'decider', ownerAs: { role: 'admin', refuse: cancelNeedsSupervisor } };

type Row = Transition<LeaveStatus, LeaveAction, LeaveFact>;

/** H-ATT-10, H-ORG-3, H-ORG-4: the direct supervisor decides, the office files; approved leave changes days. */
export const LEAVE_WORKFLOW: Workflow<LeaveStatus, LeaveAction, LeaveFact> = {
  selfApproval,
  transitions: [
    { action: 'approve', from: ['pending'], to: 'approved', who: { kind: 'decider' }, recompute: true },
    { action: 'reject', from: ['pending'], to: 'rejected', who: { kind: 'decider' }, recompute: false },
    { action: 'file', from: ['approved'], to: 'filed', who: { kind: 'roles', roles: ['admin'], refuse: filingNeedsAdmin }, recompute: false },
    { action: 'cancel', from: ['pending'], to: 'cancelled', who: beforeStart, stateFirst: true, recompute: false },
    { action: 'cancel', from: ['approved', 'filed'], when: { started: false }, to: 'cancelled', who: beforeStart, stateFirst: true, recompute: true },
    { action: 'cancel', from: ['approved', 'filed'], when: { started: true }, to: 'cancelled', who: afterStart, stateFirst: true, recompute: true },
  ] satisfies Row[],
};
