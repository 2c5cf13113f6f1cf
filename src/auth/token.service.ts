import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';

interface TokenClaims {
  sub: string;
  /** The staff member's token_version when the token was issued. */
  tv: number;
}

export type TokenCheck = { ok: true; staffId: string; tokenVersion: number } | { ok: false; reason: 'expired' | 'invalid' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Clocks of instances (and of a token's issuer) drift a little; more than this is no drift. */
const CLOCK_SKEW_SECONDS = 60;

const isWholeSeconds = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Only tokens shaped exactly as `issue` makes them pass: a correctly signed token with other
 * claims (a subject that is no staff id, no expiry, issued in the future, living longer than
 * JWT_TTL_SECONDS) was not made by this service and must not reach a query.
 */
function claimsAsIssued(claims: Record<string, unknown>, ttlSeconds: number, nowSeconds: number): claims is Record<string, unknown> & TokenClaims {
  const { sub, tv, iat, exp } = claims;
  if (typeof sub !== 'string' || !UUID.test(sub)) return false;
  if (!isWholeSeconds(tv) || !isWholeSeconds(iat) || !isWholeSeconds(exp)) return false;
  return iat <= nowSeconds + CLOCK_SKEW_SECONDS && exp > iat && exp - iat <= ttlSeconds;
}

/** Tokens remembered as verified: about one per signed-in session, dropped wholesale beyond. */
const VERIFIED_KEPT = 10_000;

@Injectable()
export class TokenService {
  /**
   * Tokens whose signature and claims passed, with their expiry. A session sends the same token
   * with every request, and HMAC over the same bytes with the same key gives the same answer, so
   * it is verified once; its expiry is still checked every time, as jsonwebtoken checks it, and
   * revocation is not decided here at all (AuthService reads the staff row on every request).
   */
  private readonly verified = new Map<string, { staffId: string; tokenVersion: number; exp: number }>();

  constructor(
    private readonly jwt: JwtService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async issue(staffId: string, tokenVersion: number): Promise<string> {
    const claims: TokenClaims = { sub: staffId, tv: tokenVersion };
    return this.jwt.signAsync(claims);
  }

  async check(token: string): Promise<TokenCheck> {
    const known = this.verified.get(token);
    if (known !== undefined) {
      // jsonwebtoken's own rule: expired from the second `exp` on.
      if (Math.floor(Date.now() / 1000) < known.exp) return { ok: true, staffId: known.staffId, tokenVersion: known.tokenVersion };
      this.verified.delete(token);
      return { ok: false, reason: 'expired' };
    }
    let claims: Record<string, unknown>;
    try {
      // The algorithm is pinned: a token naming another one (none, RS256 with the secret as a key) fails here.
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token, { algorithms: ['HS256'] });
    } catch (error) {
      return { ok: false, reason: (error as { name?: string }).name === 'TokenExpiredError' ? 'expired' : 'invalid' };
    }
    // jsonwebtoken checks exp against the real time as well, so the same clock is used here.
    if (!claimsAsIssued(claims, this.config.jwtTtlSeconds, Math.floor(Date.now() / 1000))) return { ok: false, reason: 'invalid' };
    if (this.verified.size >= VERIFIED_KEPT) this.verified.clear();
    this.verified.set(token, { staffId: claims.sub, tokenVersion: claims.tv, exp: claims.exp as number });
    return { ok: true, staffId: claims.sub, tokenVersion: claims.tv };
  }
}
