import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { HttpTimeouts } from '../core/manifest.ts';

/** Node checks the headers and request budgets on a timer; a quarter of the shortest budget keeps a cut close to it. */
function checkingIntervalMs(timeouts: HttpTimeouts): number {
  const budgets = [timeouts.headersMs, timeouts.requestMs].filter((ms) => ms > 0);
  return budgets.length === 0 ? 30_000 : Math.max(10, Math.min(30_000, Math.floor(Math.min(...budgets) / 4)));
}

/**
 * The fastify options that apply a family's timeouts: headers and total budgets through Node's HTTP server, silence
 * in a request through the socket timeout (the socket is destroyed), and the keep-alive wait between requests.
 */
export function timeoutOptions(timeouts: HttpTimeouts): {
  http: ServerOptions;
  requestTimeout: number;
  connectionTimeout: number;
  keepAliveTimeout: number;
} {
  // Node refuses a headers budget longer than the total one; the total one bounds the headers anyway.
  const headersMs = timeouts.requestMs > 0 && (timeouts.headersMs === 0 || timeouts.headersMs > timeouts.requestMs) ? timeouts.requestMs : timeouts.headersMs;
  return {
    http: { headersTimeout: headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: checkingIntervalMs(timeouts) },
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
  };
}

/**
 * A request cut by its headers or total budget is closed without an answer: uWebSockets just closes, nginx
 * terminates the request on its 408 without sending it. Runs before fastify's own handler, which would write a 408 of
 * its own and leaves a destroyed socket alone.
 */
export function closeTimedOutRequests(server: Server): void {
  server.prependListener('clientError', (error: Error & { code?: string }, socket: Socket) => {
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') socket.destroy();
  });
}
