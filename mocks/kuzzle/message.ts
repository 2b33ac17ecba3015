import { bareRequest, type EnvelopeRequest, type Outcome } from './envelope.ts';
import type { KuzzleContext } from './context.ts';
import { kerror, KuzzleError, type ErrorId } from './errors.ts';
import { execute, type Execution } from './funnel.ts';
import { buildRequest, type ApiRequest, type Protocol } from './request.ts';

/** A WebSocket message or MQTT payload, taken through the request model and the funnel. */
export type MessageResult =
  /** A request ran: its envelope gets the request's requestId (and, over WebSocket, room). */
  | { kind: 'executed'; request: ApiRequest; execution: Execution }
  /** The message could not make a request: an error envelope that no room can be given to. */
  | { kind: 'rejected'; request: EnvelopeRequest; outcome: Outcome };

/**
 * Builds and executes a request from a parsed message. `wrap` names the transport's error for messages that cannot
 * make a request: MQTT wraps every such error (network.mqtt.unexpected_error); WebSocket answers the raw error with
 * the client's requestId, if it gave one (httpwsProtocol.js:403-408).
 */
export async function runMessage(
  env: KuzzleContext,
  parsed: unknown,
  protocol: Protocol,
  options: { wrap?: ErrorId; beforeExecute?: (request: ApiRequest) => void },
): Promise<MessageResult> {
  let request: ApiRequest;
  try {
    request = buildRequest(parsed, protocol);
  } catch (error) {
    const failure = error instanceof KuzzleError ? error : new KuzzleError(String(error), 500);
    if (options.wrap) return { kind: 'rejected', request: bareRequest(), outcome: { error: kerror(options.wrap, failure.message) } };
    const given = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).requestId : undefined;
    return { kind: 'rejected', request: bareRequest(given || undefined), outcome: { error: failure } };
  }
  options.beforeExecute?.(request);
  return { kind: 'executed', request, execution: await execute(env, request) };
}
