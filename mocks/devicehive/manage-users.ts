import type { DeviceHiveContext } from './context.ts';
import { fail, type Failure } from './failure.ts';
import { MESSAGES } from './messages.ts';
import type { Principal } from './principal.ts';
import { ROLE, type UserRecord } from './users.ts';

/**
 * The ManageUser operations REST and WebSocket share (UserResourceImpl and UserHandlers call the same UserService);
 * each transport checks the permission and reads its own input, then renders the outcome in its own envelope.
 */

/**
 * GET /user/{id}, user/get: an admin sees anyone, a client only itself. The transports word a hidden user
 * differently (REST: 403 with body error 404; WebSocket: code 404), so the reason is returned, not a Failure.
 */
export function userVisibleTo(ctx: DeviceHiveContext, caller: Principal, id: number): UserRecord | 'hidden' | 'missing' {
  if (caller.role !== ROLE.ADMIN && caller.userId !== id) return 'hidden';
  return ctx.users.get(id) ?? 'missing';
}

/** DELETE /user/{id}, user/delete: never the caller itself, then 404 when there was no such row. */
export function deleteUserAs(ctx: DeviceHiveContext, caller: Principal, id: number): Failure | undefined {
  if (caller.userId === id) return fail(403, MESSAGES.CANT_DELETE_CURRENT_USER_KEY);
  return ctx.users.delete(id) ? undefined : fail(404, MESSAGES.USER_NOT_FOUND(id));
}
