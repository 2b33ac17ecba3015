// Kuzzle's side of the bad-input property, shared by its transports: a mock of its own with the seeded administrator
// logged in and a profile no user holds, both records read back over HTTP (the health check after every case), and
// the checks of an answer: Kuzzle's envelope (kuzzle.md §2.1-2.3), the documented 500s, a success applied.
import assert from 'node:assert/strict';
import { startTestMock, url } from '../../helpers/start-mock.ts';
import type { RunningMock } from '../../../src/server/mock-server.ts';
import { describe, httpSend } from './exchange.ts';

/** The profile updateProfile cases write: no user holds it, so no case can change anyone's rights. */
export const TARGET_PROFILE = 'prop-target';
export const JSON_TYPE = { 'content-type': 'application/json' };

export interface Session {
  mock: RunningMock;
  base: string;
  jwt: string;
}

export async function startSession(): Promise<Session> {
  const mock = await startTestMock(['kuzzle']);
  const base = url(mock, 'kuzzle');
  const { admin } = (await mock.credentials()).kuzzle as { admin: { username: string; password: string } };
  const login = await httpSend(base, { method: 'POST', path: '/_login/local', headers: JSON_TYPE, body: Buffer.from(JSON.stringify(admin)) });
  assert.equal(login.status, 200, 'the seeded administrator logs in');
  const jwt = (login.json as { result: { jwt: string } }).result.jwt;
  const created = await httpSend(base, { method: 'POST', path: `/profiles/${TARGET_PROFILE}/_create`, headers: { ...JSON_TYPE, authorization: `Bearer ${jwt}` }, body: Buffer.from('{"policies":[{"roleId":"default"}]}') });
  assert.equal(created.status, 200, 'the target profile is created');
  return { mock, base, jwt };
}

export type Source = Record<string, unknown>;

/** GET /_me and GET /users/<id> both answer 200 with the same user (defect 2 left a user neither could read). */
export async function readSelf(session: Session): Promise<Source> {
  const auth = { authorization: `Bearer ${session.jwt}` };
  const me = await httpSend(session.base, { method: 'GET', path: '/_me', headers: auth });
  assert.equal(me.status, 200, `GET /_me still answers 200: ${me.text.slice(0, 200)}`);
  const { _id, _source } = (me.json as { result: { _id: string; _source: Source } }).result;
  const byId = await httpSend(session.base, { method: 'GET', path: `/users/${encodeURIComponent(_id)}`, headers: auth });
  assert.equal(byId.status, 200, `GET /users/${_id} still answers 200`);
  assert.deepEqual((byId.json as { result: { _source: Source } }).result._source, _source);
  return _source;
}

export async function readProfile(session: Session): Promise<Source> {
  const res = await httpSend(session.base, { method: 'GET', path: `/profiles/${TARGET_PROFILE}`, headers: { authorization: `Bearer ${session.jwt}` } });
  assert.equal(res.status, 200, `GET /profiles/${TARGET_PROFILE} still answers 200`);
  return (res.json as { result: { _source: Source } }).result._source;
}

export const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Kuzzle's answer (kuzzle.md §2.1-2.3): {status, error, result, ...} with error null on success, or an error object
 * with a message and the same status. `bare` also accepts the bare error object the HTTP layer sends. Returns the status.
 */
export function assertEnvelope(body: unknown, label: string, options: { httpStatus?: number; bare?: boolean } = {}): number {
  assert.ok(isObject(body), `${label}: the answer is a JSON object`);
  const status = body.status as number;
  assert.equal(typeof status, 'number', `${label}: the answer has a numeric status`);
  if (options.httpStatus !== undefined) assert.equal(status, options.httpStatus, `${label}: the body's status is the HTTP status`);
  if (status === 200) {
    assert.equal(body.error, null, `${label}: a success has error null`);
    assert.ok(isObject(body.result), `${label}: a success has a result`);
    return status;
  }
  assert.ok(status >= 400, `${label}: an error status (${status})`);
  const error = isObject(body.error) ? body.error : options.bare && typeof body.message === 'string' && typeof body.id === 'string' ? body : undefined;
  assert.ok(error, `${label}: the error is Kuzzle's error object: ${describe(body)}`);
  assert.equal(typeof error.message, 'string', `${label}: the error has a message`);
  assert.equal(error.status, status, `${label}: the error's status is the answer's`);
  return status;
}

/**
 * The 500s the real server gives for these inputs, both surfacing as plugin.runtime.unexpected_error (any non-Kuzzle
 * exception inside an action, kuzzle.md §2.3): updateProfile with policies that is truthy but not an array crashes
 * on .map, and a null policy on .roleId (§4.1 step 5.3); and an integer argument (retryOnConflict) goes through
 * parseFloat (§3.1), which throws a TypeError for an object that cannot become a primitive ({"toString": ""}).
 */
function documentedServerError(operation: 'updateSelf' | 'updateProfile', body: unknown, args: Record<string, unknown>): boolean {
  if (Object.hasOwn(args, 'retryOnConflict') && throwsOnParseFloat(args.retryOnConflict)) return true;
  if (operation !== 'updateProfile' || !isObject(body) || !body.policies) return false;
  return !Array.isArray(body.policies) || body.policies.some((p: unknown) => p === null);
}

function throwsOnParseFloat(value: unknown): boolean {
  try {
    Number.parseFloat(value as string);
    return false;
  } catch {
    return true;
  }
}

/** A 5xx only where the real server gives one; `args` are a WebSocket or MQTT message's (HTTP's are strings). */
export function assertServerError(status: number, body: Record<string, any>, operation: 'updateSelf' | 'updateProfile', request: unknown, label: string, args: Record<string, unknown> = {}): void {
  if (status < 500) return;
  assert.ok(documentedServerError(operation, request, args), `${label}: ${status} for an input the real server does not fail on: ${describe(body)}`);
  assert.equal((body.error as { id?: string }).id, 'plugin.runtime.unexpected_error', label);
}

/**
 * The mock drops "__proto__" keys at every depth, so none can reach a prototype (http-framing.test.ts: "__proto__
 * and constructor keys never reach a prototype"); a top-level one is skipped above, nested ones here.
 */
function withoutProtoKeys(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) ?? 'null', (key, v) => (key === '__proto__' ? undefined : v));
}

/** updateSelf succeeded: the stored user is the answer's, a top-level merge of the body over the user before. */
export function assertSelfApplied(before: Source, after: Source, answer: Record<string, any>, body: unknown, label: string): void {
  assert.deepEqual(after, answer.result._source, `${label}: the stored user is the one the answer shows`);
  assert.deepEqual(after.profileIds, before.profileIds, `${label}: profileIds unchanged`);
  for (const key of Object.keys(before)) assert.ok(Object.hasOwn(after, key), `${label}: key ${key} kept (top-level merge)`);
  if (body === undefined || body === null || typeof body !== 'object') return;
  const changes = Object.assign({}, body) as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (key === '_id' || key === '_kuzzle_info' || key === 'profileIds' || key === '__proto__') continue;
    assert.deepEqual(after[key], withoutProtoKeys(value), `${label}: ${key} is stored as sent`);
  }
}
