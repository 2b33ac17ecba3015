import type { Behaviour } from '../../src/core/behaviour.ts';
import { fail, type Failure } from './failure.ts';
import { cloneJson, isJsonObject, own, type Json, type JsonObject } from './json.ts';

/** The User resource of an update (COMMON/model/updates/UserUpdate.java) once its types are checked. */
export interface UserUpdate {
  login?: string;
  role?: number;
  status?: number;
  password?: string;
  /** Present when the body has data; { value: null } clears it. */
  data?: { value: Json };
  introReviewed?: boolean;
  /** login, role or status sent as JSON null (absent for the reference, present under the null-as-absent deviation). */
  nulls: Array<'login' | 'role' | 'status'>;
  /** The raw id and lastLogin of the body: ignored unless the field-exclusion deviation writes them. */
  id?: Json;
  lastLogin?: Json;
  /** Keys a User resource does not have (ignored, like Gson does, unless the unknown-fields deviation refuses them). */
  unknown: string[];
}

const USER_KEYS = new Set(['id', 'login', 'role', 'status', 'password', 'data', 'introReviewed', 'lastLogin', 'allDeviceTypesAvailable', 'networks']);
const INT_MAX = 2 ** 31 - 1;

/** A property (or body) of the wrong type: a symbol, so no JSON value can be mistaken for it. */
export const WRONG_TYPE: unique symbol = Symbol('wrong-type');
type Read<T> = T | typeof WRONG_TYPE;

/** Gson's reading of a String field: numbers and booleans become their text (devicehive.md §1.5). */
function lenientString(v: Json): Read<string> {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : WRONG_TYPE;
}

/** Gson's Integer: an integral number in int range, or a string holding one ("1"). */
export function lenientInteger(v: Json): Read<number> {
  const n = typeof v === 'string' && /^[+-]?\d+$/.test(v.trim()) ? Number(v.trim()) : v;
  return typeof n === 'number' && Number.isInteger(n) && Math.abs(n) <= INT_MAX ? n : WRONG_TYPE;
}

/** Gson's Boolean: a boolean, or any string (true only for "true", ignoring case); a number is an error. */
function lenientBoolean(v: Json): Read<boolean> {
  if (typeof v === 'boolean') return v;
  return typeof v === 'string' ? v.toLowerCase() === 'true' : WRONG_TYPE;
}

const strict = {
  string: (v: Json): Read<string> => (typeof v === 'string' ? v : WRONG_TYPE),
  integer: (v: Json): Read<number> => (typeof v === 'number' && Number.isInteger(v) ? v : WRONG_TYPE),
  boolean: (v: Json): Read<boolean> => (typeof v === 'boolean' ? v : WRONG_TYPE),
  data: (v: Json): Read<Json> => (isJsonObject(v) ? v : WRONG_TYPE),
};
const lenient = { string: lenientString, integer: lenientInteger, boolean: lenientBoolean, data: (v: Json): Read<Json> => v };

/**
 * Reads the User resource of PUT /user/{id}, PUT /user/current and the `user` of user/updateCurrent and user/update.
 * `undefined` (an empty REST body) is no update at all. The documents type every property
 * (schemas/devicehive/user-update.json); a body that is not an object or a property of another type is refused
 * (WRONG_TYPE). JSON null counts as absent, except for data, where it clears.
 */
export function readUserUpdate(body: Json | undefined, behaviour: Behaviour): UserUpdate | null | typeof WRONG_TYPE {
  // devicehive.updateCurrent.validation.types: the deviation reads like the reference's Gson, which converts what it can.
  const gson = behaviour.deviates('devicehive.updateCurrent.validation.types');
  const read = gson ? lenient : strict;
  if (body === undefined || (body === null && gson)) return null;
  if (!isJsonObject(body)) return WRONG_TYPE;
  const update: UserUpdate = { nulls: [], unknown: Object.keys(body).filter((k) => !USER_KEYS.has(k)) };
  // devicehive.updateCurrent.validation.unknown-fields: ignored, as Gson does; the deviation refuses them.
  if (update.unknown.length > 0 && behaviour.deviates('devicehive.updateCurrent.validation.unknown-fields')) return WRONG_TYPE;
  for (const key of ['login', 'password'] as const) {
    const v = own(body, key);
    if (v === null && key === 'login') update.nulls.push(key);
    if (v === undefined || v === null) continue;
    const s = read.string(v);
    if (s === WRONG_TYPE) return s;
    update[key] = s;
  }
  for (const key of ['role', 'status'] as const) {
    const v = own(body, key);
    if (v === null) update.nulls.push(key);
    if (v === undefined || v === null) continue;
    const n = read.integer(v);
    if (n === WRONG_TYPE) return n;
    update[key] = n;
  }
  if (readOtherFields(body, update, read, gson) === WRONG_TYPE) return WRONG_TYPE;
  return update;
}

function readOtherFields(body: JsonObject, update: UserUpdate, read: typeof strict, gson: boolean): void | typeof WRONG_TYPE {
  const data = own(body, 'data');
  if (data !== undefined) {
    const d = data === null ? null : read.data(data);
    if (d === WRONG_TYPE) return d;
    update.data = { value: cloneJson(d) };
  }
  const intro = own(body, 'introReviewed');
  if (intro !== undefined && intro !== null) {
    const b = read.boolean(intro);
    if (b === WRONG_TYPE) return b;
    update.introReviewed = b;
  }
  // UserUpdate also declares allDeviceTypesAvailable: Gson type-checks it, then the update ignores it.
  const all = own(body, 'allDeviceTypesAvailable');
  if (gson && all !== undefined && all !== null && read.boolean(all) === WRONG_TYPE) return WRONG_TYPE;
  const id = own(body, 'id');
  if (id !== undefined) update.id = id;
  const lastLogin = own(body, 'lastLogin');
  if (lastLogin !== undefined) update.lastLogin = lastLogin;
}

/** The answer to a wrong type: 400 "Invalid request parameters" over REST, code 400 "Malformed Json received." otherwise. */
export function wrongTypeFailure(behaviour: Behaviour, message: string): Failure {
  // devicehive.updateCurrent.validation.types-400
  return fail(behaviour.deviates('devicehive.updateCurrent.validation.types-400') ? 422 : 400, message);
}
