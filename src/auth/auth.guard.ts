import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { GrantableRole } from '../domain/roles';
import { ALLOW_DEVICE, IS_PUBLIC, OWN_SIGN_IN_CHECK, REQUIRED_ROLES, RequestWithActor } from './auth.decorators';
import { deviceNotAllowed, roleRequired, unauthenticated } from './auth.errors';
import { AuthService } from './auth.service';
import { DeviceKeys } from './credentials';

interface RouteRules {
  isPublic: boolean;
  allowDevice: boolean;
  roles: GrantableRole[];
  ownSignInCheck: boolean;
}

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

  /** What each route's decorators say, read once per route: metadata does not change after start. */
  private readonly rules = new WeakMap<object, RouteRules>();

  private rulesOf(context: ExecutionContext): RouteRules {
    const handler = context.getHandler();
    let rules = this.rules.get(handler);
    if (rules === undefined) {
      const targets = [handler, context.getClass()];
      const roles = this.reflector.getAllAndOverride<GrantableRole[] | undefined>(REQUIRED_ROLES, targets) ?? [];
      rules = {
        isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
        allowDevice: this.reflector.getAllAndOverride<boolean>(ALLOW_DEVICE, targets) === true,
        roles,
        // Only a route that needs no role can leave the staff row to its own statement.
        ownSignInCheck: this.reflector.getAllAndOverride<boolean>(OWN_SIGN_IN_CHECK, targets) === true && roles.length === 0,
      };
      this.rules.set(handler, rules);
    }
    return rules;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rules = this.rulesOf(context);
    if (rules.isPublic) return true;
    const request = context.switchToHttp().getRequest<Request & RequestWithActor>();
    const deviceKey = request.headers['x-device-key'];
    if (typeof deviceKey === 'string') {
      if (!rules.allowDevice) throw deviceNotAllowed();
      const device = await this.devices.actorForKey(deviceKey);
      if (!device) throw unauthenticated('DEVICE_KEY_INVALID', 'The device key is unknown, revoked or its device inactive');
      request.actor = device;
      return true;
    }
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw unauthenticated('UNAUTHENTICATED', 'Sign in and send the token as "Authorization: Bearer <token>"');
    if (rules.ownSignInCheck) {
      // The route's own statement checks the staff row (ChecksOwnSignIn): one round trip fewer.
      request.tokenClaims = await this.auth.claimsOf(match[1]);
      return true;
    }
    const actor = await this.auth.actorForToken(match[1]);
    request.actor = actor;
    const { roles } = rules;
    if (roles.length > 0 && !roles.some((role) => actor.roles.includes(role))) throw roleRequired(roles);
    return true;
  }
}
