import type { Json } from './json.ts';
import { lenientInteger, WRONG_TYPE } from './user-update-body.ts';

/**
 * Gson's reading of one property of a WebSocket request (gson.fromJson(request.get(key), T.class)): absent and JSON
 * null are null; a value Gson cannot convert is MALFORMED, which the reference answers 400 "Malformed Json received."
 */
export const MALFORMED: unique symbol = Symbol('malformed');

/** A String: scalars become their text (JsonElement.getAsString); objects and arrays are malformed. */
export function gsonText(value: Json | undefined): string | null | typeof MALFORMED {
  if (value === undefined || value === null) return null;
  return typeof value === 'object' ? MALFORMED : String(value);
}

/** A Long: an integral number or a string holding one. */
export function gsonLong(value: Json | undefined): number | null | typeof MALFORMED {
  if (value === undefined || value === null) return null;
  const n = typeof value === 'string' && /^[+-]?\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : MALFORMED;
}

/** An Integer: as a Long, within int range. */
export function gsonInteger(value: Json | undefined): number | null | typeof MALFORMED {
  if (value === undefined || value === null) return null;
  const n = lenientInteger(value);
  return n === WRONG_TYPE ? MALFORMED : n;
}
