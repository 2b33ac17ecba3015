import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, adminToken, createClient, createTestMock, forge, login, rest, unsigned, userById } from './test-support.ts';

test('no Authorization header: 401 {"error":401,"message":"Unauthorized"} on the update routes; nothing changes', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  for (const path of ['/user/current', `/user/${c.id}`]) {
    const reply = await rest(mock, 'PUT', path, { body: { data: { x: 1 } } });
    assert.deepEqual([reply.status, reply.raw], [401, '{"error":401,"message":"Unauthorized"}']);
  }
  assert.equal((await userById(mock, c.id)).data, null);
});

test('garbage, alg:none, a wrong signature, a refresh token, an expired token or a header without "Bearer" answer 401', async () => {
  const { mock, clock } = createTestMock();
  const c = await createClient(mock);
  const [h, p, s] = c.token.split('.');
  const flipped = `${h}.${p}.${(s ?? '').startsWith('A') ? 'B' : 'A'}${(s ?? '').slice(1)}`;
  const expired = await forge({ u: c.id, a: [0], n: ['*'], dt: ['*'], e: clock.now - 1, t: 1 });
  const cases: Array<[string, Record<string, string>, string]> = [
    ['garbage', { authorization: 'Bearer garbage' }, 'Unauthorized'],
    ['alg none', { authorization: `Bearer ${unsigned({ u: c.id, a: [0], e: clock.now + 60_000, t: 1 })}` }, 'Unauthorized'],
    ['other secret', { authorization: `Bearer ${await forge({ u: c.id, a: [0], e: clock.now + 60_000, t: 1 }, 'another-secret')}` }, 'Unauthorized'],
    ['flipped signature', { authorization: `Bearer ${flipped}` }, 'Unauthorized'],
    ['refresh token', { authorization: `Bearer ${c.refresh}` }, 'Unauthorized'],
    ['expired', { authorization: `Bearer ${expired}` }, 'Token expired'],
    ['no Bearer', { authorization: c.token }, 'Unauthorized'],
    ['unknown user', { authorization: `Bearer ${await forge({ u: 4242, a: [0], e: clock.now + 60_000, t: 1 })}` }, 'Unauthorized'],
  ];
  for (const [name, headers, message] of cases) {
    const reply = await rest(mock, 'PUT', '/user/current', { headers, body: { data: { x: 1 } } });
    assert.deepEqual([reply.status, reply.body], [401, { error: 401, message }], name);
  }
  assert.equal((await userById(mock, c.id)).data, null);
});

test('the access token expires after tokenTtlSeconds (payload.e, in milliseconds)', async () => {
  const { mock, clock } = createTestMock();
  const c = await createClient(mock);
  const payload = JSON.parse(atob(c.token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).payload;
  assert.deepEqual(payload, { u: c.id, a: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 17], n: [], dt: ['*'], e: clock.now + 1_800_000, t: 1 });
  clock.now += 1_800_001;
  assert.deepEqual((await rest(mock, 'GET', '/user/current', { token: c.token })).body, { error: 401, message: 'Token expired' });
  const refreshed = await rest(mock, 'POST', '/token/refresh', { body: { refreshToken: c.refresh } });
  assert.equal(refreshed.status, 201);
  assert.deepEqual(Object.keys(refreshed.body), ['accessToken']);
  assert.equal((await rest(mock, 'GET', '/user/current', { token: refreshed.body.accessToken })).status, 200);
});

test('POST /token: the reference errors, and the tenth wrong password locks the user', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const token = (body: unknown) => rest(mock, 'POST', '/token', { body });
  assert.deepEqual((await token({ login: ' ', password: 'x' })).body, { error: 400, message: 'Invalid or empty authorization request parameters' });
  assert.deepEqual((await token({ login: 'nobody', password: 'x' })).body, { error: 401, message: 'User with login = nobody not found or bad password' });
  assert.deepEqual((await token('{"login":')).body, { error: 400, message: 'Invalid request parameters' });
  const admin = (await token(ADMIN)).body;
  const payload = JSON.parse(atob(admin.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).payload;
  assert.deepEqual([payload.a, payload.n, payload.dt, payload.t], [[0], ['*'], ['*'], 1]);
  for (let i = 0; i < 9; i++) assert.equal((await token({ login: c.login, password: 'wrong' })).body.message, 'Invalid credentials');
  assert.equal((await userById(mock, c.id)).status, 0);
  await token({ login: c.login, password: 'wrong' });
  assert.equal((await userById(mock, c.id)).status, 1);
  assert.deepEqual((await token({ login: c.login, password: 'secret123' })).body, { error: 401, message: 'User is locked or disabled' });
});

test('POST /token/refresh: the reference answers', async () => {
  const { mock, clock } = createTestMock();
  const c = await createClient(mock);
  const refresh = (refreshToken: unknown) => rest(mock, 'POST', '/token/refresh', { body: { refreshToken } });
  assert.deepEqual((await refresh(c.token)).body, { error: 401, message: 'Invalid token type' });
  assert.deepEqual([(await refresh('garbage')).status, (await refresh('garbage')).raw], [401, null]);
  assert.deepEqual((await refresh(await forge({ u: c.id, a: [], e: clock.now - 1, t: 0 }))).body, { error: 401, message: 'Token has expired' });
  assert.equal((await refresh(null)).status, 500);
});

test('POST /token/create: ManageToken; names in any case or ids; unknown user 404; inactive 403', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const create = (token: string | undefined, body: unknown) => rest(mock, 'POST', '/token/create', { token, body });
  assert.equal((await create(undefined, { userId: c.id })).status, 401);
  const minted = await create(c.token, { userId: 1, actions: ['*'] });
  assert.equal(minted.status, 201, 'every client login token holds ManageToken, as on the reference');
  const payload = JSON.parse(atob(minted.body.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).payload;
  assert.deepEqual([payload.u, payload.a], [1, [0]]);
  const named = await create(c.token, { userId: c.id, actions: ['updatecurrentuser', 10, 'NoSuchAction'], expiration: '2030-01-01T00:00:00.000' });
  const p2 = JSON.parse(atob(named.body.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).payload;
  assert.deepEqual([p2.a, p2.e], [[10, 11], Date.UTC(2030, 0, 1)]);
  assert.deepEqual((await create(c.token, { userId: 999 })).body, { error: 404, message: 'User with id = 999 not found' });
  assert.deepEqual((await create(c.token, { userId: c.id, actions: [true] })).body, { error: 400, message: 'Actions list should contain only Strings or Integers' });
  await rest(mock, 'PUT', `/user/${c.id}`, { token: await adminToken(mock), body: { status: 2 } });
  assert.deepEqual((await create(await adminToken(mock), { userId: c.id })).body, { error: 403, message: 'User is locked or disabled' });
  const none = await create(await adminToken(mock), { userId: 1 });
  const p3 = JSON.parse(atob(none.body.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).payload;
  assert.deepEqual(p3.a, [1], 'no actions list means NONE');
});

test('GET /user/{id}, POST /user and DELETE /user/{id} need ManageUser and answer as the reference', async () => {
  const { mock } = createTestMock();
  const token = await adminToken(mock);
  const created = await rest(mock, 'POST', '/user', { token, body: { login: 'fixture1', password: 'secret123', role: 1, data: { a: 1 } } });
  assert.deepEqual([created.status, Object.keys(created.body)], [201, ['id', 'lastLogin', 'data', 'introReviewed', 'allDeviceTypesAvailable']]);
  assert.deepEqual([created.body.introReviewed, created.body.allDeviceTypesAvailable, created.body.data], [false, true, { a: 1 }]);
  const c = await login(mock, { login: 'fixture1', password: 'secret123' });
  const user = (await rest(mock, 'GET', `/user/${created.body.id}`, { token })).body;
  assert.deepEqual(Object.keys(user), ['id', 'login', 'role', 'status', 'lastLogin', 'data', 'introReviewed', 'allDeviceTypesAvailable', 'networks']);
  assert.match(user.lastLogin, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
  assert.deepEqual((await rest(mock, 'GET', '/user/1', { token: c.accessToken })).body, { error: 403, message: 'Access is denied' });
  assert.deepEqual((await rest(mock, 'POST', '/user', { token, body: { login: 'fixture1', password: 'secret123', role: 1 } })).body.error, 403);
  assert.deepEqual((await rest(mock, 'POST', '/user', { token, body: { login: 'fixture2', password: 'secret123' } })).body, { error: 400, message: 'User role is invalid or empty' });
  assert.deepEqual((await rest(mock, 'POST', '/user', { token, body: { login: 'a', password: 'secret123', role: 1 } })).body.message, 'Field cannot be empty. The length of login should be from 3 to 128 symbols.');
  assert.deepEqual((await rest(mock, 'POST', '/user', { token, body: { login: 'fixture3', password: 'strin', role: 1 } })).body.message, 'Password can contain only from 6 to 128 symbols!');
  assert.match((await rest(mock, 'POST', '/user', { token, body: { login: 'fixture4', password: 'secret123', role: 2 } })).body.message, /The value of role should not be more than 1\. ; $/);
  assert.deepEqual((await rest(mock, 'DELETE', '/user/1', { token })).body.message, 'You can not delete a user or access key that you use to authenticate this request');
  assert.equal((await rest(mock, 'DELETE', `/user/${created.body.id}`, { token })).status, 204);
  assert.deepEqual((await rest(mock, 'DELETE', `/user/${created.body.id}`, { token })).body, { error: 404, message: `User with id = ${created.body.id} not found` });
  assert.equal((await rest(mock, 'GET', '/user/current', { token: c.accessToken })).status, 401, "a deleted user's token stops working");
});

test('a client with ManageUser reading another user: HTTP 403 with body error 404, as the reference', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const reply = await rest(mock, 'POST', '/token/create', { token: c.token, body: { userId: c.id, actions: ['ManageUser'] } });
  const read = await rest(mock, 'GET', '/user/1', { token: reply.body.accessToken });
  assert.deepEqual([read.status, read.body], [403, { error: 404, message: 'User with id = 1 not found' }]);
});

test('GET /info names the WebSocket endpoint from the Host header; CORS headers; OPTIONS preflight', async () => {
  const { mock } = createTestMock();
  const info = await rest(mock, 'GET', '/info');
  assert.deepEqual(Object.keys(info.body), ['apiVersion', 'serverTimestamp', 'webSocketServerUrl']);
  assert.equal(info.body.webSocketServerUrl, 'ws://localhost:8080/api/websocket');
  assert.equal(info.headers['access-control-allow-origin'], '*');
  const preflight = await rest(mock, 'OPTIONS', '/user/current');
  assert.deepEqual([preflight.status, preflight.headers['access-control-allow-headers']?.includes('Authorization')], [200, true]);
  assert.equal((await rest(mock, 'GET', '/info', { headers: { 'x-forwarded-proto': 'https' } })).body.webSocketServerUrl, 'wss://localhost:8080/api/websocket');
});

test('routing: outside /api/rest and unknown routes 404, wrong method 405, HEAD like GET without body', async () => {
  const { mock } = createTestMock();
  const outside = await mock.http({ method: 'GET', url: '/', headers: {}, body: null });
  assert.deepEqual([outside.status, JSON.parse(outside.body!)], [404, { error: 404, message: 'HTTP 404 Not Found' }]);
  assert.equal((await rest(mock, 'GET', '/nothing')).status, 404);
  assert.deepEqual((await rest(mock, 'PATCH', '/user/current', { token: await adminToken(mock) })).body, { error: 405, message: 'HTTP 405 Method Not Allowed' });
  const head = await rest(mock, 'HEAD', '/info');
  assert.deepEqual([head.status, head.raw], [200, null]);
});

test('bad input never throws: too large, wrong media type, bad UTF-8, __proto__ and constructor keys', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const big = await mock.http({ method: 'PUT', url: '/api/rest/user/current', headers: { authorization: `Bearer ${c.token}` }, body: null, bodyTooLarge: true });
  assert.deepEqual([big.status, JSON.parse(big.body!)], [413, { error: 413, message: 'HTTP 413 Request Entity Too Large' }]);
  assert.equal((await rest(mock, 'PUT', '/user/current', { token: c.token, body: { data: {} }, headers: { 'content-type': 'text/plain' } })).status, 415);
  const utf8 = await mock.http({ method: 'PUT', url: '/api/rest/user/current', headers: { authorization: `Bearer ${c.token}` }, body: new Uint8Array([0x7b, 0xff, 0x7d]) });
  assert.equal(utf8.status, 400);
  const sneaky = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"data":{"__proto__":{"x":1},"constructor":1}}';
  assert.equal((await rest(mock, 'PUT', '/user/current', { token: c.token, body: sneaky })).status, 204);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  const data = (await rest(mock, 'GET', '/user/current', { token: c.token })).body.data;
  assert.equal(JSON.stringify(data), '{"__proto__":{"x":1},"constructor":1}');
  assert.equal((await rest(mock, 'PUT', '/user/current', { token: c.token, body: '{"role":{"__proto__":1}}' })).status, 400);
  assert.equal((await rest(mock, 'PUT', '/user/current', { headers: { authorization: 'Bearer a.b.c' }, body: '{}' })).status, 401);
});
