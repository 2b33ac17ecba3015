import type { DhContext } from './context.ts';
import { authenticateAction, tokenAction, tokenCreateAction, tokenRefreshAction } from './ws-auth-actions.ts';
import type { WsAction } from './ws-session.ts';
import { userGetCurrentAction, userUpdateAction, userUpdateCurrentAction } from './ws-user-actions.ts';

/**
 * The actions of the WebSocket API this mock serves (WebSocketRequestProcessor.java:269-326 lists the rest: devices,
 * networks, commands, which the user-update documents do not need). Any other action is "Illegal argument".
 */
export function wsActions(ctx: DhContext): ReadonlyMap<string, WsAction> {
  const actions = new Map<string, WsAction>([
    ['authenticate', authenticateAction],
    ['token', tokenAction],
    ['token/refresh', tokenRefreshAction],
    ['token/create', tokenCreateAction],
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
