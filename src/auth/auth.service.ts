import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import { unauthenticated } from './auth.errors';
import type { TokenClaims } from './auth.decorators';
import { SignInState, StaffCredentials } from './credentials';
import { TokenService } from './token.service';

/** Who a bearer token stands for, checked against the current staff row every time. */
@Injectable()
export class AuthService {
  constructor(
    private readonly staff: StaffCredentials,
    private readonly tokens: TokenService,
  ) {}

  /** Deactivation and password changes revoke a token: both bump the row's token version. */
  async actorForToken(token: string): Promise<Actor> {
    const claims = await this.claimsOf(token);
    return this.actorForState(claims, await this.staff.signInStateOf(claims.staffId));
  }

  /** The token's signature and claims only; the staff row is still to be checked (actorForState). */
  async claimsOf(token: string): Promise<TokenClaims> {
    const check = await this.tokens.check(token);
    if (!check.ok) {
      throw check.reason === 'expired'
        ? unauthenticated('TOKEN_EXPIRED', 'The token has expired; sign in again')
        : unauthenticated('TOKEN_INVALID', 'The token is not valid');
    }
    return { staffId: check.staffId, tokenVersion: check.tokenVersion };
  }

  /** The actor verified claims stand for, given their staff row as it is now (null: no such row): refused unless active and of the same token version. */
  actorForState(claims: TokenClaims, staff: SignInState | null): Actor {
    if (!staff || staff.id !== claims.staffId || !staff.active || staff.tokenVersion !== claims.tokenVersion) {
      throw unauthenticated('TOKEN_REVOKED', 'The token is no longer valid; sign in again');
    }
    return { kind: 'staff', id: staff.id, username: staff.username, roles: staff.roles };
  }

  /** The staff row behind verified claims, checked as actorForToken checks it (one round trip). */
  async actorForClaims(claims: TokenClaims): Promise<Actor> {
    return this.actorForState(claims, await this.staff.signInStateOf(claims.staffId));
  }
}
