import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adminToken, createClient, createTestMock, forge, mint, rest, userById, wsAs, wsSession } from './test-support.ts';

test('the WebSocket surface lives at /api/websocket only', () => {
  const { mock } = createTestMock();
  assert.deepEqual(['/api/websocket', '/websocket', '/api/websocket/x', '/'].map((p) => mock.ws!.accepts(p)), [true, false, false, false]);
});

test('authenticate, then user/updateCurrent answers exactly {action, requestId, status:"success"} and changes the caller', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const ws = wsSession(mock);
  assert.deepEqual(await ws.send({ action: 'authenticate', requestId: 'a1', token: c.token }), [{ action: 'authenticate', requestId: 'a1', status: 'success' }]);
  const [answer] = await ws.send({ action: 'user/updateCurrent', requestId: 'r1', user: { data: { a: 1 } } });
  assert.equal(JSON.stringify(answer), '{"action":"user/updateCurrent","requestId":"r1","status":"success"}');
  const [current] = await ws.send({ action: 'user/getCurrent', requestId: 'g1' });
  assert.deepEqual([current.status, current.current.id, current.current.data], ['success', c.id, { a: 1 }]);
  assert.equal((await userById(mock, 1)).data, null);
});

test('requestId is echoed as sent (string, number, object); absent it is null and the request still runs', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const ws = await wsAs(mock, c.token);
  for (const requestId of ['r1', 42, { k: [1, 'x'] }]) {
    assert.deepEqual((await ws.send({ action: 'user/updateCurrent', requestId, user: { data: {} } }))[0].requestId, requestId);
  }
  const [forbidden] = await ws.send({ action: 'user/updateCurrent', requestId: { e: 1 }, user: { role: 0 } });
  assert.deepEqual(forbidden.requestId, { e: 1 });
  const [bare] = await ws.send({ action: 'user/updateCurrent', user: { data: { n: 1 } } });
  assert.equal(JSON.stringify(bare), '{"action":"user/updateCurrent","requestId":null,"status":"success"}');
  assert.deepEqual((await userById(mock, c.id)).data, { n: 1 });
});

test('a client sending role, status, login or introReviewed gets code 403 and nothing changes', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const ws = await wsAs(mock, c.token);
  for (const user of [{ role: 0 }, { status: 1 }, { login: 'other99' }, { introReviewed: true }]) {
    const [answer] = await ws.send({ action: 'user/updateCurrent', requestId: 'e1', user });
    assert.equal(JSON.stringify(answer), '{"action":"user/updateCurrent","requestId":"e1","code":403,"status":"error","error":"Admin permissions required for this action"}');
  }
  const user = await userById(mock, c.id);
  assert.deepEqual([user.role, user.status, user.login, user.introReviewed], [1, 0, c.login, false]);
});

test('user/updateCurrent errors: no user, wrong types, no session, a token without UpdateCurrentUser', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const ws = await wsAs(mock, c.token);
  assert.deepEqual((await ws.send({ action: 'user/updateCurrent', requestId: 'r3' }))[0], { action: 'user/updateCurrent', requestId: 'r3', code: 400, status: 'error', error: 'User is required' });
  for (const user of ['text', [], { introReviewed: 'yes', data: { t: 1 } }, { data: 5 }]) {
    const [answer] = await ws.send({ action: 'user/updateCurrent', requestId: 't', user });
    assert.deepEqual([answer.code, answer.error], [400, 'Malformed Json received.'], JSON.stringify(user));
  }
  const anonymous = wsSession(mock);
  assert.deepEqual((await anonymous.send({ action: 'user/updateCurrent', requestId: 'n', user: { data: { x: 1 } } }))[0], { action: 'user/updateCurrent', requestId: 'n', code: 401, status: 'error', error: 'Unauthorized' });
  const limited = await wsAs(mock, await mint(mock, c.id, ['GetCurrentUser']));
  assert.deepEqual((await limited.send({ action: 'user/updateCurrent', requestId: 'l', user: { data: { x: 1 } } }))[0].error, 'Access is denied');
  assert.equal((await userById(mock, c.id)).data, null);
});

test('authenticate errors: no token 401 Unauthorized, bad or refresh token Invalid credentials, expired Token expired', async () => {
  const { mock, clock } = createTestMock();
  const c = await createClient(mock);
  const ws = wsSession(mock);
  const errorOf = async (token: unknown) => (await ws.send({ action: 'authenticate', requestId: 'a', token }))[0];
  assert.deepEqual([(await errorOf(null)).code, (await errorOf(null)).error], [401, 'Unauthorized']);
  assert.equal((await errorOf(undefined)).error, 'Unauthorized');
  assert.deepEqual([(await errorOf('garbage')).code, (await errorOf('garbage')).error], [401, 'Invalid credentials']);
  assert.equal((await errorOf(c.refresh)).error, 'Invalid credentials');
  assert.equal((await errorOf(await forge({ u: c.id, a: [0], e: clock.now - 1, t: 1 }))).error, 'Token expired');
  assert.equal((await ws.send({ action: 'user/updateCurrent', user: {} }))[0].code, 401, 'the session stays unauthenticated');
});

test('the session keeps the identity and role of its authenticate', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const ws = await wsAs(mock, c.token);
  await rest(mock, 'PUT', `/user/${c.id}`, { token: await adminToken(mock), body: { status: 1 } });
  assert.equal((await ws.send({ action: 'user/updateCurrent', requestId: 1, user: { data: { still: true } } }))[0].status, 'success');
});

test('user/update: ManageUser; userId required and known; clients only for themselves', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const admin = await wsAs(mock, await adminToken(mock));
  assert.deepEqual((await admin.send({ action: 'user/update', requestId: 'u1', userId: c.id, user: { status: 0, data: { u: 1 } } }))[0], { action: 'user/update', requestId: 'u1', status: 'success' });
  assert.deepEqual((await userById(mock, c.id)).data, { u: 1 });
  assert.equal((await admin.send({ action: 'user/update', requestId: 'u2', user: {} }))[0].error, 'User id is wrong or empty');
  assert.deepEqual((await admin.send({ action: 'user/update', requestId: 'u3', userId: 999, user: {} }))[0].code, 404);
  assert.equal((await admin.send({ action: 'user/update', requestId: 'u4', userId: 'current', user: {} }))[0].error, 'Malformed Json received.');
  assert.match((await admin.send({ action: 'user/update', requestId: 'u5', userId: c.id, user: { role: 5 } }))[0].error, /should not be more than 1/);
  const client = await wsAs(mock, c.token);
  assert.deepEqual((await client.send({ action: 'user/update', requestId: 'u6', userId: 1, user: { data: { x: 1 } } }))[0].error, 'Access is denied');
  const manager = await wsAs(mock, await mint(mock, c.id, ['ManageUser']));
  assert.equal((await manager.send({ action: 'user/update', requestId: 'u7', userId: 1, user: { data: { x: 1 } } }))[0].code, 403);
  assert.equal((await manager.send({ action: 'user/update', requestId: 'u8', userId: c.id, user: { data: { mine: 1 } } }))[0].status, 'success');
  assert.equal((await userById(mock, 1)).data, null);
});

test('token, token/refresh and token/create over the WebSocket', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const ws = wsSession(mock);
  const [tokens] = await ws.send({ action: 'token', requestId: 't', login: c.login, password: 'secret123' });
  assert.deepEqual(Object.keys(tokens), ['action', 'requestId', 'status', 'accessToken', 'refreshToken']);
  assert.deepEqual((await ws.send({ action: 'token', login: c.login, password: 'nope' }))[0].error, 'Invalid credentials');
  const [refreshed] = await ws.send({ action: 'token/refresh', refreshToken: tokens.refreshToken });
  assert.equal(typeof refreshed.accessToken, 'string');
  assert.equal((await ws.send({ action: 'token/refresh' }))[0].error, 'Missing or invalid payload in request');
  assert.equal((await ws.send({ action: 'token/create', payload: { userId: c.id } }))[0].code, 401);
  await ws.send({ action: 'authenticate', token: tokens.accessToken });
  const [minted] = await ws.send({ action: 'token/create', requestId: 'm', payload: { userId: c.id, actions: ['GetCurrentUser'] } });
  assert.equal(minted.status, 'success');
  assert.equal((await ws.send({ action: 'token/create', payload: 'x' }))[0].error, 'Malformed Json received.');
});

test('bad messages: not JSON, not an object, no or unknown action; the connection stays usable', async () => {
  const { mock } = createTestMock();
  const ws = await wsAs(mock, await adminToken(mock));
  for (const text of ['not json', '[1]', '"x"', '', 'null']) assert.deepEqual(await ws.raw(text), [{ code: 400, status: 'error', error: 'Malformed Json received.' }], text);
  assert.deepEqual((await ws.send({ requestId: 1 }))[0], { action: null, requestId: 1, code: 500, status: 'error', error: "'action' field could not be parsed to known endpoint" });
  assert.deepEqual((await ws.send({ action: 'nope' }))[0].error, 'Illegal argument: nope');
  assert.deepEqual((await ws.send({ action: '__proto__' }))[0].error, 'Illegal argument: __proto__');
  assert.deepEqual((await ws.send({ action: 'constructor' }))[0].error, 'Illegal argument: constructor');
  await ws.raw('{"action":"user/updateCurrent","requestId":"p","user":{"__proto__":{"role":0},"data":{"ok":1}}}');
  assert.equal(({} as Record<string, unknown>).role, undefined);
  const [current] = await ws.send({ action: 'user/getCurrent' });
  assert.deepEqual([current.status, current.current.role, current.current.data], ['success', 0, { ok: 1 }]);
});
