import { CLIENT_ACTIONS } from './actions.ts';
import type { DeviceHiveContext } from './context.ts';
import { fail, type Failure } from './failure.ts';
import { MESSAGES } from './messages.ts';
import { readToken, REFRESH_LIFETIME_MS, signPayload, TOKEN_TYPE, type DhPayload } from './tokens.ts';
import { ROLE, STATUS, type UserRecord } from './users.ts';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** user.login.maxAttempts: the tenth wrong password in a row locks the user out (BaseUserService.java:140-163). */
const MAX_LOGIN_ATTEMPTS = 10;
/** user.login.lastTimeout: lastLogin is refreshed when older than this (Constants.LAST_LOGIN_TIMEOUT_DEFAULT, 1000 ms). */
const LAST_LOGIN_TIMEOUT_MS = 1000;

/** Signs an access token and, with its own expiry, a refresh token for the same claims. */
export async function signPair(ctx: DeviceHiveContext, claims: Omit<DhPayload, 'e' | 't'>, accessExpiry: number, refreshExpiry: number): Promise<TokenPair> {
  const now = ctx.now();
  return {
    accessToken: await signPayload({ ...claims, e: accessExpiry, t: TOKEN_TYPE.ACCESS }, ctx.secret, now),
    refreshToken: await signPayload({ ...claims, e: refreshExpiry, t: TOKEN_TYPE.REFRESH }, ctx.secret, now),
  };
}

/** The claims of a login token (JwtTokenService.java:78-125): administrators get "*", clients HiveAction.CLIENT_ACTIONS. */
function loginClaims(user: UserRecord): Omit<DhPayload, 'e' | 't'> {
  if (user.role === ROLE.ADMIN) return { u: user.id, a: [0], n: ['*'], dt: ['*'] };
  return { u: user.id, a: [...CLIENT_ACTIONS], n: [], dt: user.allDeviceTypesAvailable ? ['*'] : [] };
}

function recordLogin(ctx: DeviceHiveContext, user: UserRecord): void {
  const now = ctx.now();
  if (user.loginAttempts === 0 && user.lastLogin !== null && now - user.lastLogin <= LAST_LOGIN_TIMEOUT_MS) return;
  ctx.users.save({ ...user, loginAttempts: 0, lastLogin: now });
}

/** POST /token and the WebSocket action token: login and password of an active user (devicehive.md §2). */
export async function loginWithPassword(ctx: DeviceHiveContext, login: string | null, password: string | null): Promise<TokenPair | Failure> {
  if (login === null || login.trim() === '' || password === null || password === '') return fail(400, MESSAGES.INVALID_AUTH_REQUEST_PARAMETERS);
  const user = ctx.users.byLogin(login);
  if (!user) return fail(401, MESSAGES.USER_LOGIN_NOT_FOUND(login));
  if (user.status !== STATUS.ACTIVE) return fail(401, MESSAGES.USER_NOT_ACTIVE);
  if (user.password !== password) {
    const attempts = user.loginAttempts + 1;
    const locked = attempts >= MAX_LOGIN_ATTEMPTS;
    ctx.users.save({ ...user, loginAttempts: locked ? 0 : attempts, status: locked ? STATUS.LOCKED_OUT : user.status });
    return fail(401, MESSAGES.INVALID_CREDENTIALS);
  }
  recordLogin(ctx, user);
  const now = ctx.now();
  return signPair(ctx, loginClaims(user), now + ctx.tokenTtlSeconds * 1000, now + REFRESH_LIFETIME_MS);
}

/**
 * POST /token/refresh and the WebSocket action token/refresh (JwtTokenResourceImpl.java:136-180): an unreadable
 * token, an unknown or inactive user answer 401 without a body.
 */
export async function refreshAccessToken(ctx: DeviceHiveContext, refreshToken: string | null): Promise<{ accessToken: string } | Failure> {
  if (refreshToken === null || refreshToken === '') return fail(500, MESSAGES.NULL_JWT);
  const reading = await readToken(refreshToken, ctx.secret, ctx.now(), ctx.behaviour);
  if (!reading.ok) return fail(401, '', 'none');
  if (reading.payload.t !== TOKEN_TYPE.REFRESH) return fail(401, MESSAGES.INVALID_TOKEN_TYPE);
  if (reading.expired) return fail(401, MESSAGES.EXPIRED_TOKEN);
  const user = ctx.users.get(reading.payload.u);
  if (!user || user.status !== STATUS.ACTIVE) return fail(401, '', 'none');
  const { u, a, n, dt } = reading.payload;
  const accessToken = await signPayload({ u, a, n, dt, e: ctx.now() + ctx.tokenTtlSeconds * 1000, t: TOKEN_TYPE.ACCESS }, ctx.secret, ctx.now());
  recordLogin(ctx, user);
  return { accessToken };
}
