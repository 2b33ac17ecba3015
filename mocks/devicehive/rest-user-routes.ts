import type { HttpResponse } from '../../src/core/http-exchange.ts';
import { ACTION } from './actions.ts';
import { createUser } from './create-user.ts';
import { fail, isFailure, type Failure } from './failure.ts';
import { deleteUserAs, userVisibleTo } from './manage-users.ts';
import { MESSAGES } from './messages.ts';
import { authorize } from './principal.ts';
import { readJsonBody } from './rest-body.ts';
import type { RestCall } from './rest-call.ts';
import { restEmpty, restJson } from './rest-respond.ts';
import { publishedUser, submittedUser } from './user-views.ts';

/** GET /user/current (GetCurrentUser). */
export function getUserCurrent(call: RestCall): HttpResponse | Failure {
  const caller = authorize(call.ctx, call.principal, ACTION.GET_CURRENT_USER);
  if (isFailure(caller)) return caller;
  const user = call.ctx.users.get(caller.userId);
  return user ? restJson(200, publishedUser(user)) : fail(409, MESSAGES.CAN_NOT_GET_CURRENT_USER);
}

/** GET /user/{id} (ManageUser). A client asking for another user gets HTTP 403 with body error 404 (UserResourceImpl.java:115-136). */
export function getUserById(call: RestCall): HttpResponse | Failure {
  const caller = authorize(call.ctx, call.principal, ACTION.MANAGE_USER);
  if (isFailure(caller)) return caller;
  if (call.id === undefined) return fail(404, MESSAGES.HTTP_404);
  const user = userVisibleTo(call.ctx, caller, call.id);
  if (user === 'hidden') return { ...fail(403, MESSAGES.USER_NOT_FOUND(call.id)), bodyError: 404 };
  return user === 'missing' ? fail(404, MESSAGES.USER_NOT_FOUND(call.id)) : restJson(200, publishedUser(user));
}

/** POST /user (ManageUser): 201 with the USER_SUBMITTED view. */
export function postUser(call: RestCall): HttpResponse | Failure {
  const body = readJsonBody(call.request, () => fail(400, MESSAGES.INVALID_REQUEST_PARAMETERS));
  if (isFailure(body)) return body;
  const caller = authorize(call.ctx, call.principal, ACTION.MANAGE_USER);
  if (isFailure(caller)) return caller;
  const created = createUser(call.ctx, body.value);
  return isFailure(created) ? created : restJson(201, submittedUser(created));
}

/** DELETE /user/{id} (ManageUser): never the caller itself (UserResourceImpl.java:183-203). */
export function deleteUserById(call: RestCall): HttpResponse | Failure {
  const caller = authorize(call.ctx, call.principal, ACTION.MANAGE_USER);
  if (isFailure(caller)) return caller;
  if (call.id === undefined) return fail(404, MESSAGES.HTTP_404);
  return deleteUserAs(call.ctx, caller, call.id) ?? restEmpty(204);
}
