import { ACTION } from './actions.ts';
import { createUser } from './create-user.ts';
import { isFailure } from './failure.ts';
import { own, type JsonObject } from './json.ts';
import { deleteUserAs, userVisibleTo } from './manage-users.ts';
import { MESSAGES } from './messages.ts';
import { authorize } from './principal.ts';
import { countUsers, listUsers, type UserQuery } from './user-query.ts';
import { listedUser, publishedUser, submittedUser } from './user-views.ts';
import { wsError, wsFailure, wsSuccess, type Answer } from './ws-answer.ts';
import { gsonInteger, gsonLong, gsonText, MALFORMED } from './ws-fields.ts';
import type { DeviceHiveSession } from './ws-session.ts';

/**
 * The ManageUser actions of UserHandlers.java (user/list, user/count, user/get, user/insert, user/delete), on the
 * services the REST routes use. @PreAuthorize runs before the handler body, so the permission comes first here.
 */

const malformed = (session: DeviceHiveSession, request: JsonObject) => wsError(session.ctx, request, 400, MESSAGES.MALFORMED_JSON);

/** ListUserRequest / CountUserRequest: Gson reads the whole request object; unknown keys (action, requestId) are ignored. */
function readQuery(request: JsonObject): UserQuery | typeof MALFORMED {
  const query: UserQuery = {};
  for (const key of ['login', 'loginPattern', 'sortField', 'sortOrder'] as const) {
    const value = gsonText(own(request, key));
    if (value === MALFORMED) return value;
    if (value !== null) query[key] = value;
  }
  for (const key of ['role', 'status', 'take', 'skip'] as const) {
    const value = gsonInteger(own(request, key));
    if (value === MALFORMED) return value;
    if (value !== null) query[key] = value;
  }
  return query;
}

/** user/list: {users: [USERS_LISTED…]}. */
export async function userListAction(session: DeviceHiveSession, request: JsonObject): Promise<Answer> {
  const caller = authorize(session.ctx, session.principal, ACTION.MANAGE_USER);
  if (isFailure(caller)) return wsFailure(session.ctx, request, caller);
  const query = readQuery(request);
  if (query === MALFORMED) return malformed(session, request);
  const users = listUsers(session.ctx, query);
  if (isFailure(users)) return wsFailure(session.ctx, request, users);
  return wsSuccess(session.ctx, request, { users: users.map(listedUser) });
}

/** user/count: {count}, over the list's filter (paging and order are not read). */
export async function userCountAction(session: DeviceHiveSession, request: JsonObject): Promise<Answer> {
  const caller = authorize(session.ctx, session.principal, ACTION.MANAGE_USER);
  if (isFailure(caller)) return wsFailure(session.ctx, request, caller);
  const query = readQuery(request);
  if (query === MALFORMED) return malformed(session, request);
  const { login, loginPattern, role, status } = query;
  return wsSuccess(session.ctx, request, { count: countUsers(session.ctx, { login, loginPattern, role, status }) });
}

/** user/get {userId}: {user: USER_PUBLISHED}. A hidden user is code 404, as a missing one (processUserGet). */
export async function userGetAction(session: DeviceHiveSession, request: JsonObject): Promise<Answer> {
  const caller = authorize(session.ctx, session.principal, ACTION.MANAGE_USER);
  if (isFailure(caller)) return wsFailure(session.ctx, request, caller);
  const userId = gsonLong(own(request, 'userId'));
  if (userId === MALFORMED) return malformed(session, request);
  if (userId === null) return wsError(session.ctx, request, 400, MESSAGES.USER_ID_REQUIRED);
  const user = userVisibleTo(session.ctx, caller, userId);
  if (typeof user === 'string') return wsError(session.ctx, request, 404, MESSAGES.USER_NOT_FOUND(userId));
  return wsSuccess(session.ctx, request, { user: publishedUser(user) });
}

/** user/insert {user}: {user: USER_SUBMITTED}, the creation POST /user runs. */
export async function userInsertAction(session: DeviceHiveSession, request: JsonObject): Promise<Answer> {
  const caller = authorize(session.ctx, session.principal, ACTION.MANAGE_USER);
  if (isFailure(caller)) return wsFailure(session.ctx, request, caller);
  const user = own(request, 'user');
  if (user === undefined || user === null) return wsError(session.ctx, request, 400, MESSAGES.USER_REQUIRED);
  const created = createUser(session.ctx, user, MESSAGES.MALFORMED_JSON);
  if (isFailure(created)) return wsFailure(session.ctx, request, created);
  return wsSuccess(session.ctx, request, { user: submittedUser(created) });
}

/** user/delete {userId}: an empty success, the deletion DELETE /user/{id} runs. */
export async function userDeleteAction(session: DeviceHiveSession, request: JsonObject): Promise<Answer> {
  const caller = authorize(session.ctx, session.principal, ACTION.MANAGE_USER);
  if (isFailure(caller)) return wsFailure(session.ctx, request, caller);
  const userId = gsonLong(own(request, 'userId'));
  if (userId === MALFORMED) return malformed(session, request);
  if (userId === null) return wsError(session.ctx, request, 400, MESSAGES.USER_ID_REQUIRED);
  const failure = deleteUserAs(session.ctx, caller, userId);
  return failure ? wsFailure(session.ctx, request, failure) : wsSuccess(session.ctx, request);
}
