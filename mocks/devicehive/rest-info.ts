import type { HttpResponse } from '../../src/core/http-exchange.ts';
import type { DeviceHiveContext } from './context.ts';
import { javaTimestamp, type Json } from './json.ts';
import type { RestCall } from './rest-call.ts';
import { restJson } from './rest-respond.ts';

/** The version the research read (devicehive-java-server 4.1.0). */
export const API_VERSION = '4.1.0';

/** What GET /info and the WebSocket's server/info share (ApiInfoVO): the version and the server's clock. */
export function apiInfo(ctx: DeviceHiveContext): Record<string, Json> {
  return { apiVersion: API_VERSION, serverTimestamp: javaTimestamp(ctx.now()) };
}

/**
 * GET /info (BaseApiInfoResourceImpl.getApiInfo): the WebSocket URL is built from the request's own host and port,
 * with the Docker context path /api.
 */
export function getInfo(call: RestCall): HttpResponse {
  const host = call.request.headers.host ?? 'localhost';
  const scheme = call.request.headers['x-forwarded-proto'] === 'https' ? 'wss' : 'ws';
  const info = apiInfo(call.ctx);
  // devicehive.all.transport.ws-endpoint-info
  if (!call.ctx.behaviour.deviates('devicehive.all.transport.ws-endpoint-info')) info.webSocketServerUrl = `${scheme}://${host}${call.request.basePath ?? ''}/api/websocket`;
  return restJson(200, info);
}
