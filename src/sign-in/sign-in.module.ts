import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { AuthController } from './auth.controller';
import { LoginFailuresRepository } from './login-failures.repository';
import { LoginThrottleService } from './login-throttle.service';
import { SignInService } from './sign-in.service';

/** POST /auth/login and GET /auth/me: above staff, whose rows it signs in against. */
@Module({
  imports: [StaffModule],
  controllers: [AuthController],
  providers: [SignInService, LoginFailuresRepository, LoginThrottleService],
})
export class SignInModule {}
