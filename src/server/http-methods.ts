import { METHODS } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * Makes fastify route every method Node's parser accepts (PROPFIND, SEARCH, PURGE…), body included, so that the
 * family answers an unknown method as its real server does instead of fastify's 404. CONNECT never reaches a route:
 * Node hands it to a 'connect' listener, and with none closes the socket.
 */
export function routeEveryMethod(app: FastifyInstance): void {
  const known = new Set(app.supportedMethods);
  for (const method of METHODS) if (!known.has(method) && method !== 'CONNECT') app.addHttpMethod(method, { hasBody: true });
}
