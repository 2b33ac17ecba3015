import { bodyText, mediaType, type HttpRequest } from '../../src/core/http-exchange.ts';
import { fail, type Failure } from './failure.ts';
import { parseJson, type Json } from './json.ts';
import { MESSAGES } from './messages.ts';

/**
 * The JSON entity of a PUT or POST: `undefined` when there is none. A missing Content-Type counts as JSON
 * (FE/application/filter/ContentTypeFilter.java); a blank one is a bad request (400); another one is refused by
 * Jersey's @Consumes(APPLICATION_JSON) (415).
 * `malformed` is the caller's answer to text that is not JSON, which differs per route.
 */
export function readJsonBody(request: HttpRequest, malformed: () => Failure): { value: Json | undefined } | Failure {
  if (request.bodyTooLarge) return fail(413, MESSAGES.HTTP_413);
  // A Content-Type header that is there but names no media type (blank, or parameters only: ";", ";;;") is none Jersey
  // can parse (MediaType.valueOf throws): the request is refused with 400 before any resource method runs, where a
  // missing header defaults to JSON.
  const media = mediaType(request.headers);
  if (request.headers['content-type'] !== undefined && media === '') return fail(400, MESSAGES.HTTP_400);
  if (media !== '' && media !== 'application/json' && !media.endsWith('+json')) return fail(415, MESSAGES.HTTP_415);
  let text: string;
  try {
    text = bodyText(request.body);
  } catch {
    return malformed();
  }
  if (text.trim() === '') return { value: undefined };
  const parsed = parseJson(text);
  return parsed.ok ? { value: parsed.value } : malformed();
}

/** Gson's reading of a String property of a request object: scalars become text, null and absence are null. */
export function gsonString(value: Json | undefined): string | null | Failure {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return fail(400, MESSAGES.INVALID_REQUEST_PARAMETERS);
  return String(value);
}
