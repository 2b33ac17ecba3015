import { ACTION } from './actions.ts';
import type { DeviceHiveContext } from './context.ts';
import { isFailure, type Failure } from './failure.ts';
import { own, type Json, type JsonObject } from './json.ts';
import { MESSAGES } from './messages.ts';
import { authorize } from './principal.ts';
import { deviceTypeAssignment, networkAssignment, setAllDeviceTypes, userDeviceType, userDeviceTypes, userNetwork } from './user-grants.ts';
import { wsError, wsFailure, wsSuccess, type Answer } from './ws-answer.ts';
import { gsonLong, MALFORMED } from './ws-fields.ts';
import type { WsAction } from './ws-session.ts';

/**
 * The network and device-type actions of UserHandlers.java (user/getNetwork … user/disallowAllDeviceTypes): the
 * permission, then userId, then networkId or deviceTypeId, each a Long and required, then the service (user-grants.ts).
 */

type Second = 'networkId' | 'deviceTypeId';
const REQUIRED: Record<'userId' | Second, string> = {
  userId: MESSAGES.USER_ID_REQUIRED,
  networkId: MESSAGES.NETWORK_ID_REQUIRED,
  deviceTypeId: MESSAGES.DEVICE_TYPE_ID_REQUIRED,
};

/** An action over (userId[, second]) whose service answers a Failure, nothing (an empty success) or the results. */
function grantAction(
  action: number,
  second: Second | undefined,
  run: (ctx: DeviceHiveContext, userId: number, otherId: number) => Failure | undefined | Record<string, Json>,
): WsAction {
  return async (session, request: JsonObject): Promise<Answer> => {
    const caller = authorize(session.ctx, session.principal, action);
    if (isFailure(caller)) return wsFailure(session.ctx, request, caller);
    const ids: number[] = [];
    for (const key of second ? (['userId', second] as const) : (['userId'] as const)) {
      const id = gsonLong(own(request, key));
      if (id === MALFORMED) return wsError(session.ctx, request, 400, MESSAGES.MALFORMED_JSON);
      if (id === null) return wsError(session.ctx, request, 400, REQUIRED[key]);
      ids.push(id);
    }
    const outcome = run(session.ctx, ids[0]!, ids[1] ?? 0);
    if (isFailure(outcome)) return wsFailure(session.ctx, request, outcome);
    return wsSuccess(session.ctx, request, outcome ?? {});
  };
}

export const userGetNetworkAction = grantAction(ACTION.GET_NETWORK, 'networkId', userNetwork);
export const userAssignNetworkAction = grantAction(ACTION.MANAGE_NETWORK, 'networkId', networkAssignment);
export const userUnassignNetworkAction = grantAction(ACTION.MANAGE_NETWORK, 'networkId', networkAssignment);
export const userGetDeviceTypeAction = grantAction(ACTION.GET_DEVICE_TYPE, 'deviceTypeId', userDeviceType);
export const userGetDeviceTypesAction = grantAction(ACTION.MANAGE_DEVICE_TYPE, undefined, (ctx, userId) => {
  const types = userDeviceTypes(ctx, userId);
  return isFailure(types) ? types : { deviceTypes: types };
});
export const userAssignDeviceTypeAction = grantAction(ACTION.MANAGE_DEVICE_TYPE, 'deviceTypeId', deviceTypeAssignment);
export const userUnassignDeviceTypeAction = grantAction(ACTION.MANAGE_DEVICE_TYPE, 'deviceTypeId', deviceTypeAssignment);
export const userAllowAllDeviceTypesAction = grantAction(ACTION.MANAGE_DEVICE_TYPE, undefined, (ctx, userId) => setAllDeviceTypes(ctx, userId, true));
export const userDisallowAllDeviceTypesAction = grantAction(ACTION.MANAGE_DEVICE_TYPE, undefined, (ctx, userId) => setAllDeviceTypes(ctx, userId, false));
