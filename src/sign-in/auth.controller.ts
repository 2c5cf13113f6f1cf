import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ApiErrors, ApiSignedIn } from '../common/api-docs';
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

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Returns a bearer token. A wrong password, an unknown user and a deactivated user get the same 401. ' +
      'After repeated failures within LOGIN_FAILURE_WINDOW_SECONDS, per username (LOGIN_MAX_FAILURES) and per client address (LOGIN_MAX_FAILURES_PER_CLIENT), further attempts get 429 TOO_MANY_LOGIN_ATTEMPTS with Retry-After.',
  })
  @ApiOkResponse({ type: LoginResultDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Too many failed attempts (TOO_MANY_LOGIN_ATTEMPTS), with Retry-After' })
  @ApiErrors(400, 401)
  login(@Body() body: LoginDto, @Ip() clientAddress: string): Promise<LoginResultDto> {
    return this.signIn.login(body, clientAddress);
  }

  @Get('me')
  @ApiSignedIn()
  @ApiOperation({ summary: 'The signed-in staff member' })
  @ApiOkResponse({ type: StaffDto })
  me(@CurrentActor() actor: Actor): Promise<StaffDto> {
    return this.staff.get(actor, actor.id);
  }
}
