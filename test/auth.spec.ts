import { createHmac } from 'node:crypto';
import { DEFAULT_PASSWORD, login, loginAdmin, newStaff, SignedIn } from './support/actors';
import { ADMIN_PASSWORD, startTestApp, TestApp } from './support/test-app';

const forge = (token: string, change: (payload: Record<string, unknown>) => void, secret?: string) => {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  change(claims);
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const newSignature = secret ? createHmac('sha256', secret).update(body).digest('base64url') : signature;
  return `${body}.${newSignature}`;
};

describe('Sign-in and tokens', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ config: { loginMaxFailures: 3, loginMaxFailuresPerClient: 1000 } });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  it('signs in with the right password and returns the staff member without a password hash', async () => {
    const response = await t.http().post('/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: t.config.jwtTtlSeconds, staff: { username: 'admin', roles: ['admin'] } });
    expect(JSON.stringify(response.body)).not.toMatch(/hash|scrypt/i);
    const me = await t.http().get('/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('admin');
  });

  it('usernames are case-insensitive', async () => {
    const response = await t.http().post('/auth/login').send({ username: 'ADMIN', password: ADMIN_PASSWORD });
    expect(response.status).toBe(200);
  });

  it('gives a wrong password and an unknown user the same answer', async () => {
    const wrong = await t.http().post('/auth/login').send({ username: 'admin', password: 'not-the-password' });
    const unknown = await t.http().post('/auth/login').send({ username: 'nobody-here', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    await login(t, 'admin', ADMIN_PASSWORD); // clears the failure count for later tests
  });

  it('stores passwords only as scrypt hashes', async () => {
    const rows = await t.sql<{ password_hash: string }>(`SELECT password_hash FROM staff WHERE username = 'admin'`);
    expect(rows[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(rows[0].password_hash).not.toContain(ADMIN_PASSWORD);
  });

  it('throttles a username after repeated failures with 429 and Retry-After, even with the right password', async () => {
    const victim = await newStaff(t, admin);
    for (let i = 0; i < 3; i++) {
      const response = await t.http().post('/auth/login').send({ username: victim.username, password: 'wrong-password' });
      expect(response.status).toBe(401);
    }
    const blocked = await t.http().post('/auth/login').send({ username: victim.username, password: DEFAULT_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another username from the same client is not affected.
    expect((await t.http().post('/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
  });

  it('refuses requests without a token, with a malformed header, or with a tampered token', async () => {
    const none = await t.http().get('/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
    expect((await t.http().get('/auth/me').set('Authorization', 'Basic abc')).status).toBe(401);
    const other = await newStaff(t, admin);
    const tampered = forge(other.token, (claims) => (claims.sub = admin.id));
    const response = await t.http().get('/auth/me').set('Authorization', `Bearer ${tampered}`);
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('TOKEN_INVALID');
    const wrongKey = forge(other.token, (claims) => (claims.sub = admin.id), 'some-other-secret');
    expect((await t.http().get('/auth/me').set('Authorization', `Bearer ${wrongKey}`)).body.code).toBe('TOKEN_INVALID');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${other.token.split('.')[1]}.`;
    expect((await t.http().get('/auth/me').set('Authorization', `Bearer ${unsigned}`)).status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const expired = forge(admin.token, (claims) => {
      claims.iat = Math.floor(Date.now() / 1000) - 7200;
      claims.exp = Math.floor(Date.now() / 1000) - 3600;
    }, t.config.jwtSecret);
    const response = await t.http().get('/auth/me').set('Authorization', `Bearer ${expired}`);
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('TOKEN_EXPIRED');
  });

  it('revokes the tokens of a deactivated person and refuses their sign-in', async () => {
    const leaver = await newStaff(t, admin);
    expect((await t.http().get('/auth/me').set(leaver.auth)).status).toBe(200);
    expect((await t.http().post(`/staff/${leaver.id}/deactivate`).set(admin.auth).send({ leftOn: '2026-11-30' })).status).toBe(200);
    const response = await t.http().get('/auth/me').set(leaver.auth);
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('TOKEN_REVOKED');
    const again = await t.http().post('/auth/login').send({ username: leaver.username, password: DEFAULT_PASSWORD });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('a password change signs out other sessions and needs the old password', async () => {
    const person = await newStaff(t, admin);
    const noOld = await t.http().post(`/staff/${person.id}/password`).set(person.auth).send({ newPassword: 'brand-new-pass' });
    expect(noOld.status).toBe(400);
    expect(noOld.body.details[0].field).toBe('oldPassword');
    const ok = await t.http().post(`/staff/${person.id}/password`).set(person.auth).send({ oldPassword: DEFAULT_PASSWORD, newPassword: 'brand-new-pass' });
    expect(ok.status).toBe(204);
    expect((await t.http().get('/auth/me').set(person.auth)).body.code).toBe('TOKEN_REVOKED');
    await login(t, person.username, 'brand-new-pass');
  });

  it('an admin resets anyone\'s password; nobody else may', async () => {
    const person = await newStaff(t, admin);
    const peer = await newStaff(t, admin, { supervisorId: null });
    const boss = await newStaff(t, admin);
    await t.http().patch(`/staff/${person.id}`).set(admin.auth).send({ supervisorId: boss.id }).expect(200);
    expect((await t.http().post(`/staff/${person.id}/password`).set(peer.auth).send({ newPassword: 'hijacked-pass' })).status).toBe(404);
    const bySupervisor = await t.http().post(`/staff/${person.id}/password`).set(boss.auth).send({ newPassword: 'hijacked-pass' });
    expect(bySupervisor.status).toBe(403);
    expect((await t.http().post(`/staff/${person.id}/password`).set(admin.auth).send({ newPassword: 'reset-by-admin' })).status).toBe(204);
    await login(t, person.username, 'reset-by-admin');
  });
});

describe('Sign-in throttling per client address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ config: { loginMaxFailures: 100, loginMaxFailuresPerClient: 4 } });
  });
  afterAll(() => t.close());

  it('blocks a client that fails with many different usernames', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await t.http().post('/auth/login').send({ username: `guess${i}`, password: 'whatever' })).status).toBe(401);
    }
    const blocked = await t.http().post('/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
  });
});
