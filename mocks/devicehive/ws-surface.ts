import type { WsSurface } from '../../src/core/family.ts';
import type { DeviceHiveContext } from './context.ts';
import { wsActions } from './ws-actions.ts';
import { DeviceHiveSession } from './ws-session.ts';

/** The WebSocket handler's path under the Docker context path (FE/application/WebSocketConfig.java; devicehive.md §4). */
export const WS_PATH = '/api/websocket';

/**
 * The WebSocket API on the REST port. An Authorization header on the handshake is not read: the documents authenticate
 * with the authenticate action, and the research marks handshake authentication as unverified.
 */
export function createWsSurface(ctx: DeviceHiveContext): WsSurface {
  const actions = wsActions(ctx);
  return {
    accepts: (pathname) => pathname === WS_PATH,
    open(_peer, request) {
      const session = new DeviceHiveSession(ctx, actions, request.headers.host);
      return {
        async message(text) {
          const answer = await session.handle(text);
          return answer ? [JSON.stringify(answer)] : [];
        },
        closed() {},
      };
    },
  };
}
