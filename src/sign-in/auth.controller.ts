import { Body, Controller, Ip } from '@nestjs/common';
import { ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ApiSignedIn } from '../common/api-docs';
import { ActionRoute, ReadRoute } from '../common/routes';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { StaffDto } from '../staff/dto/staff.dto';
import { StaffService } from '../staff/staff.service';
import type { Actor } from '../domain/actor';
import { CurrentActor, Public } from '../auth/auth.decorators';
import { SignInService } from './sign-in.service';
import { LoginDto, LoginResultDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly staff: StaffService,
  ) {}

  // Above the route: applied after its ApiErrors, so that this adds to the general 429's description.
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Too many failed attempts (TOO_MANY_LOGIN_ATTEMPTS), with Retry-After' })
  @ActionRoute('login', LoginResultDto, {
    summary: 'Sign in',
    description:
      'Returns a bearer token. A wrong password, an unknown user and a deactivated user get the same 401. ' +
      'After repeated failures within LOGIN_FAILURE_WINDOW_SECONDS, per username (LOGIN_MAX_FAILURES) and per client address (LOGIN_MAX_FAILURES_PER_CLIENT), further attempts get 429 TOO_MANY_LOGIN_ATTEMPTS with Retry-After.',
    errors: [400, 401],
  })
  @Public()
  login(@Body() body: LoginDto, @Ip() clientAddress: string): Promise<LoginResultDto> {
    return this.signIn.login(body, clientAddress);
  }

  @ReadRoute('me', StaffDto, { summary: 'The signed-in staff member' })
  @ApiSignedIn()
  me(@CurrentActor() actor: Actor): Promise<StaffDto> {
    return this.staff.get(actor, actor.id);
  }
}
