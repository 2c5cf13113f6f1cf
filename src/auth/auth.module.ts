import { createSecretKey } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { RuntimeConfig } from '../config/runtime-config';
import { DevicesModule } from '../devices/devices.module';
import { StaffModule } from '../staff/staff.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { TokenService } from './token.service';

@Module({})
export class AuthModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        StaffModule,
        DevicesModule,
        // A KeyObject: given a string, jsonwebtoken first tries to read it as a public key on every verify.
        JwtModule.register({ secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')), signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' } }),
      ],
      controllers: [AuthController],
      providers: [AuthService, TokenService, LoginThrottleService, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [AuthService],
    };
  }
}
