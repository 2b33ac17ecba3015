import { splitUrl, type HttpResponse } from '../../src/core/http-exchange.ts';
import { ACTION } from './actions.ts';
import { fail, isFailure, type Failure } from './failure.ts';
import { MESSAGES } from './messages.ts';
import { authorize } from './principal.ts';
import type { RestCall } from './rest-call.ts';
import { restJson } from './rest-respond.ts';
import { countUsers, listUsers, type UserQuery } from './user-query.ts';
import { listedUser } from './user-views.ts';

const INT_MAX = 2 ** 31 - 1;

/**
 * The @QueryParam values of UserResource.list / count. Jersey converts them before the resource method (and its
 * @PreAuthorize) runs: an Integer it cannot parse is a 404, an empty one is absent.
 */
function readQuery(call: RestCall): UserQuery | Failure {
  const { query: params } = splitUrl(call.request.url);
  const query: UserQuery = {};
  for (const key of ['login', 'loginPattern', 'sortField', 'sortOrder'] as const) {
    const value = params.get(key);
    if (value !== null) query[key] = value;
  }
  for (const key of ['role', 'status', 'take', 'skip'] as const) {
    const value = params.get(key)?.trim();
    if (value === undefined || value === '') continue;
    const n = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n > INT_MAX || n < -INT_MAX - 1) return fail(404, MESSAGES.HTTP_404);
    query[key] = n;
  }
  return query;
}

/** GET /user (ManageUser): 200 [USERS_LISTED…], the query user/list runs. */
export function getUsers(call: RestCall): HttpResponse | Failure {
  const query = readQuery(call);
  if (isFailure(query)) return query;
  const caller = authorize(call.ctx, call.principal, ACTION.MANAGE_USER);
  if (isFailure(caller)) return caller;
  const users = listUsers(call.ctx, query);
  return isFailure(users) ? users : restJson(200, users.map(listedUser));
}

/** GET /user/count (ManageUser): 200 {count}, the filter user/count runs. */
export function getUserCount(call: RestCall): HttpResponse | Failure {
  const query = readQuery(call);
  if (isFailure(query)) return query;
  const caller = authorize(call.ctx, call.principal, ACTION.MANAGE_USER);
  if (isFailure(caller)) return caller;
  const { login, loginPattern, role, status } = query;
  return restJson(200, { count: countUsers(call.ctx, { login, loginPattern, role, status }) });
}
