import { DomainError } from './errors/domain-error';
import { Transition, Who, Workflow } from './workflow';

export type DisciplinaryStatus = 'issued' | 'acknowledged' | 'appealed' | 'upheld' | 'withdrawn';
export type DisciplinaryAction = 'acknowledge' | 'appeal' | 'uphold' | 'withdraw';

const onlyTheEmployee = (doing: string) => () => new DomainError('forbidden', 'ONLY_THE_EMPLOYEE', `Only the employee ${doing} their own record`);
const adminDecides = () => new DomainError('forbidden', 'ROLE_REQUIRED', 'Only an administrator decides an appeal or withdraws a record');
const admin: Who = { kind: 'roles', roles: ['admin'], refuse: adminDecides };

/** H-CON-8: the employee acknowledges or appeals; an administrator upholds an appeal or withdraws the record. */
export const DISCIPLINARY_WORKFLOW: Workflow<DisciplinaryStatus, DisciplinaryAction> = {
  selfApproval: () => new DomainError('forbidden', 'SELF_APPROVAL', 'Nobody decides on their own record'),
  transitions: [
    { action: 'acknowledge', from: ['issued'], to: 'acknowledged', who: { kind: 'owner', refuse: onlyTheEmployee('acknowledges') }, recompute: false },
    { action: 'appeal', from: ['issued', 'acknowledged'], to: 'appealed', who: { kind: 'owner', refuse: onlyTheEmployee('appeals') }, recompute: false },
    { action: 'uphold', from: ['appealed'], to: 'upheld', who: admin, recompute: false },
    { action: 'withdraw', from: ['issued', 'acknowledged', 'appealed'], to: 'withdrawn', who: admin, recompute: false },
  ] satisfies Transition<DisciplinaryStatus, DisciplinaryAction>[],
};
