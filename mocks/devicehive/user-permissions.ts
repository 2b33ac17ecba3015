import { ACTION } from './actions.ts';
import type { DeviceHiveContext } from './context.ts';
import { fail, isFailure, type Failure } from './failure.ts';
import { MESSAGES } from './messages.ts';
import { authorize, type Principal } from './principal.ts';
import { ROLE } from './users.ts';

/** PUT /user/current, WebSocket and MQTT user/updateCurrent: "Access JSON Web Token (UpdateCurrentUser)". */
export function authorizeUpdateCurrent(ctx: DeviceHiveContext, principal: Principal | undefined): Principal | Failure {
  // devicehive.updateCurrent.auth.update-current-user-action: the deviation accepts any valid access token.
  const action = ctx.behaviour.deviates('devicehive.updateCurrent.auth.update-current-user-action') ? null : ACTION.UPDATE_CURRENT_USER;
  return authorize(ctx, principal, action);
}

/**
 * PUT /user/{id}. The document: "Access JSON Web Token (UpdateCurrentUser)", so a client may update itself through
 * its numeric id; a ManageUser token, which manages users, is accepted as well. The reference demands ManageUser.
 */
export function authorizeUpdateById(ctx: DeviceHiveContext, principal: Principal | undefined): Principal | Failure {
  // devicehive.updateUser.auth.update-current-user-token
  if (ctx.behaviour.deviates('devicehive.updateUser.auth.update-current-user-token')) return authorize(ctx, principal, ACTION.MANAGE_USER);
  const caller = authorize(ctx, principal, null);
  if (isFailure(caller) || caller.actions.has(ACTION.UPDATE_CURRENT_USER) || caller.actions.has(ACTION.MANAGE_USER)) return caller;
  return fail(403, MESSAGES.ACCESS_DENIED);
}

/**
 * A client-role user may update only itself, "whatever actions its token grants" (PUT /user/{id}, user/update). The
 * reference checks only the token's actions: a client holding ManageUser may update anyone.
 */
export function ownershipFailure(ctx: DeviceHiveContext, caller: Principal, targetId: number): Failure | undefined {
  if (caller.role !== ROLE.CLIENT || caller.userId === targetId) return undefined;
  // devicehive.updateUser.role-restriction.client-other-user
  if (ctx.behaviour.deviates('devicehive.updateUser.role-restriction.client-other-user') && caller.actions.has(ACTION.MANAGE_USER)) return undefined;
  return fail(403, MESSAGES.ACCESS_DENIED);
}
