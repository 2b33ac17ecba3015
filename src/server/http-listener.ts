import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { FamilyMock } from '../core/family.ts';
import type { HttpRequest, HttpResponse } from '../core/http-exchange.ts';
import { DROPPED, type ExchangePipeline } from '../core/pipeline.ts';
import { handleControl, CONTROL_PREFIX, type ControlApi } from './control.ts';

import { MAX_BODY_BYTES } from '../core/limits.ts';
import type { HttpTimeouts } from '../core/manifest.ts';
import { compressed, type WireResponse } from './http-compress.ts';
import { routeEveryMethod } from './http-methods.ts';
import { closeTimedOutRequests, timeoutOptions } from './http-timeouts.ts';

export { MAX_BODY_BYTES };

/** The tenant's mock for a request, and the URL it sees; or the refusal of a request naming a bad tenant. */
export type TenantRoute = { ok: true; mock: FamilyMock; url: string; tenant: string } | { ok: false; response: HttpResponse };

export interface HttpListenerOptions {
  /** The default tenant's mock. */
  mock: FamilyMock;
  /** Picks the tenant (src/server/tenants.ts); none: every request is the default tenant's. */
  route?: (url: string, headers: Record<string, string | string[] | undefined>) => TenantRoute;
  pipeline: ExchangePipeline;
  control: ControlApi;
  maxBodyBytes?: number;
  /** The family's timeouts (its manifest's, or the configuration's). */
  timeouts: HttpTimeouts;
  /** Compress answers the family leaves as identity when the client accepts gzip or deflate (the families whose server compresses). */
  compression?: boolean;
}

function toExchange(request: FastifyRequest, body: Uint8Array | null, bodyTooLarge = false, url = request.url): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const exchange: HttpRequest = { method: request.method, url, headers, body, bodyTooLarge, remoteAddress: request.socket.remoteAddress };
  // The tenant's path prefix, when the route took one off: what came before the URL the family sees.
  if (url !== request.url && request.url.endsWith(url)) exchange.basePath = request.url.slice(0, request.url.length - url.length);
  return exchange;
}

/**
 * Writes the family's answer on the raw response, past fastify's reply: the family's headers are the real server's,
 * byte for byte (fastify would add "; charset=utf-8" to a string's content type), and a string body lets Node write
 * the head and the body in one write and compute Content-Length (a Buffer takes a writev of two).
 */
function send(reply: FastifyReply, response: WireResponse): FastifyReply {
  reply.hijack();
  const raw = reply.raw;
  raw.statusCode = response.status;
  for (const name in response.headers) raw.setHeader(name, response.headers[name]!);
  if (response.body === null) raw.end();
  else raw.end(response.body);
  return reply;
}

/**
 * The HTTP side of one family: fastify receives the bytes (size limit, keep-alive, errors), the family decides
 * everything else. No content-type parser of fastify's runs: each family parses bodies its own way, with its own
 * error messages.
 */
export function createHttpListener(options: HttpListenerOptions): FastifyInstance {
  const { mock, pipeline, control } = options;
  const app = Fastify({ bodyLimit: options.maxBodyBytes ?? MAX_BODY_BYTES, logger: false, return503OnClosing: false, ...timeoutOptions(options.timeouts) });
  closeTimedOutRequests(app.server);
  routeEveryMethod(app);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const routeOf = (request: FastifyRequest): TenantRoute => options.route?.(request.url, request.headers) ?? { ok: true, mock, url: request.url, tenant: '' };

  const answer = async (target: FamilyMock, exchange: HttpRequest, reply: FastifyReply): Promise<FastifyReply | void> => {
    const response = await pipeline.http(target, exchange);
    if (response !== DROPPED) return send(reply, options.compression ? await compressed(response, exchange.headers['accept-encoding']) : response);
    reply.raw.socket?.destroy();
    return reply.hijack();
  };

  app.all('*', async (request, reply) => {
    const routed = routeOf(request);
    if (!routed.ok) return send(reply, routed.response);
    if (routed.url.startsWith(CONTROL_PREFIX)) return send(reply, await handleControl(control, request.method, routed.url, request.headers, routed.tenant || undefined));
    const body = Buffer.isBuffer(request.body) && request.body.length > 0 ? new Uint8Array(request.body) : null;
    return answer(routed.mock, toExchange(request, body, false, routed.url), reply);
  });

  // Errors fastify raises before the handler (a body over the limit, a body that cannot be read) still get the
  // family's own answer: a client of the real server never sees a fastify error.
  app.setErrorHandler(async (error: { code?: string; statusCode?: number }, request, reply) => {
    const tooLarge = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    const routed = routeOf(request);
    if (!routed.ok) return send(reply, routed.response);
    return answer(routed.mock, toExchange(request, null, tooLarge, routed.url), reply);
  });
  return app;
}
