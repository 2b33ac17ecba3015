import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMock, createUser, login, wsClient } from './test-support.ts';

test('accepts any path and sends nothing on connect', () => {
  const mock = createMock();
  assert.equal(mock.ws!.accepts('/'), true);
  assert.equal(mock.ws!.accepts('/any/path'), true);
  assert.deepEqual(wsClient(mock).received, []);
});

test('updateSelf and getCurrentUser over WebSocket: envelope + room = requestId, extra SDK keys ignored', async () => {
  const mock = createMock();
  const admin = await login(mock);
  const user = await createUser(mock, admin, 'u1', { fullname: 'Walter White' });
  const ws = wsClient(mock);
  const volatile = { sdkInstanceId: 'i', sdkName: 'js@7.17.1-beta.1' };
  const reply = await ws.send({ controller: 'auth', action: 'updateSelf', jwt: user, body: { fullname: 'WS Updated' }, requestId: 'r1', volatile, verb: 'POST', cookieAuth: false });
  assert.deepEqual(Object.keys(reply), ['action', 'controller', 'error', 'headers', 'requestId', 'result', 'status', 'volatile', 'room']);
  assert.equal(reply.status, 200);
  assert.equal(reply.room, 'r1');
  assert.equal(reply.requestId, 'r1');
  assert.deepEqual(reply.volatile, volatile);
  assert.equal(reply.result._source.fullname, 'WS Updated');
  const me = await ws.send({ controller: 'auth', action: 'getCurrentUser', jwt: user, requestId: 'r2' });
  assert.equal(me.result._source.fullname, 'WS Updated');
  assert.deepEqual(me.result.strategies, ['local']);
});

test('each message is authenticated by its own jwt', async () => {
  const mock = createMock();
  const admin = await login(mock);
  const u = await createUser(mock, admin, 'u1');
  const v = await createUser(mock, admin, 'v1');
  const ws = wsClient(mock);
  assert.equal((await ws.send({ controller: 'auth', action: 'updateSelf', jwt: u, body: { fullname: 'Uw' } })).result._id, 'u1');
  assert.equal((await ws.send({ controller: 'auth', action: 'updateSelf', jwt: v, body: { fullname: 'Vw' } })).result._id, 'v1');
});

test('login over WebSocket, then updateProfile with strict as a JSON boolean', async () => {
  const mock = createMock();
  const ws = wsClient(mock);
  const logged = await ws.send({ controller: 'auth', action: 'login', strategy: 'local', body: { username: 'admin', password: 'admin-password' }, requestId: 'l' });
  const jwt = logged.result.jwt;
  await ws.send({ controller: 'security', action: 'createProfile', _id: 'p', body: { policies: [{ roleId: 'default' }] }, jwt });
  const ok = await ws.send({ controller: 'security', action: 'updateProfile', _id: 'p', body: { rateLimit: 50 }, jwt, requestId: 'u' });
  assert.equal(ok.result._source.rateLimit, 50);
  assert.equal(ok.room, 'u');
  const strict = await ws.send({ controller: 'security', action: 'updateProfile', _id: 'p', body: { rateLimit: 2 }, strict: 'true', jwt });
  assert.deepEqual(strict.error.props, ['strict', 'boolean']);
  const noId = await ws.send({ controller: 'security', action: 'updateProfile', body: { rateLimit: 1 }, jwt });
  assert.equal(noId.error.id, 'api.assert.missing_argument');
  assert.deepEqual(noId.error.props, ['_id']);
  const notString = await ws.send({ controller: 'security', action: 'updateProfile', _id: 5, body: {}, jwt });
  assert.deepEqual(notString.error.props, ['_id', 'string']);
  const nullRetry = await ws.send({ controller: 'auth', action: 'updateSelf', body: { a: 1 }, retryOnConflict: null, jwt });
  assert.equal(nullRetry.error.id, 'api.assert.invalid_type');
  const noBody = await ws.send({ controller: 'auth', action: 'updateSelf', jwt });
  assert.equal(noBody.error.id, 'api.assert.body_required');
});

test('{"p":1} → {"p":2}; {"p":1,"x":1} is a request', async () => {
  const ws = wsClient(createMock());
  assert.deepEqual(await ws.send('{"p":1}'), { p: 2 });
  const other = await ws.send({ p: 1, x: 1, requestId: 'q' });
  assert.equal(other.error.id, 'api.assert.missing_argument');
  assert.equal(other.room, 'q');
});

test('bad messages: malformed JSON without room, non-objects, wrong types; the socket stays usable', async () => {
  const ws = wsClient(createMock());
  const malformed = await ws.send('{"controller":');
  assert.equal(malformed.status, 400);
  assert.equal(malformed.error.id, 'network.websocket.unexpected_error');
  assert.equal(malformed.error.code, 50528257);
  assert.equal('room' in malformed, false);
  for (const text of ['42', '"text"', '[1]', 'null']) {
    const reply = await ws.send(text);
    assert.equal(reply.status, 500, text);
    assert.equal(reply.error.message, 'Input request data must be a non-null object');
  }
  const badRequestId = await ws.send({ controller: 'auth', action: 'checkToken', requestId: 7 });
  assert.equal(badRequestId.requestId, 7);
  assert.deepEqual(badRequestId.error, { message: 'Attribute requestId must be of type "string"', status: 400 });
  const badBody = await ws.send({ controller: 'auth', action: 'updateSelf', body: 'x', requestId: 'b' });
  assert.equal(badBody.requestId, 'b');
  assert.equal('room' in badBody, false);
  const proto = await ws.send('{"__proto__":{"controller":"auth"},"requestId":"p"}');
  assert.equal(proto.error.id, 'api.assert.missing_argument');
  assert.equal(({} as Record<string, unknown>).controller, undefined);
  assert.deepEqual(await ws.send('{"p":1}'), { p: 2 });
  assert.equal(await ws.send(''), undefined);
});

test('anonymous and invalid tokens over WebSocket', async () => {
  const ws = wsClient(createMock());
  const anonymous = await ws.send({ controller: 'auth', action: 'updateSelf', body: { a: 1 }, requestId: 'a', jwt: null });
  assert.equal(anonymous.error.id, 'security.rights.unauthorized');
  assert.equal(anonymous.room, 'a');
  const invalid = await ws.send({ controller: 'auth', action: 'updateSelf', body: { a: 1 }, jwt: 'abc' });
  assert.equal(invalid.error.id, 'security.token.invalid');
});

test('a token used on the socket is followed by a TokenExpired notification when it expires', async () => {
  const mock = createMock();
  const ws = wsClient(mock);
  await ws.send({ controller: 'auth', action: 'login', strategy: 'local', expiresIn: 1000, body: { username: 'admin', password: 'admin-password' } });
  await new Promise((resolve) => setTimeout(resolve, 1100));
  assert.deepEqual(ws.received.at(-1), { status: 200, info: 'This is an automated server notification', message: 'Authentication Token Expired', type: 'TokenExpired', room: 'kuzzle:notification:server' });
  ws.close();
});
