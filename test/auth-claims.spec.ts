import { createHmac, randomUUID } from 'node:crypto';
import { loginAdmin, SignedIn } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

/** A JWT signed with the app's own secret, with exactly the header and claims given. */
function sign(secret: string, claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part(header)}.${part(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('Tokens carry exactly the claims the service issues (anything else is 401)', () => {
  let t: TestApp;
  let admin: SignedIn;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const asIssued = () => ({ sub: admin.id, tv: 0, iat: now(), exp: now() + 600 });
  const me = (token: string) => t.http().get('/auth/me').set('Authorization', `Bearer ${token}`);

  it('accepts a token shaped as issued (the forgery helper itself is right)', async () => {
    const response = await me(sign(t.config.jwtSecret, asIssued()));
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(admin.id);
  });

  it.each<[string, (claims: Record<string, unknown>) => void]>([
    ['a subject that is not a UUID', (c) => (c.sub = 'admin')],
    ['a subject with SQL in it', (c) => (c.sub = "' OR 1=1 --")],
    ['a numeric subject', (c) => (c.sub = 42)],
    ['an unknown staff UUID', (c) => (c.sub = randomUUID())],
    ['no token version', (c) => delete c.tv],
    ['a fractional token version', (c) => (c.tv = 0.5)],
    ['a string token version', (c) => (c.tv = '0')],
    ['no expiry', (c) => delete c.exp],
    ['a string expiry', (c) => (c.exp = String(now() + 600))],
    ['no issue time', (c) => delete c.iat],
    ['an issue time an hour ahead', (c) => ((c.iat = now() + 3600), (c.exp = now() + 3600 + 600))],
    ['a lifetime longer than JWT_TTL_SECONDS', (c) => (c.exp = now() + t.config.jwtTtlSeconds + 3600)],
  ])('refuses a correctly signed token with %s: 401 in the one error shape', async (_name, change) => {
    const claims = asIssued();
    change(claims);
    const response = await me(sign(t.config.jwtSecret, claims));
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ statusCode: 401, code: expect.stringMatching(/^TOKEN_(INVALID|REVOKED)$/), message: expect.any(String), details: [] });
  });

  it('refuses tokens naming another algorithm: none, or HS512 with the same secret', async () => {
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(asIssued())).toString('base64url')}.`;
    const hs512Body = `${Buffer.from(JSON.stringify({ alg: 'HS512', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(asIssued())).toString('base64url')}`;
    const hs512 = `${hs512Body}.${createHmac('sha512', t.config.jwtSecret).update(hs512Body).digest('base64url')}`;
    for (const token of [unsigned, hs512]) {
      const response = await me(token);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('TOKEN_INVALID');
    }
  });

  it('still tells an expired token apart (TOKEN_EXPIRED)', async () => {
    const response = await me(sign(t.config.jwtSecret, { ...asIssued(), iat: now() - 1200, exp: now() - 600 }));
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('TOKEN_EXPIRED');
  });
});
