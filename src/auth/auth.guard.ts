import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { GrantableRole } from '../domain/roles';
import { ALLOW_DEVICE, IS_PUBLIC, REQUIRED_ROLES, RequestWithActor } from './auth.decorators';
import { deviceNotAllowed, roleRequired, unauthenticated } from './auth.errors';
import { AuthService } from './auth.service';
import { DeviceKeys } from './credentials';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(), and the roles it
 * names; routes marked @AllowDevice() also take a device key instead.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly devices: DeviceKeys,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & RequestWithActor>();
    const deviceKey = request.headers['x-device-key'];
    if (typeof deviceKey === 'string') {
      if (!this.reflector.getAllAndOverride<boolean>(ALLOW_DEVICE, targets)) throw deviceNotAllowed();
      const device = await this.devices.actorForKey(deviceKey);
      if (!device) throw unauthenticated('DEVICE_KEY_INVALID', 'The device key is unknown, revoked or its device inactive');
      request.actor = device;
      return true;
    }
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw unauthenticated('UNAUTHENTICATED', 'Sign in and send the token as "Authorization: Bearer <token>"');
    const actor = await this.auth.actorForToken(match[1]);
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<GrantableRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && roles.length > 0 && !roles.some((role) => actor.roles.includes(role))) throw roleRequired(roles);
    return true;
  }
}
