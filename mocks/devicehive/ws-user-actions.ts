import { ACTION } from './actions.ts';
import { isFailure } from './failure.ts';
import { own, type Json, type JsonObject } from './json.ts';
import { MESSAGES } from './messages.ts';
import { authorize } from './principal.ts';
import { updateUser } from './update-user.ts';
import { authorizeUpdateCurrent, ownershipFailure } from './user-permissions.ts';
import { readUserUpdate, wrongTypeFailure, WRONG_TYPE } from './user-update-body.ts';
import { publishedUser } from './user-views.ts';
import { wsError, wsFailure, wsSuccess, type Answer } from './ws-answer.ts';
import { gsonLong, MALFORMED } from './ws-fields.ts';
import type { DeviceHiveSession } from './ws-session.ts';

/** user/getCurrent (GetCurrentUser): the user under the key current (UserHandlers.java:151-166). */
export async function userGetCurrentAction(session: DeviceHiveSession, request: JsonObject): Promise<Answer> {
  const caller = authorize(session.ctx, session.principal, ACTION.GET_CURRENT_USER);
  if (isFailure(caller)) return wsFailure(session.ctx, request, caller);
  const user = session.ctx.users.get(caller.userId);
  if (!user) return wsError(session.ctx, request, 409, MESSAGES.CAN_NOT_GET_CURRENT_USER);
  return wsSuccess(session.ctx, request, { current: publishedUser(user) });
}

/** user/updateCurrent {user} (UserHandlers.java:215-228): the documented message of the WebSocket and MQTT APIs. */
export async function userUpdateCurrentAction(session: DeviceHiveSession, request: JsonObject): Promise<Answer> {
  const { ctx } = session;
  const caller = authorizeUpdateCurrent(ctx, session.principal);
  if (isFailure(caller)) return wsFailure(ctx, request, caller);
  // devicehive.updateCurrent.default.request-id-optional: the deviation insists on a requestId.
  if (!Object.hasOwn(request, 'requestId') && ctx.behaviour.deviates('devicehive.updateCurrent.default.request-id-optional')) {
    return wsError(ctx, request, 400, 'requestId is required');
  }
  let user: Json | undefined = own(request, 'user');
  if (user === undefined || user === null) {
    // devicehive.updateCurrent.validation.user-required: the deviation takes a missing user for an empty one.
    if (!ctx.behaviour.deviates('devicehive.updateCurrent.validation.user-required')) return wsError(ctx, request, 400, MESSAGES.USER_REQUIRED);
    user = {};
  }
  const update = readUserUpdate(user, ctx.behaviour);
  if (update === WRONG_TYPE) return wsFailure(ctx, request, wrongTypeFailure(ctx.behaviour, MESSAGES.MALFORMED_JSON));
  const failure = updateUser(ctx, caller.userId, update, { id: caller.userId, role: caller.role }, 'current');
  return failure ? wsFailure(ctx, request, failure) : wsSuccess(ctx, request);
}

/** user/update {userId, user} (ManageUser; UserHandlers.java:190-213): the WebSocket counterpart of PUT /user/{id}. */
export async function userUpdateAction(session: DeviceHiveSession, request: JsonObject): Promise<Answer> {
  const { ctx } = session;
  const caller = authorize(ctx, session.principal, ACTION.MANAGE_USER);
  if (isFailure(caller)) return wsFailure(ctx, request, caller);
  const user = own(request, 'user');
  if (user === undefined || user === null) return wsError(ctx, request, 400, MESSAGES.USER_REQUIRED);
  const update = readUserUpdate(user, ctx.behaviour);
  if (update === WRONG_TYPE) return wsError(ctx, request, 400, MESSAGES.MALFORMED_JSON);
  const userId = gsonLong(own(request, 'userId'));
  if (userId === MALFORMED) return wsError(ctx, request, 400, MESSAGES.MALFORMED_JSON);
  if (userId === null) return wsError(ctx, request, 400, MESSAGES.USER_ID_REQUIRED);
  if (!ctx.users.get(userId)) return wsError(ctx, request, 404, MESSAGES.USER_NOT_FOUND(userId));
  const failure = ownershipFailure(ctx, caller, userId) ?? updateUser(ctx, userId, update, { id: caller.userId, role: caller.role }, 'id');
  return failure ? wsFailure(ctx, request, failure) : wsSuccess(ctx, request);
}
