import { parseJson as parseJsonText } from '../../src/core/json.ts';
import { exceedsJsonDepth } from '../../src/core/json-depth.ts';
import { DEVICEHIVE_MAX_JSON_DEPTH } from './json-depth-limit.ts';

/** JSON values as the mock keeps them: parsed by JSON.parse into plain data, never merged into existing objects. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * Parses JSON text. The reference (Jackson into Gson trees) stores a "__proto__" key as ordinary data, so it is kept
 * as an own property; this family's values are only copied (cloneJson), never assigned into existing objects, which
 * is what keeps such a key from reaching a prototype (src/core/json.ts).
 * Text nested deeper than Jackson reads (DEVICEHIVE_MAX_JSON_DEPTH) is malformed, as Jackson's parse error makes it
 * on the reference: each caller answers it as it answers unparseable text, and nothing that deep is ever stored.
 */
export function parseJson(text: string): { ok: true; value: Json } | { ok: false } {
  const parsed = parseJsonText(text, { protoKeys: 'keep' }) as { ok: true; value: Json } | { ok: false };
  if (parsed.ok && exceedsJsonDepth(parsed.value, DEVICEHIVE_MAX_JSON_DEPTH)) return { ok: false };
  return parsed;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: "constructor" or "toString" in a body never resolve to inherited members. */
export function own(object: JsonObject, key: string): Json | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** A deep copy, so stored data never aliases a request body. */
export function cloneJson<T extends Json>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Java's TimestampAdapter format: yyyy-MM-dd'T'HH:mm:ss.SSS in UTC, without a zone (COMMON/json/adapters/TimestampAdapter.java:36). */
export function javaTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23);
}

/** Jackson's reading of a date string (TimestampAdapter.parseTimestamp): ISO 8601, UTC when no zone is given; or epoch ms digits. */
export function parseJavaTimestamp(text: string): number | undefined {
  if (/^-?\d+$/.test(text)) return Number(text);
  const match = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!match) return undefined;
  const zoned = match[4] !== undefined || match[1] === undefined ? text : `${text}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : ms;
}
