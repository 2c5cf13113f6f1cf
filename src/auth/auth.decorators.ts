import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { GrantableRole } from '../domain/roles';
import type { Actor } from '../domain/actor';

export const IS_PUBLIC = 'kaoqin:isPublic';
export const REQUIRED_ROLES = 'kaoqin:requiredRoles';
export const ALLOW_DEVICE = 'kaoqin:allowDevice';
export const OWN_SIGN_IN_CHECK = 'kaoqin:ownSignInCheck';

/** The route needs no sign-in. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route also accepts a device key (`X-Device-Key`): only the routes that add punches. */
export const AllowDevice = () => SetMetadata(ALLOW_DEVICE, true);

/** The route needs one of these roles (on top of being signed in). */
export const Roles = (...roles: GrantableRole[]) => SetMetadata(REQUIRED_ROLES, roles);

/**
 * A staff member's token whose signature and claims the guard has checked, but not yet the staff
 * row it names (active, token version): that is left to the route, which must refuse the request
 * as the guard would (AuthService.actorForState) before it acts.
 */
export interface TokenClaims {
  staffId: string;
  tokenVersion: number;
}

/**
 * The route checks the signed-in person's row itself, in the statement that does its work, so that
 * a request costs one round trip to the database instead of two (POST /punches/clock, the hottest
 * route). Only for routes that need no role and take no device key: the guard cannot decide those
 * without the row. The route reads the caller with SignedInClaims instead of CurrentActor.
 */
export const ChecksOwnSignIn = () => SetMetadata(OWN_SIGN_IN_CHECK, true);

export interface RequestWithActor {
  actor?: Actor;
  tokenClaims?: TokenClaims;
}

/** The signed-in actor; the global guard has already refused anonymous requests. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});

/** The verified claims of a route marked ChecksOwnSignIn (the guard has refused every other caller). */
export const SignedInClaims = createParamDecorator((_: unknown, context: ExecutionContext): TokenClaims => {
  const claims = context.switchToHttp().getRequest<RequestWithActor>().tokenClaims;
  if (!claims) throw new Error('SignedInClaims used on a route without ChecksOwnSignIn');
  return claims;
});
