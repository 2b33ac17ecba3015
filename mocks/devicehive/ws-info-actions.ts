import type { JsonObject } from './json.ts';
import { REST_BASE } from './rest-routes.ts';
import { apiInfo } from './rest-info.ts';
import { wsSuccess, type Answer } from './ws-answer.ts';
import type { DeviceHiveSession } from './ws-session.ts';

/**
 * server/info (ApiInfoHandlers.processServerInfo, permitAll): {info: {apiVersion, serverTimestamp, restServerUrl}},
 * the WEBSOCKET_SERVER_INFO view. The REST URL is "http://" + the handshake's Host + the context path + "/rest"; a
 * session without a handshake (an MQTT client of this mock) has no Host, and Gson writes the unset field as null.
 */
export async function serverInfoAction(session: DeviceHiveSession, request: JsonObject): Promise<Answer> {
  const host = session.handshakeHost;
  const restServerUrl = host ? `http://${host}${REST_BASE}` : null;
  return wsSuccess(session.ctx, request, { info: { ...apiInfo(session.ctx), restServerUrl } });
}
