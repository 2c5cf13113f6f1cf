import { Actor, hasRole } from './actor';
import { decidingCapacity, Requester, stateChanged } from './approval-policy';
import { DomainError } from './errors/domain-error';

/** In which capacity someone acts on a request or record; recorded with each approval event. */
export type ActingAs = 'employee' | 'supervisor' | 'admin' | 'finance';

/**
 * Who may take a transition, in the terms of approval-policy.ts (H-ORG-3): the order of the checks
 * is part of the rule, because it decides which refusal someone who fails two of them receives.
 *
 * - `owner`: only the person the request or record is about. Anyone else is refused with
 *   `refuse()`; with `decidersRefused`, someone who is not even the decider hears that first.
 * - `decider`: the direct supervisor, or an administrator in their place; nobody their own, unless
 *   `ownerAs` names a role in which the owner may act (and the refusal for an owner without it).
 * - `roles`: the holders of one of the roles (the first held is the capacity), else `refuse()`;
 *   the owner only if `ownerAllowed`, else the flow's self-approval refusal.
 */
export type Who =
  | { kind: 'owner'; refuse: () => DomainError; decidersRefused?: boolean }
  | { kind: 'decider'; ownerAs?: { role: 'admin'; refuse: () => DomainError } }
  | { kind: 'roles'; roles: readonly ('admin' | 'finance')[]; refuse: () => DomainError; ownerAllowed?: boolean };

/** One row of a transition table: from which states an action leads where, who may, what follows. */
export interface Transition<S extends string, A extends string, F extends string = never> {
  action: A;
  from: readonly S[];
  to: S;
  who: Who;
  /** Only when these facts of the moment (e.g. the leave has started) are as given. */
  when?: Partial<Record<F, boolean>>;
  /**
   * The state is checked before who may, because the rows of this action differ in who may
   * (cancelling leave before and after it starts). Otherwise an action's rows share one `who`,
   * and who may is checked first.
   */
  stateFirst?: boolean;
  /** Whether the covered days must be reclassified in the same transaction. */
  recompute: boolean;
}

export interface Workflow<S extends string, A extends string, F extends string = never> {
  /** The refusal for someone deciding on their own request or record (its wording is the flow's). */
  selfApproval: () => DomainError;
  transitions: readonly Transition<S, A, F>[];
}

/** The attempt: the subject's state, the action, who acts and whose the subject is. */
export interface Attempt<S extends string, A extends string, F extends string = never> {
  state: S;
  action: A;
  actor: Actor;
  requester: Requester;
  facts?: Partial<Record<F, boolean>>;
}

export interface Step<S extends string> {
  from: S;
  to: S;
  actingAs: ActingAs;
  recompute: boolean;
}

/** The transition an attempt takes, or the refusal (STATE_CHANGED, SELF_APPROVAL, ROLE_REQUIRED, …). */
export function transition<S extends string, A extends string, F extends string>(flow: Workflow<S, A, F>, attempt: Attempt<S, A, F>): Step<S> {
  const rows = flow.transitions.filter((row) => row.action === attempt.action);
  if (rows.length === 0) throw new Error(`The workflow has no action ${attempt.action}`);
  const match = () => {
    const row = rows.find((candidate) => candidate.from.includes(attempt.state) && factsHold(candidate.when, attempt.facts));
    if (!row) throw stateChanged(attempt.state, rows[0].to);
    return row;
  };
  let row: Transition<S, A, F>;
  let actingAs: ActingAs;
  if (rows.some((candidate) => candidate.stateFirst)) {
    row = match();
    actingAs = capacity(flow, row.who, attempt.actor, attempt.requester);
  } else {
    actingAs = capacity(flow, rows[0].who, attempt.actor, attempt.requester);
    row = match();
  }
  return { from: attempt.state, to: row.to, actingAs, recompute: row.recompute };
}

function factsHold<F extends string>(when: Partial<Record<F, boolean>> | undefined, facts: Partial<Record<F, boolean>> = {}): boolean {
  return Object.entries(when ?? {}).every(([fact, value]) => (facts[fact as F] ?? false) === value);
}

/** The capacity in which the actor may take the transition, or the refusal. */
export function capacity(flow: { selfApproval: () => DomainError }, who: Who, actor: Actor, requester: Requester): ActingAs {
  const own = actor.id === requester.id;
  switch (who.kind) {
    case 'owner':
      if (own) return 'employee';
      if (who.decidersRefused) decidingCapacity(actor, requester);
      throw who.refuse();
    case 'decider':
      if (own && who.ownerAs) {
        if (!hasRole(actor, who.ownerAs.role)) throw who.ownerAs.refuse();
        return who.ownerAs.role;
      }
      if (own) throw flow.selfApproval();
      return decidingCapacity(actor, requester);
    case 'roles': {
      const role = who.roles.find((candidate) => hasRole(actor, candidate));
      if (role === undefined) throw who.refuse();
      if (own && !who.ownerAllowed) throw flow.selfApproval();
      return role;
    }
  }
}
