import { kerror } from './errors.ts';
import type { ApiRequest } from './request.ts';

/**
 * The argument getters of KuzzleRequest (lib/api/request/kuzzleRequest.ts), with their quirks: a default only
 * replaces an absent value (lodash get), numbers go through parseFloat, and HTTP booleans are flags.
 */

/** lodash get on a dotted path; own properties only. */
function pick(source: unknown, path: string): unknown {
  let value: unknown = source;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function integerOf(value: unknown, name: string): number {
  const parsed = Number.parseFloat(value as string);
  if (Number.isNaN(parsed) || !Number.isSafeInteger(parsed)) throw kerror('api.assert.invalid_type', name, 'integer');
  return parsed;
}

function stringOf(value: unknown, name: string): string {
  if (value === undefined) throw kerror('api.assert.missing_argument', name);
  if (typeof value !== 'string') throw kerror('api.assert.invalid_type', name, 'string');
  return value;
}

/** getInteger(name, def): absent → def; anything parseFloat cannot make a safe integer of (null too) → 400. */
export function getInteger(request: ApiRequest, name: string, def?: number): number {
  const given = pick(request.args, name);
  const value = given === undefined ? def : given;
  if (value === undefined) throw kerror('api.assert.missing_argument', name);
  return integerOf(value, name);
}

/** getBoolean: over HTTP present means true whatever the value (?strict=false is true); elsewhere a JSON boolean or null. */
export function getBoolean(request: ApiRequest, name: string): boolean {
  const value = pick(request.args, name);
  if (request.protocol === 'http') return value !== undefined;
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw kerror('api.assert.invalid_type', name, 'boolean');
  return value;
}

export function getString(request: ApiRequest, name: string, def?: string): string {
  const value = pick(request.args, name);
  return stringOf(value === undefined ? def : value, name);
}

/** getRefresh (kuzzleRequest.ts:945-961): never an error; false, "false" and null mean "false". */
export function getRefresh(request: ApiRequest, def: 'false' | 'wait_for'): 'false' | 'wait_for' {
  if (!Object.hasOwn(request.args, 'refresh') || request.args.refresh === undefined) return def;
  const refresh = request.args.refresh;
  return refresh === false || refresh === 'false' || refresh === null ? 'false' : 'wait_for';
}

/** getId: missing or empty → 400 missing_argument; not a string → 400 invalid_type. */
export function getId(request: ApiRequest, ifMissing: 'error' | 'ignore' = 'error'): string | null {
  const id = request.args._id;
  if (!id) {
    if (ifMissing === 'ignore') return null;
    throw kerror('api.assert.missing_argument', '_id');
  }
  if (typeof id !== 'string') throw kerror('api.assert.invalid_type', '_id', 'string');
  return id;
}

export function getBody<T = Record<string, unknown>>(request: ApiRequest, def?: T): T {
  if (request.body === null) {
    if (def !== undefined) return def;
    throw kerror('api.assert.body_required');
  }
  return request.body as T;
}

function bodyValue(request: ApiRequest, name: string, def: unknown): unknown {
  if (request.body === null) {
    if (def !== undefined) return def;
    throw kerror('api.assert.body_required');
  }
  const value = pick(request.body, name);
  if (value === undefined && def === undefined) throw kerror('api.assert.missing_argument', `body.${name}`);
  return value === undefined ? def : value;
}

export function getBodyString(request: ApiRequest, name: string, def?: string): string {
  return stringOf(bodyValue(request, name, def), `body.${name}`);
}

export function getBodyArray(request: ApiRequest, name: string, def?: unknown[]): unknown[] {
  const value = bodyValue(request, name, def);
  if (!Array.isArray(value)) throw kerror('api.assert.invalid_type', `body.${name}`, 'array');
  return value;
}

export function getBodyObject(request: ApiRequest, name: string, def?: Record<string, unknown>): Record<string, unknown> {
  const value = bodyValue(request, name, def);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw kerror('api.assert.invalid_type', `body.${name}`, 'object');
  return value as Record<string, unknown>;
}

/** getIndex / getCollection: a falsy value is missing. */
export function getResource(request: ApiRequest, name: 'index' | 'collection'): string {
  const value = request.args[name];
  if (!value) throw kerror('api.assert.missing_argument', name);
  return String(value);
}
