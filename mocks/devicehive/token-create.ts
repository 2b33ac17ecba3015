import { actionIdOf, isActionId } from './actions.ts';
import type { DeviceHiveContext } from './context.ts';
import { fail, isFailure, type Failure } from './failure.ts';
import { isJsonObject, own, parseJavaTimestamp, type Json } from './json.ts';
import { hiveValidatorMessage, MESSAGES } from './messages.ts';
import { signPair, type TokenPair } from './token-service.ts';
import { REFRESH_LIFETIME_MS } from './tokens.ts';
import { STATUS } from './users.ts';

const badRequest = () => fail(400, MESSAGES.INVALID_REQUEST_PARAMETERS);

/** JwtUserPayloadView.convertTo: names (any case) or ids; unknown ones are dropped; no list at all means [1] (NONE). */
function readActions(value: Json | undefined): number[] | Failure {
  if (value === undefined || value === null) return [1];
  if (!Array.isArray(value)) return badRequest();
  const ids = new Set<number>();
  for (const item of value) {
    if (typeof item === 'string') {
      const id = actionIdOf(item);
      if (id !== undefined) ids.add(id);
    } else if (typeof item === 'number' && Number.isInteger(item)) {
      if (isActionId(item)) ids.add(item);
    } else {
      return fail(400, MESSAGES.ACTIONS_TYPES);
    }
  }
  return [...ids].sort((a, b) => a - b);
}

/** A Set<String> as Gson reads it: scalars become their text. */
function readIds(value: Json | undefined): string[] | null | Failure {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.some((v) => isJsonObject(v) || Array.isArray(v))) return badRequest();
  return [...new Set(value.map((v) => String(v)))];
}

function readDate(value: Json | undefined): number | undefined | Failure {
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' || typeof value === 'number' ? parseJavaTimestamp(String(value)) : undefined;
  return ms === undefined ? badRequest() : ms;
}

/** Gson's Long: an integral number, or a string holding one. */
function readUserId(value: Json | undefined): number | null | Failure {
  if (value === undefined || value === null) return null;
  const n = typeof value === 'string' && /^[+-]?\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : badRequest();
}

/**
 * POST /token/create and the WebSocket action token/create (JwtTokenResourceImpl.java:106-134): tokens for any active
 * user with any actions. The caller's ManageToken is checked by the route.
 */
export async function createTokens(ctx: DeviceHiveContext, body: Json | undefined): Promise<TokenPair | Failure> {
  if (!isJsonObject(body)) return badRequest();
  const userId = readUserId(own(body, 'userId'));
  const actions = readActions(own(body, 'actions'));
  const networkIds = readIds(own(body, 'networkIds'));
  const deviceTypeIds = readIds(own(body, 'deviceTypeIds'));
  const expiration = readDate(own(body, 'expiration'));
  const refreshExpiration = readDate(own(body, 'refreshExpiration'));
  if (isFailure(userId)) return userId;
  if (isFailure(actions)) return actions;
  if (isFailure(networkIds)) return networkIds;
  if (isFailure(deviceTypeIds)) return deviceTypeIds;
  if (isFailure(expiration)) return expiration;
  if (isFailure(refreshExpiration)) return refreshExpiration;
  if (userId === null) return fail(400, hiveValidatorMessage([{ property: 'userId', value: null, message: 'must not be null' }]));
  const user = ctx.users.get(userId);
  if (!user) return fail(404, MESSAGES.USER_NOT_FOUND(userId));
  if (user.status !== STATUS.ACTIVE) return fail(403, MESSAGES.USER_NOT_ACTIVE);
  const now = ctx.now();
  const access = expiration ?? now + ctx.tokenTtlSeconds * 1000;
  // The refresh payload copies the access expiration when no refreshExpiration is given (JwtUserPayload.withPayload).
  const refresh = refreshExpiration ?? expiration ?? now + REFRESH_LIFETIME_MS;
  return signPair(ctx, { u: user.id, a: actions, n: networkIds, dt: deviceTypeIds }, access, refresh);
}
