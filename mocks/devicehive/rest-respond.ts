import { emptyResponse, jsonResponse, type HttpResponse } from '../../src/core/http-exchange.ts';
import type { DeviceHiveContext } from './context.ts';
import type { Failure } from './failure.ts';
import type { Json } from './json.ts';

/** SimpleCORSFilter: every answer of the REST API carries these, so a browser frontend on another origin works. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-credentials': 'true',
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'OPTIONS, GET, POST, PUT, DELETE, HEAD',
  'access-control-max-age': '0',
  'access-control-allow-headers': 'Origin, Authorization, Accept, Content-Type, Auth-DeviceID, Auth-DeviceKey',
};

export function restJson(status: number, value: Json): HttpResponse {
  return jsonResponse(status, value, { ...CORS_HEADERS, 'content-type': 'application/json' });
}

export function restEmpty(status: number): HttpResponse {
  return emptyResponse(status, { ...CORS_HEADERS });
}

/**
 * A refusal over REST. The exception mappers answer {"error": <status>, "message": <text>} (CSVC/model/ErrorResponse.java,
 * key order kept); the authentication filter's sendError(401) is rendered by Spring Boot's error controller.
 */
export function restFailure(ctx: DeviceHiveContext, failure: Failure, path: string): HttpResponse {
  if (failure.body === 'none') return restEmpty(failure.status);
  // devicehive.all.envelope.http-error: the reference's filter 401s carry Spring Boot 2.7's error body, without message.
  if (failure.body === 'filter' && ctx.behaviour.deviates('devicehive.all.envelope.http-error')) {
    const timestamp = new Date(ctx.now()).toISOString().replace('Z', '+00:00');
    return restJson(failure.status, { timestamp, status: failure.status, error: 'Unauthorized', path });
  }
  return restJson(failure.status, { error: failure.bodyError ?? failure.status, message: failure.message });
}
