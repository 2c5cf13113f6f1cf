import { useSyncExternalStore } from 'react';
import type { components } from '../api/schema';
import { sessionStore, type Session } from './session-store';

export type Staff = components['schemas']['StaffDto'];

/** What a person may open in the console: their roles, and supervisor when someone reports to them. */
export type Audience = 'employee' | 'supervisor' | 'finance' | 'admin';

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

export function audiencesOf(staff: Staff): Set<Audience> {
  const audiences = new Set<Audience>(['employee']);
  if (staff.isSupervisor) audiences.add('supervisor');
  for (const role of staff.roles) if (role === 'admin' || role === 'finance') audiences.add(role);
  // An admin decides in a supervisor's place (H-ORG-3), so the inbox is theirs too.
  if (staff.roles.includes('admin')) audiences.add('supervisor');
  return audiences;
}

/** The signed-in person; only for pages behind the shell, which renders them only when signed in. */
export function useMe(): Staff {
  const session = useSession();
  if (!session) throw new Error('useMe outside a signed-in page');
  return session.staff;
}
