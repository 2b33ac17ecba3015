import { grantedActions } from './actions.ts';
import type { DeviceHiveContext } from './context.ts';
import { fail, type Failure } from './failure.ts';
import { MESSAGES } from './messages.ts';
import { readToken, TOKEN_TYPE } from './tokens.ts';
import { ROLE, STATUS, type Role } from './users.ts';

/** Who is calling: the token's user, that user's role and the actions the token grants (HivePrincipal). */
export interface Principal {
  userId: number;
  role: Role;
  actions: ReadonlySet<number>;
}

/**
 * JwtTokenAuthenticationProvider.authenticate (devicehive.md §1.6, §3): a valid access token of an existing, active
 * user. Every refusal is "Unauthorized" except an expired token, "Token expired".
 */
export async function authenticateAccessToken(ctx: DeviceHiveContext, token: string): Promise<Principal | Failure> {
  const reading = await readToken(token, ctx.secret, ctx.now(), ctx.behaviour);
  if (!reading.ok || reading.payload.t === TOKEN_TYPE.REFRESH) return fail(401, MESSAGES.UNAUTHORIZED, 'filter');
  if (reading.expired) return fail(401, MESSAGES.TOKEN_EXPIRED, 'filter');
  const user = ctx.users.get(reading.payload.u);
  if (!user) return fail(401, MESSAGES.UNAUTHORIZED, 'filter');
  // devicehive.all.auth.inactive-user: a locked (1) or disabled (2) user's tokens stop working at once.
  if (user.status !== STATUS.ACTIVE && !ctx.behaviour.deviates('devicehive.all.auth.inactive-user')) return fail(401, MESSAGES.UNAUTHORIZED, 'filter');
  return { userId: user.id, role: user.role, actions: grantedActions(reading.payload.a) };
}

/** The first active administrator with every action: who an anonymous caller becomes under the jwt-required deviation. */
function firstAdministrator(ctx: DeviceHiveContext): Principal | undefined {
  const admin = ctx.users.all().find((u) => u.role === ROLE.ADMIN && u.status === STATUS.ACTIVE);
  return admin ? { userId: admin.id, role: admin.role, actions: grantedActions([0]) } : undefined;
}

/**
 * @PreAuthorize("isAuthenticated() and hasPermission(null, '<action>')"): no principal → 401 "Unauthorized"
 * (JwtPermissionEvaluator), a token without the action → 403 "Access is denied". `action` null: any token will do.
 */
export function authorize(ctx: DeviceHiveContext, principal: Principal | undefined, action: number | null): Principal | Failure {
  let caller = principal;
  // devicehive.all.auth.jwt-required: the deviation runs anonymous requests as an administrator.
  if (!caller && ctx.behaviour.deviates('devicehive.all.auth.jwt-required')) caller = firstAdministrator(ctx);
  if (!caller) {
    // devicehive.all.auth.unauthorized-401
    return ctx.behaviour.deviates('devicehive.all.auth.unauthorized-401') ? fail(403, MESSAGES.ACCESS_DENIED) : fail(401, MESSAGES.UNAUTHORIZED);
  }
  if (action !== null && !caller.actions.has(action)) return fail(403, MESSAGES.ACCESS_DENIED);
  return caller;
}
