import fc from 'fast-check';
import type { Actor } from '../../src/domain/actor';
import { decidingCapacity, type Requester } from '../../src/domain/approval-policy';
import { CORRECTION_WORKFLOW } from '../../src/domain/correction-workflow';
import { DISCIPLINARY_WORKFLOW } from '../../src/domain/disciplinary-workflow';
import { DomainError } from '../../src/domain/errors/domain-error';
import { EXEMPTION_WORKFLOW } from '../../src/domain/exemption-workflow';
import { LEAVE_WORKFLOW } from '../../src/domain/leave-workflow';
import { type Step, transition, type Transition, type Workflow } from '../../src/domain/workflow';

/**
 * The one approval workflow (issue 15): each flow is a table, and one pure function walks it. Over
 * every state, action, fact and relation between the actor and the requester, the outcome is the
 * table's transition or one of the refusals the API has always given — never anything else.
 */
type AnyFlow = Workflow<string, string, string>;
const FLOWS: [string, AnyFlow][] = [
  ['leave', LEAVE_WORKFLOW as unknown as AnyFlow],
  ['exemption', EXEMPTION_WORKFLOW as unknown as AnyFlow],
  ['disciplinary', DISCIPLINARY_WORKFLOW as unknown as AnyFlow],
  ['punch correction', CORRECTION_WORKFLOW as unknown as AnyFlow],
];
const WHO_REFUSALS = new Set(['SELF_APPROVAL', 'NOT_DIRECT_SUPERVISOR', 'ROLE_REQUIRED', 'ONLY_THE_EMPLOYEE', 'CANCEL_BY_EMPLOYEE', 'CANCEL_NEEDS_SUPERVISOR']);
const PEOPLE = ['anna', 'bo', 'chen'];

const statesOf = (flow: AnyFlow) => [...new Set(flow.transitions.flatMap((row) => [...row.from, row.to]))];
const actionsOf = (flow: AnyFlow) => [...new Set(flow.transitions.map((row) => row.action))];
const finalStatesOf = (flow: AnyFlow) => statesOf(flow).filter((state) => !flow.transitions.some((row) => row.from.includes(state)));

const actor: fc.Arbitrary<Actor> = fc.record({
  kind: fc.constant('staff' as const),
  id: fc.constantFrom(...PEOPLE),
  username: fc.constant('someone'),
  roles: fc.subarray(['admin', 'finance'] as const),
});
const requester: fc.Arbitrary<Requester> = fc.record({
  id: fc.constantFrom(...PEOPLE),
  supervisorId: fc.constantFrom(null, ...PEOPLE),
  supervisorActive: fc.boolean(),
});

const attemptOn = (flow: AnyFlow) =>
  fc.record({
    state: fc.constantFrom(...statesOf(flow)),
    action: fc.constantFrom(...actionsOf(flow)),
    actor,
    requester,
    facts: fc.record({ started: fc.boolean() }),
  });

type Outcome = { step: Step<string> } | { error: DomainError };
function attempt(flow: AnyFlow, input: Parameters<typeof transition>[1]): Outcome {
  try {
    return { step: transition(flow, input) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { error };
  }
}

const matchingRow = (flow: AnyFlow, state: string, action: string, facts: Record<string, boolean>): Transition<string, string, string> | undefined =>
  flow.transitions.find((row) => row.action === action && row.from.includes(state) && Object.entries(row.when ?? {}).every(([fact, value]) => facts[fact] === value));

describe.each(FLOWS)('The %s workflow: one table, one transition function (issue 15)', (_name, flow) => {
  it('every (state, action) either takes the table’s transition, refuses who acts, or answers STATE_CHANGED when the table has none', () => {
    fc.assert(
      fc.property(attemptOn(flow), (input) => {
        const row = matchingRow(flow, input.state, input.action, input.facts);
        const outcome = attempt(flow, input);
        if ('step' in outcome) {
          expect(row).toBeDefined();
          expect(outcome.step).toMatchObject({ from: input.state, to: row!.to, recompute: row!.recompute });
        } else if (outcome.error.code === 'STATE_CHANGED') {
          expect(row).toBeUndefined();
          expect(outcome.error.kind).toBe('conflict');
          expect(outcome.error.message).toContain(`The request is ${input.state}:`);
        } else {
          expect(WHO_REFUSALS.has(outcome.error.code)).toBe(true);
          expect(outcome.error.kind).toBe('forbidden');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('nothing leaves a final state', () => {
    const finals = finalStatesOf(flow);
    expect(finals.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(attemptOn(flow), fc.constantFrom(...finals), (input, state) => {
        expect('step' in attempt(flow, { ...input, state })).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('nobody decides their own: the owner acts as the employee, or in a role only where the table allows it', () => {
    fc.assert(
      fc.property(attemptOn(flow), (input) => {
        const own = { ...input, requester: { ...input.requester, id: input.actor.id } };
        const outcome = attempt(flow, own);
        if (!('step' in outcome)) return;
        const row = matchingRow(flow, own.state, own.action, own.facts)!;
        expect(outcome.step.actingAs).not.toBe('supervisor');
        if (outcome.step.actingAs !== 'employee') {
          expect((row.who.kind === 'decider' && row.who.ownerAs !== undefined) || (row.who.kind === 'roles' && row.who.ownerAllowed === true)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a decision belongs to the direct supervisor, or an administrator in their place (approval-policy)', () => {
    fc.assert(
      fc.property(attemptOn(flow), (input) => {
        const row = matchingRow(flow, input.state, input.action, input.facts);
        if (row?.who.kind !== 'decider' || input.actor.id === input.requester.id) return;
        const outcome = attempt(flow, input);
        let expected: string;
        try {
          expected = decidingCapacity(input.actor, input.requester);
        } catch (error) {
          expect('error' in outcome && outcome.error.code).toBe((error as DomainError).code);
          return;
        }
        expect('step' in outcome && outcome.step.actingAs).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('the table is well formed: an action leads to one state, and an action checked “who first” has one rule for who', () => {
    for (const action of actionsOf(flow)) {
      const rows = flow.transitions.filter((row) => row.action === action);
      expect(new Set(rows.map((row) => row.to)).size).toBe(1);
      if (!rows.some((row) => row.stateFirst)) expect(new Set(rows.map((row) => row.who)).size).toBe(1);
    }
  });
});

describe('The flows keep their refusals word for word', () => {
  const staff = (id: string, roles: ('admin' | 'finance')[] = []): Actor => ({ kind: 'staff', id, username: id, roles });
  const ofAnna: Requester = { id: 'anna', supervisorId: 'bo', supervisorActive: true };
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return { code: (error as DomainError).code, message: (error as DomainError).message };
    }
    throw new Error('expected a refusal');
  };

  it('leave', () => {
    expect(refusal(() => transition(LEAVE_WORKFLOW, { state: 'pending', action: 'approve', actor: staff('anna', ['admin']), requester: ofAnna }))).toEqual({
      code: 'SELF_APPROVAL', message: 'Nobody approves, rejects or files their own request (H-ORG-3)',
    });
    expect(refusal(() => transition(LEAVE_WORKFLOW, { state: 'approved', action: 'approve', actor: staff('bo'), requester: ofAnna }))).toEqual({
      code: 'STATE_CHANGED', message: 'The request is approved: it cannot be approved (someone acted on it first)',
    });
    expect(refusal(() => transition(LEAVE_WORKFLOW, { state: 'approved', action: 'file', actor: staff('bo'), requester: ofAnna })).message).toBe('Only the office (admin) files approved leave (H-ORG-4)');
    expect(refusal(() => transition(LEAVE_WORKFLOW, { state: 'approved', action: 'cancel', actor: staff('anna'), requester: ofAnna, facts: { started: true } })).code).toBe('CANCEL_NEEDS_SUPERVISOR');
    expect(refusal(() => transition(LEAVE_WORKFLOW, { state: 'approved', action: 'cancel', actor: staff('bo'), requester: ofAnna, facts: { started: false } })).code).toBe('CANCEL_BY_EMPLOYEE');
    expect(refusal(() => transition(LEAVE_WORKFLOW, { state: 'approved', action: 'cancel', actor: staff('chen'), requester: ofAnna, facts: { started: false } })).code).toBe('NOT_DIRECT_SUPERVISOR');
    expect(refusal(() => transition(LEAVE_WORKFLOW, { state: 'rejected', action: 'cancel', actor: staff('chen'), requester: ofAnna, facts: { started: true } })).code).toBe('STATE_CHANGED');
    expect(transition(LEAVE_WORKFLOW, { state: 'filed', action: 'cancel', actor: staff('anna', ['admin']), requester: ofAnna, facts: { started: true } })).toEqual({ from: 'filed', to: 'cancelled', actingAs: 'admin', recompute: true });
  });

  it('exemptions and disciplinary records', () => {
    expect(refusal(() => transition(EXEMPTION_WORKFLOW, { state: 'approved', action: 'revoke', actor: staff('bo'), requester: ofAnna })).message).toBe('Only an administrator or finance revokes an exemption (H-ATT-9)');
    expect(transition(EXEMPTION_WORKFLOW, { state: 'filed', action: 'revoke', actor: staff('anna', ['finance']), requester: ofAnna }).actingAs).toBe('finance');
    expect(refusal(() => transition(DISCIPLINARY_WORKFLOW, { state: 'issued', action: 'acknowledge', actor: staff('bo'), requester: ofAnna }))).toEqual({
      code: 'ONLY_THE_EMPLOYEE', message: 'Only the employee acknowledges their own record',
    });
    expect(refusal(() => transition(DISCIPLINARY_WORKFLOW, { state: 'appealed', action: 'uphold', actor: staff('anna', ['admin']), requester: ofAnna }))).toEqual({
      code: 'SELF_APPROVAL', message: 'Nobody decides on their own record',
    });
    expect(refusal(() => transition(DISCIPLINARY_WORKFLOW, { state: 'withdrawn', action: 'withdraw', actor: staff('chen', ['admin']), requester: ofAnna })).code).toBe('STATE_CHANGED');
  });
});
