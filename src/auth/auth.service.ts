import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { toStaffDto } from '../staff/dto/staff.dto';
import { StaffRepository } from '../staff/staff.repository';
import type { Actor } from '../domain/actor';
import { invalidCredentials, unauthenticated } from './auth.errors';
import { LoginDto, LoginResultDto } from './dto/login.dto';
import { LoginThrottleService } from './login-throttle.service';
import { verifyAgainstDecoy, verifyPassword } from './password-hasher';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** Wrong password, unknown user and deactivated user all get the same answer. */
  async login(input: LoginDto, clientAddress: string): Promise<LoginResultDto> {
    await this.throttle.assertAllowed(input.username, clientAddress);
    const staff = await this.staff.findByUsername(input.username);
    const passwordOk =
      staff && staff.passwordHash ? await verifyPassword(input.password, staff.passwordHash) : await verifyAgainstDecoy(input.password);
    if (!staff || !passwordOk || !staff.active) {
      await this.throttle.recordFailure(input.username, clientAddress);
      throw invalidCredentials();
    }
    await this.throttle.clear(input.username);
    const supervisors = await this.staff.supervisorsAmong([staff.id]);
    return {
      accessToken: await this.tokens.issue(staff.id, staff.tokenVersion),
      tokenType: 'Bearer',
      expiresIn: this.config.jwtTtlSeconds,
      staff: toStaffDto(staff, supervisors.has(staff.id)),
    };
  }

  /** Checks a bearer token against the current staff row: deactivation and password changes revoke it. */
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
