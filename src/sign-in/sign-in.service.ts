import { Inject, Injectable } from '@nestjs/common';
import { invalidCredentials } from '../auth/auth.errors';
import { verifyAgainstDecoy, verifyPassword } from '../auth/password-hasher';
import { TokenService } from '../auth/token.service';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { toStaffDto } from '../staff/dto/staff.dto';
import { StaffService } from '../staff/staff.service';
import { LoginDto, LoginResultDto } from './dto/login.dto';
import { LoginThrottleService } from './login-throttle.service';

/** Signing in with a username and password (POST /auth/login). */
@Injectable()
export class SignInService {
  constructor(
    private readonly staff: StaffService,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** Wrong password, unknown user and deactivated user all get the same answer. */
  async login(input: LoginDto, clientAddress: string): Promise<LoginResultDto> {
    await this.throttle.assertAllowed(input.username, clientAddress);
    const staff = await this.staff.signInCandidate(input.username);
    const passwordOk =
      staff && staff.passwordHash ? await verifyPassword(input.password, staff.passwordHash) : await verifyAgainstDecoy(input.password);
    if (!staff || !passwordOk || !staff.active) {
      await this.throttle.recordFailure(input.username, clientAddress);
      throw invalidCredentials();
    }
    await this.throttle.clear(input.username);
    return {
      accessToken: await this.tokens.issue(staff.id, staff.tokenVersion),
      tokenType: 'Bearer',
      expiresIn: this.config.jwtTtlSeconds,
      staff: toStaffDto(staff, await this.staff.isSupervisor(staff.id)),
    };
  }
}
