import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

interface TokenClaims {
  sub: string;
  /** The staff member's token_version when the token was issued. */
  tv: number;
}

export type TokenCheck = { ok: true; staffId: string; tokenVersion: number } | { ok: false; reason: 'expired' | 'invalid' };

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  async issue(staffId: string, tokenVersion: number): Promise<string> {
    const claims: TokenClaims = { sub: staffId, tv: tokenVersion };
    return this.jwt.signAsync(claims);
  }

  async check(token: string): Promise<TokenCheck> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || typeof claims.tv !== 'number') return { ok: false, reason: 'invalid' };
      return { ok: true, staffId: claims.sub, tokenVersion: claims.tv };
    } catch (error) {
      return { ok: false, reason: (error as { name?: string }).name === 'TokenExpiredError' ? 'expired' : 'invalid' };
    }
  }
}
