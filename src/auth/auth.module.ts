import { createSecretKey } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { RuntimeConfig } from '../config/runtime-config';
import { DevicesModule } from '../devices/devices.module';
import { StaffModule } from '../staff/staff.module';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { TokenService } from './token.service';

/**
 * Who is calling, for every route: the global guard and the tokens. Global, so that the sign-in
 * folder (above staff) can issue tokens without this module importing it. The staff and devices
 * modules are imported only for the two ports the guard reads through (auth/credentials.ts).
 */
@Module({})
export class AuthModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        StaffModule,
        DevicesModule,
        // A KeyObject: given a string, jsonwebtoken first tries to read it as a public key on every verify.
        JwtModule.register({ secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')), signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' } }),
      ],
      providers: [AuthService, TokenService, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [AuthService, TokenService],
    };
  }
}
