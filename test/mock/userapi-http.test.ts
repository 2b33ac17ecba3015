import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { startTestMock, TEST_SECRET, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import { schemaValidator } from '../../src/core/validation.ts';

let mock: RunningMock;
let base: string;
const responseSchema = schemaValidator('userapi/update.response.json');

async function login(email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `json=${encodeURIComponent(JSON.stringify({ email, password }))}` });
  assert.equal(res.status, 200);
  return (await res.json()) as string;
}

async function update(token: string | undefined, fields: unknown, init: { bearer?: boolean; raw?: string; contentType?: string; documented?: boolean } = {}) {
  const headers: Record<string, string> = { 'content-type': init.contentType ?? 'application/x-www-form-urlencoded' };
  if (token) headers.authorization = init.bearer ? `Bearer ${token}` : token;
  const body = init.raw ?? `json=${encodeURIComponent(JSON.stringify(fields))}`;
  const res = await fetch(`${base}/api/user/update`, { method: 'PUT', headers, body });
  const json = (await res.json()) as Record<string, any>;
  if (init.documented !== false) assert.ok(responseSchema(json), `the answer matches userapi/update.response.json: ${JSON.stringify(responseSchema.errors)}`);
  assert.equal(json.code, res.status, 'code equals the HTTP status');
  return { status: res.status, json };
}

async function detail(id: number) {
  const res = await fetch(`${base}/api/user/detail/${id}`);
  return ((await res.json()) as { user: Record<string, unknown> }).user;
}

const alice = { name: 'Alice', surname: 'Example', email: 'alice@example.com', description: 'First seeded user' };

describe('userapi mock over a real socket (documented profile)', () => {
  let token: string;
  before(async () => {
    mock = await startTestMock(['userapi']);
    base = url(mock, 'userapi');
  });
  after(() => mock.stop());
  beforeEach(async () => {
    await fetch(`${base}/__conform/reset`, { method: 'POST', headers: { 'x-conform-control': '1' } });
    token = await login('alice@example.com', 'alice-password');
  });

  test('the documented form request updates the caller and the change is stored', async () => {
    const { status, json } = await update(token, { name: 'John', surname: 'Doe', email: 'john@example.com', description: 'Senior developer' });
    assert.equal(status, 200);
    assert.deepEqual(json.changes, { name: 'John', surname: 'Doe', email: 'john@example.com', description: 'Senior developer' });
    assert.equal(json.user.sub, 1);
    assert.equal(json.message, undefined);
    assert.deepEqual({ ...(await detail(1)), created_at: undefined, updated_at: undefined }, { id: 1, name: 'John', surname: 'Doe', role: 'ROLE_USER', email: 'john@example.com', description: 'Senior developer', image: null, created_at: undefined, updated_at: undefined });
  });

  test('the token is accepted raw and with Bearer; a JSON body with json works, one with the fields at top level is refused', async () => {
    assert.equal((await update(token, { ...alice, name: 'Bearer' }, { bearer: true })).status, 200);
    assert.equal((await detail(1)).name, 'Bearer');
    const asJson = await update(token, null, { contentType: 'application/json', raw: JSON.stringify({ json: JSON.stringify({ ...alice, name: 'Jane' }) }) });
    assert.equal(asJson.status, 200);
    const plain = await update(token, null, { contentType: 'application/json', raw: JSON.stringify({ ...alice, name: 'Plain' }) });
    assert.equal(plain.status, 400);
    assert.match(plain.json.message, /json field is required/);
    assert.equal((await detail(1)).name, 'Jane');
  });

  test('validation: names alphabetic and required, email valid and unique except the caller’s own', async () => {
    const bad = await update(token, { name: 'J0hn', surname: '', email: 'bob@example.com' });
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(bad.json.errors).sort(), ['email', 'name', 'surname']);
    assert.match(bad.json.message, /name field must only contain letters/);
    assert.equal((await update(token, { ...alice, email: 'not-an-address' })).status, 400);
    assert.equal((await update(token, { ...alice, name: 'Zoë' })).status, 200, 'letters beyond ASCII are letters');
    assert.equal((await update(token, { name: 'Keep', surname: 'Example', email: 'alice@example.com' })).status, 200, 'keeping one’s own email');
    assert.equal((await detail(1)).description, 'First seeded user', 'an omitted description is kept');
    assert.equal((await detail(1)).name, 'Keep');
  });

  test('excluded fields are ignored: not in changes and unchanged afterwards', async () => {
    const before = await detail(1);
    const { status, json } = await update(token, { ...alice, id: 2, role: 'ROLE_ADMIN', password: 'hacked', created_at: '2000-01-01 00:00:00', remember_token: 'x' });
    assert.equal(status, 200);
    for (const k of ['id', 'role', 'password', 'created_at', 'remember_token']) assert.equal(k in json.changes, false, k);
    const after = await detail(1);
    assert.equal(after.role, before.role);
    assert.equal(after.created_at, before.created_at);
    assert.equal((await detail(2)).name, 'Bob', 'the other user is untouched');
    await login('alice@example.com', 'alice-password');
  });

  test('bad tokens are refused with 400 and nothing changes: none, garbage, alg none, wrong key, expired', async () => {
    const [, payload] = token.split('.');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    const wrongKey = await new SignJWT({ sub: 1, email: 'alice@example.com' } as unknown as Record<string, string>).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('another-secret'));
    const expired = await new SignJWT({ sub: 1, email: 'alice@example.com' } as unknown as Record<string, string>).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(1000).setExpirationTime(2000).sign(new TextEncoder().encode(TEST_SECRET));
    for (const bad of [undefined, 'garbage', none, wrongKey, expired]) {
      const { status, json } = await update(bad, { ...alice, name: 'Mallory' });
      assert.equal(status, 400, String(bad));
      assert.equal(json.message, 'El usuario no esta identificado.');
    }
    assert.equal((await detail(1)).name, 'Alice');
  });

  test('malformed input gets a precise 400 or 413 and loses nothing', async () => {
    const cases: Array<[string, { raw: string; contentType?: string }, number, RegExp]> = [
      ['missing json', { raw: '' }, 400, /json field is required/],
      ['json not JSON', { raw: 'json=%7Bname' }, 400, /not valid JSON/],
      ['json an array', { raw: `json=${encodeURIComponent('[1,2]')}` }, 400, /not an array/],
      ['json a scalar', { raw: 'json=42' }, 400, /not a single value/],
      ['JSON body not JSON', { raw: '{"json":', contentType: 'application/json' }, 400, /json field is required/],
      ['over 1 MB', { raw: `json=${'a'.repeat(1_100_000)}` }, 413, /larger than 1 MB/],
    ];
    for (const [label, init, status, message] of cases) {
      const res = await update(token, null, init);
      assert.equal(res.status, status, label);
      assert.match(res.json.message, message, label);
    }
    const proto = await update(token, null, { raw: `json=${encodeURIComponent('{"name":"Proto","surname":"Type","email":"alice@example.com","__proto__":{"role":"ROLE_ADMIN"},"constructor":{"x":1}}')}` });
    assert.equal(proto.status, 200);
    assert.equal(({} as Record<string, unknown>).role, undefined, 'no prototype was polluted');
    assert.equal((await detail(1)).role, 'ROLE_USER');
    assert.equal((await detail(2)).email, 'bob@example.com');
  });
});

describe('userapi mock with the userapi-laravel profile', () => {
  before(async () => {
    mock = await startTestMock(['userapi'], { profiles: { userapi: 'userapi-laravel' } });
    base = url(mock, 'userapi');
  });
  after(() => mock.stop());

  test('behaves like the reference code: no validation, Bearer refused, unknown keys 500', async () => {
    const token = await login('alice@example.com', 'alice-password');
    const loose = await update(token, { name: 'J0hn Smith', surname: '', email: 'nope' }, { documented: false });
    assert.equal(loose.status, 200, 'the validator never runs');
    assert.equal((await update(token, { ...alice }, { bearer: true, documented: false })).status, 400, 'Bearer is decoded as part of the token');
    const unknown = await fetch(`${base}/api/user/update`, { method: 'PUT', headers: { authorization: token, 'content-type': 'application/x-www-form-urlencoded' }, body: `json=${encodeURIComponent('{"nickname":"x"}')}` });
    assert.equal(unknown.status, 500);
  });

  test('a non-string email it stored (no validator) does not break later email updates of any user', async () => {
    await fetch(`${base}/__conform/reset`, { method: 'POST', headers: { 'x-conform-control': '1' } });
    const token = await login('alice@example.com', 'alice-password');
    assert.equal((await update(token, { email: 11 }, { documented: false })).status, 200, 'stored as sent');
    const again = await update(token, { ...alice }, { documented: false });
    assert.equal(again.status, 200, JSON.stringify(again.json));
    assert.equal((await detail(1)).email, 'alice@example.com');
  });
});
