import type { HttpResponse } from '../../src/core/http-exchange.ts';
import { fail, isFailure, type Failure } from './failure.ts';
import { MESSAGES } from './messages.ts';
import type { DeviceHiveContext } from './context.ts';
import type { Principal } from './principal.ts';
import { readJsonBody } from './rest-body.ts';
import type { RestCall } from './rest-call.ts';
import { restEmpty, restJson } from './rest-respond.ts';
import { updateUser } from './update-user.ts';
import type { UpdateRoute } from './update-user-rules.ts';
import { authorizeUpdateById, authorizeUpdateCurrent, ownershipFailure } from './user-permissions.ts';
import { readUserUpdate, wrongTypeFailure, WRONG_TYPE, type UserUpdate } from './user-update-body.ts';
import { publishedUser } from './user-views.ts';

function readUpdate(call: RestCall): UserUpdate | null | Failure {
  const body = readJsonBody(call.request, () => wrongTypeFailure(call.ctx.behaviour, MESSAGES.INVALID_REQUEST_PARAMETERS));
  if (isFailure(body)) return body;
  const update = readUserUpdate(body.value, call.ctx.behaviour);
  return update === WRONG_TYPE ? wrongTypeFailure(call.ctx.behaviour, MESSAGES.INVALID_REQUEST_PARAMETERS) : update;
}

/** "If successful, this method returns an empty response body": 204 No Content. */
function updated(ctx: DeviceHiveContext, userId: number): HttpResponse {
  // devicehive.all.envelope.http-empty-body: the deviation answers the updated user.
  if (ctx.behaviour.deviates('devicehive.all.envelope.http-empty-body')) {
    const user = ctx.users.get(userId);
    return restJson(200, user ? publishedUser(user) : {});
  }
  // devicehive.all.envelope.http-204
  return restEmpty(ctx.behaviour.deviates('devicehive.all.envelope.http-204') ? 200 : 204);
}

function run(call: RestCall, caller: Principal, targetId: number, update: UserUpdate | null, route: UpdateRoute): HttpResponse | Failure {
  const failure = updateUser(call.ctx, targetId, update, { id: caller.userId, role: caller.role }, route);
  return failure ?? updated(call.ctx, targetId);
}

/** PUT /user/current (UserResourceImpl.updateCurrentUser): the body is read before the permission, as Jersey does. */
export function putUserCurrent(call: RestCall): HttpResponse | Failure {
  const update = readUpdate(call);
  if (isFailure(update)) return update;
  const caller = authorizeUpdateCurrent(call.ctx, call.principal);
  if (isFailure(caller)) return caller;
  return run(call, caller, caller.userId, update, 'current');
}

/** PUT /user/{id} (UserResourceImpl.updateUser). */
export function putUserById(call: RestCall): HttpResponse | Failure {
  const update = readUpdate(call);
  if (isFailure(update)) return update;
  const caller = authorizeUpdateById(call.ctx, call.principal);
  if (isFailure(caller)) return caller;
  if (call.id === undefined) return fail(404, MESSAGES.HTTP_404);
  const foreign = ownershipFailure(call.ctx, caller, call.id);
  return foreign ?? run(call, caller, call.id, update, 'id');
}
