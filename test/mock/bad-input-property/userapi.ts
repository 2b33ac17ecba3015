// userapi under generated bad input: PUT /api/user/update, the fields as a JSON string in the form field json=
// (or, as Laravel's input() also reads them, a JSON body's json member or the query string). Every answer is the
// app's envelope ({code, status:'error', message} or {code:200, status:'success', user, changes}, code equal to the
// HTTP status), the user still reads back, and changes only on a success, by exactly the answer's changes.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestMock, url } from '../../helpers/start-mock.ts';
import type { RunningMock } from '../../../src/server/mock-server.ts';
import { anyValue, contentType, garbage, jsonValue, payloadBuffer, type Payload } from './arbitraries.ts';
import { describe, httpSend } from './exchange.ts';
import { Tally, type Kind, type Surface } from './surface.ts';

/** What the document lets a user update; the rest (id, role, password, created_at, remember_token, unknown) is ignored. */
const UPDATABLE = ['name', 'surname', 'email', 'description'];
const FORM = 'application/x-www-form-urlencoded';

interface Session {
  mock: RunningMock;
  base: string;
  id: number;
  token: string;
}

async function startSession(): Promise<Session> {
  const mock = await startTestMock(['userapi']);
  const [alice] = ((await mock.credentials()).userapi as { users: Array<{ id: number; token: string }> }).users;
  assert.ok(alice, 'a seeded user with a token');
  return { mock, base: url(mock, 'userapi'), id: alice.id, token: alice.token };
}

type Row = Record<string, unknown>;

async function readUser(session: Session): Promise<Row> {
  const res = await httpSend(session.base, { method: 'GET', path: `/api/user/detail/${session.id}`, headers: {} });
  assert.equal(res.status, 200, `GET /api/user/detail/${session.id} still answers 200: ${res.text.slice(0, 200)}`);
  return (res.json as { user: Row }).user;
}

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const withoutStamp = ({ updated_at: _stamp, ...row }: Row) => row;

interface UpdateCase {
  kind: Kind;
  auth: 'valid' | 'none' | 'garbage' | 'bearer';
  /** Where the json value goes; `raw` sends the payload as the whole body. */
  carrier: 'form' | 'json-body' | 'query' | 'raw';
  contentType: string | undefined;
  /** The json value: its JSON text is sent (a string is sent as it is, so it may be any text). */
  json?: unknown;
  raw?: Payload;
}

const letters = fc.stringMatching(/^[A-Za-z]{1,12}$/);
const validFields = fc.record(
  { name: letters, surname: letters, email: fc.nat(10_000).map((n) => `property${n}@example.org`), description: fc.oneof(fc.constant(null), fc.string({ maxLength: 40 })) },
  { requiredKeys: ['name', 'surname', 'email'] },
);
const fieldKey = fc.constantFrom(...UPDATABLE, 'id', 'role', 'password', 'created_at', 'remember_token', 'image', 'unknown_column');
const MAX_STRING = 600_000;
const nearJson = (wrong: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.tuple(validFields, fc.dictionary(fieldKey, wrong, { maxKeys: 3 })).map(([valid, changed]) => ({ ...valid, ...changed })) },
    { weight: 1, arbitrary: wrong },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
  );
const nearCase = (carrier: fc.Arbitrary<UpdateCase['carrier']>, wrong: fc.Arbitrary<unknown>) =>
  fc.record({
    kind: fc.constant<Kind>('near-valid'),
    auth: fc.oneof({ weight: 8, arbitrary: fc.constant('valid' as const) }, { weight: 1, arbitrary: fc.constantFrom('none' as const, 'garbage' as const, 'bearer' as const) }),
    carrier,
    contentType: fc.oneof({ weight: 4, arbitrary: fc.constant(FORM) }, { weight: 1, arbitrary: contentType }),
    json: nearJson(wrong),
  });

const cases: fc.Arbitrary<UpdateCase> = fc.oneof(
  fc.record({ kind: fc.constant<Kind>('valid'), auth: fc.constant('valid' as const), carrier: fc.constant('form' as const), contentType: fc.constant(FORM), json: validFields }),
  { weight: 2, arbitrary: nearCase(fc.constantFrom('form' as const, 'json-body' as const), anyValue(MAX_STRING)) },
  // The query string stays small: a URL over Node's 16 KiB header limit is answered 431 by the HTTP layer, before
  // any app code runs, and what the real app's front server does with one is not in the research.
  nearCase(fc.constant('query' as const), jsonValue),
  fc.record({ kind: fc.constant<Kind>('garbage'), auth: fc.constant('valid' as const), carrier: fc.constant('raw' as const), contentType, raw: garbage }),
);

const jsonText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function requestOf(c: UpdateCase, session: Session): { path: string; headers: Record<string, string>; body: Buffer } {
  const headers: Record<string, string> = {};
  if (c.contentType !== undefined) headers['content-type'] = c.contentType;
  // A raw JWT in Authorization, as the app reads it; a Bearer prefix is one of its token problems.
  if (c.auth === 'valid') headers.authorization = session.token;
  if (c.auth === 'garbage') headers.authorization = 'not-a-token';
  if (c.auth === 'bearer') headers.authorization = `Bearer ${session.token}`;
  const text = jsonText(c.json);
  if (c.carrier === 'query') return { path: `/api/user/update?json=${encodeURIComponent(text)}`, headers, body: Buffer.alloc(0) };
  if (c.carrier === 'json-body') return { path: '/api/user/update', headers, body: Buffer.from(JSON.stringify({ json: c.json })) };
  if (c.carrier === 'form') return { path: '/api/user/update', headers, body: Buffer.from(`json=${encodeURIComponent(text)}`) };
  return { path: '/api/user/update', headers, body: payloadBuffer(c.raw!) };
}

/**
 * 500s the real app gives (userapi.md §1.4-1.5, userapi-observed.json): a json that is a single value (a TypeError in
 * Validator::make) and a key that is no column (an SQL error), both answered {"message":"Server Error"}.
 */
function documentedServerError(c: UpdateCase): boolean {
  if (c.carrier === 'raw') return false;
  let value: unknown = c.json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return false;
    }
  }
  const columns = new Set(['id', 'name', 'surname', 'role', 'email', 'password', 'description', 'image', 'created_at', 'updated_at', 'remember_token']);
  return (value !== null && typeof value !== 'object') || (isObject(value) && Object.keys(value).some((k) => !columns.has(k)));
}

export async function userapiHttp(): Promise<Surface<UpdateCase>> {
  const session = await startSession();
  const tally = new Tally();
  return {
    cases,
    tally,
    async check(c) {
      const label = `${c.kind} ${describe(c)}`;
      const before = await readUser(session);
      const request = requestOf(c, session);
      const answer = await httpSend(session.base, { method: 'PUT', ...request });
      tally.add(c.kind, answer.status);
      const body = answer.json;
      assert.ok(isObject(body), `${label}: the answer is a JSON object: ${answer.text.slice(0, 200)}`);
      if (answer.status >= 500) {
        assert.ok(documentedServerError(c), `${label}: ${answer.status} for an input the real app does not fail on: ${answer.text.slice(0, 300)}`);
        assert.deepEqual(body, { message: 'Server Error' }, label);
      } else if (answer.status === 200) {
        assert.equal(body.code, 200, `${label}: code is the HTTP status`);
        assert.equal(body.status, 'success', label);
        assert.ok(isObject(body.user) && isObject(body.changes), `${label}: user and changes`);
      } else {
        assert.ok(answer.status >= 400, `${label}: an error status (${answer.status})`);
        assert.equal(body.code, answer.status, `${label}: code is the HTTP status`);
        assert.equal(body.status, 'error', label);
        assert.equal(typeof body.message, 'string', `${label}: the error has a message`);
      }
      if (c.kind === 'valid') assert.equal(answer.status, 200, `${label}: a valid update succeeds: ${answer.text.slice(0, 300)}`);
      const after = await readUser(session);
      if (answer.status !== 200) return assert.deepEqual(after, before, `${label}: a refused request changes nothing`);
      const changes = (answer.json as { changes: Row }).changes;
      for (const key of Object.keys(changes)) assert.ok(UPDATABLE.includes(key), `${label}: only updatable fields change (${key})`);
      if (c.carrier !== 'raw' && isObject(c.json)) {
        const asked = Object.fromEntries(UPDATABLE.filter((k) => Object.hasOwn(c.json as object, k)).map((k) => [k, (c.json as Row)[k]]));
        assert.deepEqual(changes, JSON.parse(JSON.stringify(asked)), `${label}: the changes are the updatable fields sent`);
      }
      assert.deepEqual(withoutStamp(after), withoutStamp({ ...before, ...changes }), `${label}: the stored user is the changes applied`);
    },
    close: () => session.mock.stop(),
  };
}
