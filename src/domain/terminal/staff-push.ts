import { pinFor, type PinMapping } from './pin-mapping';

/** A staff member as a terminal knows them: the PIN comes from the employee number, the name is shown. */
export interface PushedPerson {
  employeeNo: string;
  name: string;
  active: boolean;
}

export type UserCommand = { kind: 'user_update'; pin: string; name: string } | { kind: 'user_delete'; pin: string };

export interface UserCommands {
  commands: UserCommand[];
  /** The employee number that gives no PIN under this mapping, when the change needed one (that person is left off the terminal). */
  noPin: string | null;
}

/**
 * What one staff change means to a terminal of this mapping (staff pushed to terminals, issue 19).
 * `before` null: the person is new; `after` null: there is nobody any more. Only active people are
 * on a terminal: deactivation deletes their PIN, reactivation writes it again. A new employee number
 * whose PIN differs deletes the old PIN and writes the new one; the same PIN is written again only
 * when the name changed. Pure: the listener queues what this returns.
 */
export function userCommandsFor(mapping: PinMapping, before: PushedPerson | null, after: PushedPerson | null): UserCommands {
  const was = before?.active ? before : null;
  const is = after?.active ? after : null;
  const oldPin = was ? pinFor(mapping, was.employeeNo) : null;
  const newPin = is ? pinFor(mapping, is.employeeNo) : null;
  // Reported only when the change would have written the person (an unchanged record is no news).
  const changed = was === null || was.employeeNo !== is?.employeeNo || was.name !== is.name;
  const noPin = is && newPin === null && changed ? is.employeeNo : null;
  const commands: UserCommand[] = [];
  if (oldPin !== null && oldPin !== newPin) commands.push({ kind: 'user_delete', pin: oldPin });
  if (is && newPin !== null && (newPin !== oldPin || was?.name !== is.name)) commands.push({ kind: 'user_update', pin: newPin, name: is.name });
  return { commands, noPin };
}
