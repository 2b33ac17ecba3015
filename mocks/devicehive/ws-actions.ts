import type { DeviceHiveContext } from './context.ts';
import { authenticateAction, tokenAction, tokenCreateAction, tokenRefreshAction } from './ws-auth-actions.ts';
import {
  userAllowAllDeviceTypesAction,
  userAssignDeviceTypeAction,
  userAssignNetworkAction,
  userDisallowAllDeviceTypesAction,
  userGetDeviceTypeAction,
  userGetDeviceTypesAction,
  userGetNetworkAction,
  userUnassignDeviceTypeAction,
  userUnassignNetworkAction,
} from './ws-grant-actions.ts';
import { serverInfoAction } from './ws-info-actions.ts';
import { userCountAction, userDeleteAction, userGetAction, userInsertAction, userListAction } from './ws-manage-actions.ts';
import type { WsAction } from './ws-session.ts';
import { userGetCurrentAction, userUpdateAction, userUpdateCurrentAction } from './ws-user-actions.ts';

/**
 * The actions of the WebSocket API this mock serves: server/info and every user and token action of
 * WebSocketRequestProcessor.java:269-326. The mock models no networks or device types, so the user's network and
 * device-type actions answer as the reference does for an installation without any (user-grants.ts); the device,
 * network, device-type, command, notification, configuration and subscription actions stay "Illegal argument".
 */
export function wsActions(ctx: DeviceHiveContext): ReadonlyMap<string, WsAction> {
  const actions = new Map<string, WsAction>([
    ['server/info', serverInfoAction],
    ['authenticate', authenticateAction],
    ['token', tokenAction],
    ['token/refresh', tokenRefreshAction],
    ['token/create', tokenCreateAction],
    ['user/list', userListAction],
    ['user/count', userCountAction],
    ['user/get', userGetAction],
    ['user/insert', userInsertAction],
    ['user/delete', userDeleteAction],
    ['user/getCurrent', userGetCurrentAction],
    ['user/updateCurrent', userUpdateCurrentAction],
    ['user/update', userUpdateAction],
    ['user/getNetwork', userGetNetworkAction],
    ['user/assignNetwork', userAssignNetworkAction],
    ['user/unassignNetwork', userUnassignNetworkAction],
    ['user/getDeviceType', userGetDeviceTypeAction],
    ['user/getDeviceTypes', userGetDeviceTypesAction],
    ['user/assignDeviceType', userAssignDeviceTypeAction],
    ['user/unassignDeviceType', userUnassignDeviceTypeAction],
    ['user/allowAllDeviceTypes', userAllowAllDeviceTypesAction],
    ['user/disallowAllDeviceTypes', userDisallowAllDeviceTypesAction],
  ]);
  // devicehive.updateCurrent.route.message-action: the deviation does not know the documented action.
  if (ctx.behaviour.deviates('devicehive.updateCurrent.route.message-action')) actions.delete('user/updateCurrent');
  // devicehive.updateUser.route.ws-action
  if (ctx.behaviour.deviates('devicehive.updateUser.route.ws-action')) actions.delete('user/update');
  return actions;
}
