import fc from 'fast-check';
import { PIN_MAPPINGS, pinFor } from '../../src/domain/terminal/pin-mapping';
import { type PushedPerson, userCommandsFor } from '../../src/domain/terminal/staff-push';

// Issue 19, staff pushed to terminals: what one staff change queues for a terminal of a mapping.
const employeeNo = fc.oneof(fc.constantFrom('E0002', 'F0002', 'E0010', '6001', 'ABC', '0', 'E-7'), fc.stringMatching(/^[A-Z]{0,2}[0-9]{0,5}$/).filter((s) => s !== ''));
const person: fc.Arbitrary<PushedPerson> = fc.record({ employeeNo, name: fc.constantFrom('Li Lei', 'Han Meimei', '王芳'), active: fc.boolean() });
const mapping = fc.constantFrom(...PIN_MAPPINGS);

describe('userCommandsFor (issue 19: staff pushed to terminals)', () => {
  it('never deletes and writes the same PIN, and never more than one of each', () => {
    fc.assert(
      fc.property(mapping, fc.option(person, { nil: null }), fc.option(person, { nil: null }), (m, before, after) => {
        const { commands } = userCommandsFor(m, before, after);
        const deletes = commands.filter((c) => c.kind === 'user_delete').map((c) => c.pin);
        const updates = commands.filter((c) => c.kind === 'user_update').map((c) => c.pin);
        expect(deletes.length).toBeLessThanOrEqual(1);
        expect(updates.length).toBeLessThanOrEqual(1);
        expect(deletes.filter((pin) => updates.includes(pin))).toEqual([]);
      }),
    );
  });

  it('an unchanged person, or a change of nothing a terminal shows, queues nothing', () => {
    // Block bodies: fast-check fails a property whose predicate returns anything but undefined or
    // true, and vitest's expect(…).toEqual(…) returns its assertion.
    fc.assert(
      fc.property(mapping, person, (m, p) => {
        expect(userCommandsFor(m, p, { ...p })).toEqual({ commands: [], noPin: null });
      }),
    );
  });

  it('deactivation (or removal) yields only the delete of the PIN the person had', () => {
    fc.assert(
      fc.property(mapping, person, fc.boolean(), (m, p, removed) => {
        const before = { ...p, active: true };
        const { commands } = userCommandsFor(m, before, removed ? null : { ...p, active: false });
        const pin = pinFor(m, p.employeeNo);
        expect(commands).toEqual(pin === null ? [] : [{ kind: 'user_delete', pin }]);
      }),
    );
  });

  it('a new or reactivated person is written with their PIN, or reported as having none', () => {
    fc.assert(
      fc.property(mapping, person, fc.boolean(), (m, p, isNew) => {
        const after = { ...p, active: true };
        const result = userCommandsFor(m, isNew ? null : { ...p, active: false }, after);
        const pin = pinFor(m, p.employeeNo);
        expect(result).toEqual(pin === null ? { commands: [], noPin: p.employeeNo } : { commands: [{ kind: 'user_update', pin, name: p.name }], noPin: null });
      }),
    );
  });

  it('people who stay inactive are never on a terminal: nothing is queued', () => {
    fc.assert(
      fc.property(mapping, person, person, (m, a, b) => {
        expect(userCommandsFor(m, { ...a, active: false }, { ...b, active: false }).commands).toEqual([]);
      }),
    );
  });

  it('a new employee number: the old PIN deleted and the new one written, only when the PIN differs', () => {
    const before = { employeeNo: 'E0002', name: 'Li Lei', active: true };
    expect(userCommandsFor('employee_no', before, { ...before, employeeNo: 'F0002' }).commands).toEqual([
      { kind: 'user_delete', pin: 'E0002' },
      { kind: 'user_update', pin: 'F0002', name: 'Li Lei' },
    ]);
    // The same digits: the same PIN on an employee_no_digits terminal, which already holds the person.
    expect(userCommandsFor('employee_no_digits', before, { ...before, employeeNo: 'F0002' }).commands).toEqual([]);
    expect(userCommandsFor('employee_no_digits', before, { ...before, employeeNo: 'F0002', name: 'Li Lei 2' }).commands).toEqual([{ kind: 'user_update', pin: '2', name: 'Li Lei 2' }]);
    // A number without digits: the old PIN goes, the new number makes none.
    expect(userCommandsFor('employee_no_digits', before, { ...before, employeeNo: 'ABC' })).toEqual({ commands: [{ kind: 'user_delete', pin: '2' }], noPin: 'ABC' });
  });

  it('a rename writes the same PIN with the new name', () => {
    expect(userCommandsFor('employee_no', { employeeNo: '6001', name: 'A', active: true }, { employeeNo: '6001', name: 'B', active: true }).commands).toEqual([{ kind: 'user_update', pin: '6001', name: 'B' }]);
  });
});
