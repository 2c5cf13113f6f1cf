import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import { unauthenticated } from './auth.errors';
import { StaffCredentials } from './credentials';
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
    const check = await this.tokens.check(token);
    if (!check.ok) {
      throw check.reason === 'expired'
        ? unauthenticated('TOKEN_EXPIRED', 'The token has expired; sign in again')
        : unauthenticated('TOKEN_INVALID', 'The token is not valid');
    }
    const staff = await this.staff.signInStateOf(check.staffId);
    if (!staff || !staff.active || staff.tokenVersion !== check.tokenVersion) {
      throw unauthenticated('TOKEN_REVOKED', 'The token is no longer valid; sign in again');
    }
    return { kind: 'staff', id: staff.id, username: staff.username, roles: staff.roles };
  }
}
