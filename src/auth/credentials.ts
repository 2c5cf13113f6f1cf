import type { DeviceActor } from '../domain/actor';
import type { GrantableRole } from '../domain/roles';

/** What the guard must know of a staff member to accept their token: provided by the staff folder. */
export interface SignInState {
  id: string;
  username: string;
  roles: GrantableRole[];
  active: boolean;
  tokenVersion: number;
}

/**
 * The guard sits below every feature, so it reads people and devices through these two ports;
 * the staff and devices folders provide them (staff.module.ts, devices.module.ts).
 */
export abstract class StaffCredentials {
  abstract signInStateOf(id: string): Promise<SignInState | null>;
}

export abstract class DeviceKeys {
  /** The device a key belongs to, if the key is current and the device active. */
  abstract actorForKey(key: string): Promise<DeviceActor | null>;
}
