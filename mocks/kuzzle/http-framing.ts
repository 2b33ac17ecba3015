import type { Behaviour } from '../../src/core/behaviour.ts';
import { urlParts, type HttpRequest, type HttpResponse } from '../../src/core/http-exchange.ts';
import { bareRequest, type EnvelopeRequest, type Outcome } from './envelope.ts';
import type { KuzzleContext } from './context.ts';
import { kerror, wrapUnexpected } from './errors.ts';
import { execute } from './funnel.ts';
import { checkContentType, readBody } from './http-body.ts';
import { parseQuery } from './http-forms.ts';
import { bareErrorResponse, envelopeResponse } from './http-response.ts';
import { HttpRouter } from './http-router.ts';
import { nativeRoutes, type RouteEntry } from './http-routes.ts';
import { buildRequest } from './request.ts';
import { parseJson } from '../../src/core/json.ts';

const VERBS = ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT'];

/**
 * The routes the mock answers: the router's own (HEAD /, POST /_query, GET /_healthcheck and /_ready), then every
 * native route. kuzzle.updateSelf.route.me, kuzzle.updateSelf.deprecated-alias.update-self and
 * kuzzle.updateProfile.route.http: each deviation removes its route, which then answers 404.
 */
export function createRouter(behaviour: Behaviour): HttpRouter {
  const removed = new Set<string>();
  if (behaviour.deviates('kuzzle.updateSelf.route.me')) removed.add('PUT /_me');
  if (behaviour.deviates('kuzzle.updateSelf.deprecated-alias.update-self')) removed.add('PUT /_updateSelf');
  if (behaviour.deviates('kuzzle.updateProfile.route.http')) removed.add('PUT /profiles/:_id/_update');
  const own: RouteEntry[] = [
    { verb: 'HEAD', path: '/', controller: '', action: 'head' },
    { verb: 'POST', path: '/_query', controller: '', action: 'query' },
    { verb: 'GET', path: '/_healthcheck', controller: '', action: 'healthcheck' },
    { verb: 'GET', path: '/_ready', controller: '', action: 'ready' },
  ];
  return new HttpRouter([...own, ...nativeRoutes().filter((r) => !removed.has(`${r.verb} ${r.path}`))]);
}

/** The token of an Authorization: Bearer header (case-insensitive scheme), as routeHandler.js:65-71 reads it. */
function bearer(headers: Record<string, string>): string | undefined {
  const value = headers.authorization;
  return value !== undefined && value.toLowerCase().startsWith('bearer ') ? value.slice('Bearer '.length) : undefined;
}

/** The WebSocket-style request data of an HTTP request (RouteHandler's constructor). */
function requestData(request: HttpRequest, content: unknown, query: Record<string, unknown>, requestId: string): Record<string, unknown> {
  const data: Record<string, unknown> = { body: content, requestId, ...query };
  const token = bearer(request.headers);
  if (token !== undefined) data.jwt = token;
  const volatile = request.headers['x-kuzzle-volatile'];
  if (volatile !== undefined) {
    const parsed = parseJson(volatile);
    if (!parsed.ok) throw kerror('network.http.volatile_parse_failed', parsed.message);
    data.volatile = parsed.value;
  }
  return data;
}

async function run(env: KuzzleContext, route: RouteEntry, data: Record<string, unknown>, headers: Record<string, string>): Promise<[EnvelopeRequest, Outcome]> {
  if (route.action === 'healthcheck' || route.action === 'ready' || route.action === 'head') {
    return [buildRequest(data, 'http', headers), { result: route.action === 'head' ? {} : null }];
  }
  if (route.action === 'query') {
    // POST /_query: the body is a WebSocket-style request, which keeps the HTTP protocol (booleans stay flags).
    const inner = data.body;
    if (typeof inner === 'object' && inner !== null && !Array.isArray(inner) && data.jwt && (inner as Record<string, unknown>).jwt === undefined) {
      (inner as Record<string, unknown>).jwt = data.jwt;
    }
    const request = buildRequest(inner, 'http', headers);
    return [request, (await execute(env, request)).outcome];
  }
  const request = buildRequest(data, 'http', headers);
  // A controller or action given in the query string is kept: Kuzzle's setters only take the first value.
  request.controller ??= route.controller;
  request.action ??= route.action;
  return [request, (await execute(env, request)).outcome];
}

/** One HTTP exchange, in the order of httpwsProtocol and the HTTP router (kuzzle.md §1, §2.2). Never throws. */
export async function handleHttp(env: KuzzleContext, router: HttpRouter, request: HttpRequest): Promise<HttpResponse> {
  try {
    return await exchange(env, router, request);
  } catch (error) {
    // A mock bug still answers as Kuzzle would: an unexpected error in the envelope.
    const requestId = globalThis.crypto.randomUUID();
    return envelopeResponse(env.behaviour, bareRequest(requestId), { error: wrapUnexpected(error) }, { requestId, origin: undefined, head: false });
  }
}

async function exchange(env: KuzzleContext, router: HttpRouter, request: HttpRequest): Promise<HttpResponse> {
  const origin = request.headers.origin;
  const { behaviour } = env;
  if (request.bodyTooLarge) return bareErrorResponse(behaviour, kerror('network.http.request_too_large'), origin);
  const typeError = checkContentType(request.headers);
  if (typeError) return bareErrorResponse(behaviour, typeError, origin);
  const read = await readBody(request.body, request.headers);
  if (!read.ok) return bareErrorResponse(behaviour, read.error, origin);
  const requestId = request.headers['x-kuzzle-request-id'] || globalThis.crypto.randomUUID();
  const method = request.method.toUpperCase();
  const url = urlParts(request.url);
  const pathname = url.path.replace(/\/$/, '');
  // Node's querystring semantics (repeated keys gather in arrays), not URLSearchParams': Kuzzle's own.
  const query = parseQuery(url.search);
  const context = { requestId, origin, head: method === 'HEAD' };
  let envelopeRequest: EnvelopeRequest = bareRequest(requestId);
  try {
    if (!VERBS.includes(method)) {
      if (method === 'OPTIONS') return envelopeResponse(behaviour, envelopeRequest, { result: {} }, context);
      throw kerror('network.http.unsupported_verb', method);
    }
    const data = requestData(request, read.content, query, requestId);
    const match = router.match(method, pathname);
    if (!match) {
      envelopeRequest = buildRequest(data, 'http', request.headers);
      throw kerror('network.http.url_not_found', pathname);
    }
    // kuzzle.updateSelf.auth.authorization-header: updateSelf reads the Authorization header; the deviation ignores it.
    const { route } = match;
    if (route.controller === 'auth' && route.action === 'updateSelf' && behaviour.deviates('kuzzle.updateSelf.auth.authorization-header')) delete data.jwt;
    const [built, outcome] = await run(env, route, { ...data, ...match.params }, request.headers);
    return envelopeResponse(behaviour, built, outcome, context);
  } catch (error) {
    return envelopeResponse(behaviour, envelopeRequest, { error: wrapUnexpected(error) }, context);
  }
}
