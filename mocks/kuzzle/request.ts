import { KuzzleError, plainError } from './errors.ts';

export type Protocol = 'http' | 'websocket' | 'mqtt';

/**
 * The one request model every transport builds (Kuzzle's KuzzleRequest): controller, action, jwt, body and volatile
 * are read at the top level; every other key is an argument (kuzzle.md §5; lib/api/request/requestInput.ts).
 */
export interface ApiRequest {
  controller: string | null;
  action: string | null;
  args: Record<string, unknown>;
  body: Record<string, unknown> | unknown[] | null;
  jwt: string | null;
  volatile: Record<string, unknown> | null;
  requestId: string;
  protocol: Protocol;
  /** HTTP request headers (lower-case names); {} on the other transports. */
  headers: Record<string, string>;
}

const RESOURCE_KEYS = new Set(['jwt', 'volatile', 'body', 'controller', 'action']);

function assertString(name: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw plainError(`Attribute ${name} must be of type "string"`);
  return value;
}

function assertObject(name: string, value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw plainError(`Attribute ${name} must be of type "object"`);
  return value as Record<string, unknown>;
}

function assertArrayOrObject(name: string, value: unknown): Record<string, unknown> | unknown[] | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') throw plainError(`Attribute ${name} must be of type "object" or "array"`);
  return value as Record<string, unknown> | unknown[];
}

/**
 * Builds a request from a WebSocket-style object, with the checks of Kuzzle's Request constructor (in its order).
 * Throws an id-less KuzzleError for a value of the wrong type; never touches object prototypes.
 */
export function buildRequest(data: unknown, protocol: Protocol, headers: Record<string, string> = {}): ApiRequest {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new KuzzleError('Input request data must be a non-null object', 500);
  }
  const input = data as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (!RESOURCE_KEYS.has(key) && key !== '__proto__') args[key] = input[key];
  }
  const jwt = assertString('jwt', input.jwt);
  const volatile = assertObject('volatile', input.volatile);
  const body = assertArrayOrObject('body', input.body);
  const controller = assertString('controller', input.controller);
  const action = assertString('action', input.action);
  const requestId = input.requestId ? assertString('requestId', input.requestId) : null;
  return { controller, action, args, body, jwt, volatile, requestId: requestId ?? globalThis.crypto.randomUUID(), protocol, headers };
}
