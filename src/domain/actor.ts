import type { GrantableRole } from './roles';

/** Who is making a request, as established by the auth guard. */
export interface StaffActor {
  kind: 'staff';
  id: string;
  username: string;
  roles: GrantableRole[];
}

/** An attendance terminal or importer authenticated by its device key: it can only add punches. */
export interface DeviceActor {
  kind: 'device';
  id: string;
  username: string;
  roles: GrantableRole[];
}

export type Actor = StaffActor | DeviceActor;

export const hasRole = (actor: Actor, role: GrantableRole): boolean => actor.roles.includes(role);

/** Admin (the office / HR) and finance see every staff member's records. */
export const seesEveryone = (actor: Actor): boolean => actor.kind === 'staff' && (hasRole(actor, 'admin') || hasRole(actor, 'finance'));
