import { createHmac, createSecretKey, randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { TokenService } from '../src/auth/token.service';
import type { RuntimeConfig } from '../src/config/runtime-config';

/**
 * TokenService remembers the tokens it verified (issue 20: a session sends the same token with
 * every request). What it remembers must never outlive the token: expiry is checked on every
 * call, exactly where jsonwebtoken puts it, and a token that failed is never remembered.
 */
const SECRET = 'a-secret-of-the-right-length-for-hs256!';
const TTL = 600;

function sign(claims: Record<string, unknown>, secret = SECRET): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('Verified tokens are remembered, never past their expiry (issue 20)', () => {
  const issuedAt = 1_795_000_000;
  let nowSeconds = issuedAt;
  let tokens: TokenService;
  const realNow = Date.now;

  beforeEach(() => {
    nowSeconds = issuedAt;
    // Both TokenService and jsonwebtoken read the time from Date.now.
    Date.now = () => nowSeconds * 1000 + 500;
    const jwt = new JwtService({ secret: createSecretKey(Buffer.from(SECRET, 'utf8')), signOptions: { expiresIn: TTL, algorithm: 'HS256' } });
    tokens = new TokenService(jwt, { jwtTtlSeconds: TTL } as RuntimeConfig);
  });
  afterEach(() => {
    Date.now = realNow;
  });

  it('a token checked before is refused as expired from the second of its exp on, as on its first check', async () => {
    const staffId = randomUUID();
    const token = sign({ sub: staffId, tv: 3, iat: issuedAt, exp: issuedAt + TTL });
    expect(await tokens.check(token)).toEqual({ ok: true, staffId, tokenVersion: 3 });
    nowSeconds = issuedAt + TTL - 1;
    expect(await tokens.check(token)).toEqual({ ok: true, staffId, tokenVersion: 3 });
    nowSeconds = issuedAt + TTL;
    expect(await tokens.check(token)).toEqual({ ok: false, reason: 'expired' });
    expect(await tokens.check(token)).toEqual({ ok: false, reason: 'expired' });
    // The same token never checked before: jsonwebtoken gives the same verdict at the same second.
    const fresh = new TokenService(new JwtService({ secret: createSecretKey(Buffer.from(SECRET, 'utf8')) }), { jwtTtlSeconds: TTL } as RuntimeConfig);
    expect(await fresh.check(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('a refused token is not remembered: the same claims with a wrong signature stay refused after a good token', async () => {
    const claims = { sub: randomUUID(), tv: 0, iat: issuedAt, exp: issuedAt + 60 };
    const forged = sign(claims, 'another-secret-of-the-same-kind-here!!');
    expect(await tokens.check(forged)).toEqual({ ok: false, reason: 'invalid' });
    expect((await tokens.check(sign(claims))).ok).toBe(true);
    expect(await tokens.check(forged)).toEqual({ ok: false, reason: 'invalid' });
  });
});
