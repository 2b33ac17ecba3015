import { bodyText, mediaType, splitUrl, type HttpRequest } from '../../src/core/http-exchange.ts';
import type { Behaviour } from '../../src/core/behaviour.ts';
import { exceedsJsonDepth } from '../../src/core/json-depth.ts';
import { USERAPI_MAX_JSON_DEPTH } from './json-depth-limit.ts';

export type FieldsResult = { ok: true; fields: Record<string, unknown> } | { ok: false; problem: 'missing' | 'not-json' | 'not-object' | 'scalar'; detail: string };

/** A plain object without a prototype, so keys such as "__proto__" stay ordinary keys. */
function plain(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) out[key] = value[key];
  return out;
}

/**
 * The raw `json` value of a request: the form field the document shows (json=<JSON string>), the json member of
 * an application/json body (the document's generated curl), or the query string (Laravel's input() merges it).
 * A JSON body without a json member has no json ("json string required"): the real app answers it 400
 * (userapi-observed.json: "JSON body, fields at top level"); the json-required deviation reads its members instead.
 */
function rawJson(request: HttpRequest, behaviour: Behaviour): { text?: string; object?: Record<string, unknown> } {
  const type = mediaType(request.headers);
  let text: string;
  try {
    text = bodyText(request.body);
  } catch {
    text = '';
  }
  if (type === 'application/x-www-form-urlencoded' && !behaviour.deviates('userapi.update.transport.form-json-field')) {
    const value = new URLSearchParams(text).get('json');
    if (value !== null) return { text: value };
  }
  if (type === 'application/json' && text.trim() !== '' && !behaviour.deviates('userapi.update.transport.json-body')) {
    try {
      const body: unknown = JSON.parse(text);
      // Laravel decodes a JSON body with json_decode's default depth: deeper text reads as no body at all.
      if (exceedsJsonDepth(body, USERAPI_MAX_JSON_DEPTH)) return { text: undefined };
      if (body && typeof body === 'object' && !Array.isArray(body)) {
        const json = (body as Record<string, unknown>).json;
        if (typeof json === 'string') return { text: json };
        if (json && typeof json === 'object' && !Array.isArray(json)) return { object: json as Record<string, unknown> };
        // userapi.update.validation.json-required: the deviation takes the top-level members as the fields.
        if (json === undefined && behaviour.deviates('userapi.update.validation.json-required')) return { object: body as Record<string, unknown> };
      }
    } catch {
      return { text: undefined };
    }
  }
  // userapi.update.transport.query-fallback (MAY)
  const query = splitUrl(request.url).query.get('json');
  return query !== null ? { text: query } : {};
}

/** The fields a request asks to update, or why there are none. */
export function readFields(request: HttpRequest, behaviour: Behaviour): FieldsResult {
  const raw = rawJson(request, behaviour);
  if (raw.object) return { ok: true, fields: plain(raw.object) };
  if (raw.text === undefined || raw.text.trim() === '') {
    return { ok: false, problem: 'missing', detail: 'The json field is required: send json=<JSON string of the fields> as a form field.' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.text);
  } catch (error) {
    return { ok: false, problem: 'not-json', detail: `The json field is not valid JSON: ${(error as Error).message}.` };
  }
  // json_decode($json, ..., 512) fails on deeper text: the app sees it as invalid JSON, with PHP's message.
  if (exceedsJsonDepth(parsed, USERAPI_MAX_JSON_DEPTH)) {
    return { ok: false, problem: 'not-json', detail: 'The json field is not valid JSON: Maximum stack depth exceeded.' };
  }
  if (parsed === null || typeof parsed !== 'object') {
    return { ok: false, problem: 'scalar', detail: 'The json field must hold a JSON object of the fields to update, not a single value.' };
  }
  if (Array.isArray(parsed)) return { ok: false, problem: 'not-object', detail: 'The json field must hold a JSON object of the fields to update, not an array.' };
  return { ok: true, fields: plain(parsed as Record<string, unknown>) };
}
