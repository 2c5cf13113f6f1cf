import type { TestApp } from './test-app';
import { ADMIN_PASSWORD } from './test-app';

export const DEFAULT_PASSWORD = 'password-123';

export interface SignedIn {
  id: string;
  username: string;
  token: string;
  auth: { Authorization: string };
}

export async function login(t: TestApp, username: string, password: string): Promise<SignedIn> {
  const response = await t.http().post('/auth/login').send({ username, password });
  if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  const token: string = response.body.accessToken;
  return { id: response.body.staff.id, username, token, auth: { Authorization: `Bearer ${token}` } };
}

export const loginAdmin = (t: TestApp) => login(t, 'admin', ADMIN_PASSWORD);

let counter = 0;

export interface NewStaff {
  employeeNo?: string;
  name?: string;
  username?: string;
  password?: string;
  positionCode?: string | null;
  supervisorId?: string | null;
  roles?: ('admin' | 'finance')[];
  hiredOn?: string;
  /** 参加工作时间; left out: the service's default (hiredOn). */
  workStartedOn?: string;
}

export type CreatedStaff = SignedIn & { body: Record<string, unknown> };

/** Creates a staff member through the API (as admin) and signs them in. */
export async function newStaff(t: TestApp, admin: SignedIn, overrides: NewStaff = {}): Promise<CreatedStaff> {
  counter += 1;
  const username = overrides.username ?? `user${counter}_${Math.random().toString(36).slice(2, 7)}`;
  const body = {
    employeeNo: overrides.employeeNo ?? `E${String(counter).padStart(4, '0')}${Math.random().toString(36).slice(2, 5)}`,
    name: overrides.name ?? `Staff ${counter}`,
    username,
    password: overrides.password ?? DEFAULT_PASSWORD,
    positionCode: overrides.positionCode === undefined ? 'presales_service' : overrides.positionCode,
    supervisorId: overrides.supervisorId ?? null,
    roles: overrides.roles ?? [],
    hiredOn: overrides.hiredOn ?? '2025-01-01',
    ...(overrides.workStartedOn ? { workStartedOn: overrides.workStartedOn } : {}),
  };
  const response = await t.http().post('/staff').set(admin.auth).send(body);
  if (response.status !== 201) throw new Error(`create staff failed: ${response.status} ${JSON.stringify(response.body)}`);
  const signedIn = await login(t, username, body.password);
  return { ...signedIn, body: response.body };
}
