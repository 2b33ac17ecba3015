import { http, HttpResponse, type RequestHandler } from 'msw';
import type { FamilyMock } from '../../src/core/family.ts';
import type { HttpRequest } from '../../src/core/http-exchange.ts';
import { MAX_BODY_BYTES } from '../../src/core/limits.ts';
import { DROPPED, type ExchangePipeline } from '../../src/core/pipeline.ts';

import { escapeRegExp as escape } from '../../src/core/regex.ts';

/** A fetch Request as the transport-free exchange the family code reads (what fastify builds on the server). */
async function toExchange(request: Request, base: string): Promise<HttpRequest> {
  const url = new URL(request.url);
  const basePath = new URL(base).pathname.replace(/\/+$/, '');
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  const bytes = request.body ? new Uint8Array(await request.arrayBuffer()) : null;
  const tooLarge = bytes !== null && bytes.length > MAX_BODY_BYTES;
  return {
    method: request.method,
    // The base URL is where the server is mounted: its path is a prefix the family's own routes follow.
    url: `${url.pathname.slice(basePath.length) || '/'}${url.search}`,
    headers,
    body: tooLarge || !bytes || bytes.length === 0 ? null : bytes,
    bodyTooLarge: tooLarge,
  };
}

/**
 * Every request under `base` goes through the exchange pipeline to the family's http(), as on the standalone server:
 * recorded, delayed and faulted the same way. A dropped connection is a network error, as fetch sees one.
 */
export function httpHandler(base: string, mock: FamilyMock, pipeline: ExchangePipeline): RequestHandler {
  return http.all(new RegExp(`^${escape(base)}(/|\\?|$)`), async ({ request }) => {
    const response = await pipeline.http(mock, await toExchange(request, base));
    if (response === DROPPED) return HttpResponse.error();
    return new HttpResponse(response.body, { status: response.status, headers: response.headers });
  });
}
