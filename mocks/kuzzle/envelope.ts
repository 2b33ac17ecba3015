import type { Behaviour } from '../../src/core/behaviour.ts';
import type { KuzzleError } from './errors.ts';

/** What the envelope needs to know of a request: enough for the bare requests of transport errors too. */
export interface EnvelopeRequest {
  controller: string | null;
  action: string | null;
  args: Record<string, unknown>;
  requestId: unknown;
  volatile: Record<string, unknown> | null;
  protocol?: string;
}

/** The end of a request: an error, or a result (undefined: the action returned nothing, so no result key). */
export type Outcome = { error: KuzzleError } | { error?: undefined; result: unknown };

export function bareRequest(requestId: unknown = globalThis.crypto.randomUUID()): EnvelopeRequest {
  return { controller: null, action: null, args: {}, requestId, volatile: null };
}

/**
 * RequestResponse.toJSON in production (kuzzle.md §2.1): keys in this order, collection/index only when the request
 * carried them, no node (absent since 2.46), no deprecations (development mode only), result absent when undefined.
 */
export function envelope(behaviour: Behaviour, request: EnvelopeRequest, outcome: Outcome): Record<string, unknown> {
  const error = outcome.error ? errorJson(behaviour, outcome.error) : null;
  // Built key by key so that absent keys stay absent (JSON drops undefined values; the key order is Kuzzle's).
  const body: Record<string, unknown> = { action: request.action };
  if (request.args.collection !== undefined) body.collection = request.args.collection;
  body.controller = request.controller;
  body.error = error;
  body.headers = {};
  if (request.args.index !== undefined) body.index = request.args.index;
  body.requestId = request.requestId;
  const result = outcome.error ? null : outcome.result;
  if (result !== undefined) body.result = result;
  body.status = outcome.error ? outcome.error.status : 200;
  body.volatile = request.volatile;
  const operation = `${request.controller}:${request.action}`;
  if (!outcome.error) {
    // kuzzle.updateSelf.envelope.success: the deviation drops controller and action from a successful updateSelf.
    if (operation === 'auth:updateSelf' && behaviour.deviates('kuzzle.updateSelf.envelope.success')) {
      delete body.controller;
      delete body.action;
    }
    // kuzzle.updateProfile.envelope.success: the deviation drops requestId from a successful updateProfile.
    if (operation === 'security:updateProfile' && behaviour.deviates('kuzzle.updateProfile.envelope.success')) delete body.requestId;
  }
  // kuzzle.all.envelope.request-id-echo: WebSocket and MQTT answers echo the request's requestId.
  if (request.protocol !== undefined && request.protocol !== 'http' && behaviour.deviates('kuzzle.all.envelope.request-id-echo')) {
    body.requestId = globalThis.crypto.randomUUID();
  }
  return body;
}

/** KuzzleError.toJSON; kuzzle.all.envelope.error: the deviation leaves status out of the error object. */
export function errorJson(behaviour: Behaviour, error: KuzzleError): Record<string, unknown> {
  const json = error.toJSON();
  if (behaviour.deviates('kuzzle.all.envelope.error')) delete json.status;
  return json;
}
