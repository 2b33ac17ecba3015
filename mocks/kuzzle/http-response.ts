import type { Behaviour } from '../../src/core/behaviour.ts';
import type { HttpResponse } from '../../src/core/http-exchange.ts';
import { envelope, errorJson, type EnvelopeRequest, type Outcome } from './envelope.ts';
import type { KuzzleError } from './errors.ts';

/** config.http defaults (lib/config/default.config.ts:45-53). */
const ALLOW_HEADERS = 'Content-Type, Access-Control-Allow-Headers, Authorization, X-Requested-With, Content-Encoding, Content-Length, X-Kuzzle-Volatile';
const ALLOW_METHODS = 'GET,POST,PUT,PATCH,DELETE,OPTIONS,HEAD';

function corsHeaders(origin: string | undefined): Record<string, string> {
  return origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
}

/**
 * httpSendError (httpwsProtocol.js:930-979): errors raised before routing (size, content type, charset, body parsing,
 * decompression) are the bare error object, without envelope and without X-Kuzzle-Request-Id.
 */
export function bareErrorResponse(behaviour: Behaviour, error: KuzzleError, origin: string | undefined): HttpResponse {
  return {
    status: error.status,
    headers: { 'access-control-allow-headers': ALLOW_HEADERS, 'access-control-allow-methods': ALLOW_METHODS, 'content-type': 'application/json', ...corsHeaders(origin) },
    body: JSON.stringify(errorJson(behaviour, error)),
  };
}

/**
 * A routed response (httpWriteRequestHeaders, httpwsProtocol.js:733-774): the envelope, with the status line equal to
 * its status, X-Kuzzle-Request-Id, the router's default headers and X-Kuzzle-Node, which reads "undefined" since
 * Kuzzle 2.46 (kuzzle-observed.md). The family answers Content-Encoding identity: the HTTP listener compresses it
 * when the client accepts gzip or deflate, as the real server does (kuzzle-observed-2.json pair 44); MSW keeps identity.
 * Kuzzle also sends Connection: close; the mock keeps connections alive instead, since no client can rely on the
 * close and it would make every request of a client pay a new TCP handshake (docs/decisions/0004).
 */
export function envelopeResponse(
  behaviour: Behaviour,
  request: EnvelopeRequest,
  outcome: Outcome,
  context: { requestId: string; origin: string | undefined; head: boolean },
): HttpResponse {
  const body = envelope(behaviour, { ...request, protocol: 'http' }, outcome);
  if (Object.hasOwn(body, 'requestId')) body.requestId = context.requestId;
  const status = typeof body.status === 'number' ? body.status : 200;
  return {
    // kuzzle.all.envelope.http-status: the status line equals the envelope's status; the deviation always answers 200.
    status: behaviour.deviates('kuzzle.all.envelope.http-status') ? 200 : status,
    headers: {
      'x-kuzzle-request-id': context.requestId,
      'x-kuzzle-node': 'undefined',
      'accept-encoding': 'gzip,deflate,identity',
      'access-control-allow-headers': ALLOW_HEADERS,
      'access-control-allow-methods': ALLOW_METHODS,
      'content-type': 'application/json',
      'access-control-allow-credentials': 'true',
      ...corsHeaders(context.origin),
      'content-encoding': 'identity',
    },
    body: context.head ? null : JSON.stringify(body),
  };
}
