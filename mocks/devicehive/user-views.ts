import { javaTimestamp, type Json } from './json.ts';
import type { UserRecord } from './users.ts';

/**
 * The JSON policies of UserVO (COMMON/vo/UserVO.java): the same row shows different fields per answer. Gson runs with
 * serializeNulls, so null fields are present; keys keep the declaration order.
 */

/** USER_PUBLISHED: GET /user/current, GET /user/{id}, WebSocket user/getCurrent. A mock user has no networks. */
export function publishedUser(user: UserRecord): Record<string, Json> {
  return {
    id: user.id,
    login: user.login,
    role: user.role,
    status: user.status,
    lastLogin: user.lastLogin === null ? null : javaTimestamp(user.lastLogin),
    data: user.data,
    introReviewed: user.introReviewed,
    allDeviceTypesAvailable: user.allDeviceTypesAvailable,
    networks: [],
  };
}

/** USERS_LISTED: user/list and GET /user, the published fields without networks. */
export function listedUser(user: UserRecord): Record<string, Json> {
  const { networks: _networks, ...listed } = publishedUser(user);
  return listed;
}

/** USER_SUBMITTED: the answer of POST /user, without login, role or status. */
export function submittedUser(user: UserRecord): Record<string, Json> {
  return {
    id: user.id,
    lastLogin: user.lastLogin === null ? null : javaTimestamp(user.lastLogin),
    data: user.data,
    introReviewed: user.introReviewed,
    allDeviceTypesAvailable: user.allDeviceTypesAvailable,
  };
}
