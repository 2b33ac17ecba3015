import type { HttpResponse } from '../../src/core/http-exchange.ts';
import type { Behaviour } from '../../src/core/behaviour.ts';
import { withCors } from './cors.ts';

/**
 * The reference code's auth error text (userapi.md §1.5). Forks spell it "está" or "esta"; this is the text the
 * running app answered (userapi-observed.json), the one recording there is. No suite test reads it.
 */
export const NOT_IDENTIFIED = 'El usuario no esta identificado.';

/** Laravel's response()->json(): application/json without a charset, as the real app sends (userapi-observed.json). */
export function laravelJson(status: number, value: unknown): HttpResponse {
  return withCors({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
}

/**
 * Every answer is {code, status, ...} with code equal to the HTTP status (response()->json($data, $data['code'])).
 * Deviations of the envelope requirements are applied here, the one place that builds it.
 */
export function envelope(behaviour: Behaviour, status: number, body: Record<string, unknown>): HttpResponse {
  const data: Record<string, unknown> = { code: status, ...body };
  // userapi.update.envelope.code-equals-http-status: a string code, as one fork sends it.
  if (behaviour.deviates('userapi.update.envelope.code-equals-http-status')) data.code = String(status);
  const response = laravelJson(status, data);
  // userapi.update.transport.json-response
  if (behaviour.deviates('userapi.update.transport.json-response')) response.headers['content-type'] = 'text/html; charset=UTF-8';
  return response;
}

export function errorResponse(behaviour: Behaviour, status: number, message: string, extra: Record<string, unknown> = {}): HttpResponse {
  // userapi.update.envelope.error: an error without its message.
  if (behaviour.deviates('userapi.update.envelope.error')) return envelope(behaviour, status, { status: 'error', ...extra });
  return envelope(behaviour, status, { status: 'error', message, ...extra });
}

/** What Laravel answers for an uncaught exception (an SQL error, a TypeError) with APP_DEBUG off. */
export function serverError(): HttpResponse {
  return laravelJson(500, { message: 'Server Error' });
}
