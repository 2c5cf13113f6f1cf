import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { GrantableRole } from '../domain/roles';
import type { Actor } from '../domain/actor';

export const IS_PUBLIC = 'kaoqin:isPublic';
export const REQUIRED_ROLES = 'kaoqin:requiredRoles';
export const ALLOW_DEVICE = 'kaoqin:allowDevice';

/** The route needs no sign-in. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route also accepts a device key (`X-Device-Key`): only the routes that add punches. */
export const AllowDevice = () => SetMetadata(ALLOW_DEVICE, true);

/** The route needs one of these roles (on top of being signed in). */
export const Roles = (...roles: GrantableRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export interface RequestWithActor {
  actor?: Actor;
}

/** The signed-in actor; the global guard has already refused anonymous requests. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
