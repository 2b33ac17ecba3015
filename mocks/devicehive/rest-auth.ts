import type { DeviceHiveContext } from './context.ts';
import { fail, type Failure } from './failure.ts';
import { MESSAGES } from './messages.ts';
import { authenticateAccessToken, type Principal } from './principal.ts';

/**
 * HttpAuthenticationFilter (CSVC/auth/rest/HttpAuthenticationFilter.java:63-102), run before every REST route: no
 * header is an anonymous caller (refused later, per route); a header must read "Bearer <token>" with a valid access
 * token, else the filter answers 401 itself.
 */
export async function filterAuthorization(ctx: DeviceHiveContext, authorization: string | undefined): Promise<Principal | undefined | Failure> {
  if (authorization === undefined) return undefined;
  let token: string;
  if (authorization.length > 6 && authorization.startsWith('Bearer')) token = authorization.slice(6).trim();
  // devicehive.all.auth.bearer-header: the deviation also takes the bare token.
  else if (ctx.behaviour.deviates('devicehive.all.auth.bearer-header')) token = authorization.trim();
  else return fail(401, MESSAGES.UNAUTHORIZED, 'filter');
  return authenticateAccessToken(ctx, token);
}
