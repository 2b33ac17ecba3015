import type { DhContext } from './context.ts';
import { authenticateAction, tokenAction, tokenCreateAction, tokenRefreshAction } from './ws-auth-actions.ts';
import { serverInfoAction } from './ws-info-actions.ts';
import { userCountAction, userDeleteAction, userGetAction, userInsertAction, userListAction } from './ws-manage-actions.ts';
import type { WsAction } from './ws-session.ts';
import { userGetCurrentAction, userUpdateAction, userUpdateCurrentAction } from './ws-user-actions.ts';

/**
 * The actions of the WebSocket API this mock serves: server/info and every user and token action of
 * WebSocketRequestProcessor.java:269-326 the mock has data for. Devices, networks, device types, commands and
 * notifications are not modelled (a mock user has no networks), so those actions stay "Illegal argument".
 */
export function wsActions(ctx: DhContext): ReadonlyMap<string, WsAction> {
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
  ]);
  // devicehive.updateCurrent.route.message-action: the deviation does not know the documented action.
  if (ctx.behaviour.deviates('devicehive.updateCurrent.route.message-action')) actions.delete('user/updateCurrent');
  // devicehive.updateUser.route.ws-action
  if (ctx.behaviour.deviates('devicehive.updateUser.route.ws-action')) actions.delete('user/update');
  return actions;
}
