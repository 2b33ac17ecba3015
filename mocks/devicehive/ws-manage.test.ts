// The ManageUser actions and server/info of the WebSocket API, driven through the surface: envelopes, refusals, and
// the same outcome REST gives for the same row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adminToken, createClient, createTestMock, mint, rest, userById, wsAs, wsSession } from './test-support.ts';

const MANAGE = ['user/list', 'user/count', 'user/get', 'user/insert', 'user/delete'];

test('without authenticate every ManageUser action is code 401 "Unauthorized"; with a client login token 403', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const anonymous = wsSession(mock);
  const client = await wsAs(mock, c.token);
  for (const action of MANAGE) {
    const request = { action, requestId: action, userId: 1, user: { login: 'sneaky1', password: 'secret123', role: 0 } };
    assert.equal(JSON.stringify((await anonymous.send(request))[0]), `{"action":"${action}","requestId":"${action}","code":401,"status":"error","error":"Unauthorized"}`);
    assert.deepEqual((await client.send(request))[0], { action, requestId: action, code: 403, status: 'error', error: 'Access is denied' }, 'a client login token has no ManageUser');
  }
  assert.equal((await rest(mock, 'GET', '/user/1', { token: await adminToken(mock) })).body.login, 'dhadmin', 'nobody deleted the admin');
  const [count] = await (await wsAs(mock, await adminToken(mock))).send({ action: 'user/count', requestId: 'n' });
  assert.equal(count.count, 2, 'no user was inserted by the refused requests');
});

test('user/insert answers {user: USER_SUBMITTED} in the success envelope, stores what POST /user stores, and refuses as it does', async () => {
  const { mock } = createTestMock();
  const ws = await wsAs(mock, await adminToken(mock));
  const [created] = await ws.send({ action: 'user/insert', requestId: 7, user: { login: ' wsmade ', password: 'secret123', role: 1, data: { k: 1 } } });
  assert.equal(JSON.stringify(created), `{"action":"user/insert","requestId":7,"status":"success","user":{"id":${created.user.id},"lastLogin":null,"data":{"k":1},"introReviewed":false,"allDeviceTypesAvailable":true}}`);
  const stored = await userById(mock, created.user.id);
  assert.deepEqual([stored.login, stored.role, stored.status, stored.data], ['wsmade', 1, 0, { k: 1 }], 'the login is trimmed as over REST');
  const refusals: Array<[unknown, number, string]> = [
    [undefined, 400, 'User is required'],
    [null, 400, 'User is required'],
    [{ login: 'wsother', password: 'secret123', role: 'admin' }, 400, 'Malformed Json received.'],
    [{ login: 'wsmade', password: 'secret123', role: 1 }, 403, 'User with such login already exists. Please, select another one'],
    [{ login: 'wsother', password: 'secret123' }, 400, 'User role is invalid or empty'],
    [{ login: 'wsother', password: 'short', role: 1 }, 400, 'Password can contain only from 6 to 128 symbols!'],
  ];
  for (const [user, code, error] of refusals) {
    assert.deepEqual((await ws.send({ action: 'user/insert', requestId: 'r', user }))[0], { action: 'user/insert', requestId: 'r', code, status: 'error', error }, JSON.stringify(user));
  }
  const over = await rest(mock, 'POST', '/user', { token: await adminToken(mock), body: { login: 'wsother', password: 'short', role: 1 } });
  assert.deepEqual([over.status, over.body.message], [400, 'Password can contain only from 6 to 128 symbols!'], 'REST refuses the same body with the same text');
  assert.equal((await ws.send({ action: 'user/count', loginPattern: 'wsother' }))[0].count, 0);
});

test('user/get and user/delete read userId as a Long; a hidden user is code 404 over WebSocket where REST says 403', async () => {
  const { mock } = createTestMock();
  const a = await createClient(mock);
  const b = await createClient(mock);
  const admin = await wsAs(mock, await adminToken(mock));
  for (const action of ['user/get', 'user/delete']) {
    assert.deepEqual((await admin.send({ action, requestId: 1 }))[0], { action, requestId: 1, code: 400, status: 'error', error: 'User id is wrong or empty' });
    assert.equal((await admin.send({ action, userId: { id: 1 } }))[0].error, 'Malformed Json received.');
    assert.deepEqual([(await admin.send({ action, userId: 999 }))[0].code, (await admin.send({ action, userId: 999 }))[0].error], [404, 'User with id = 999 not found']);
  }
  const [got] = await admin.send({ action: 'user/get', requestId: 'g', userId: String(a.id) });
  assert.deepEqual(got.user, await userById(mock, a.id), 'the same USER_PUBLISHED view as GET /user/{id}');
  // A client-role user holding ManageUser sees only itself.
  const managing = await mint(mock, a.id, ['ManageUser']);
  const client = await wsAs(mock, managing);
  assert.equal((await client.send({ action: 'user/get', userId: a.id }))[0].user.login, a.login);
  assert.deepEqual((await client.send({ action: 'user/get', userId: b.id }))[0], { action: 'user/get', requestId: null, code: 404, status: 'error', error: `User with id = ${b.id} not found` });
  const overRest = await rest(mock, 'GET', `/user/${b.id}`, { token: managing });
  assert.deepEqual([overRest.status, overRest.body], [403, { error: 404, message: `User with id = ${b.id} not found` }]);
  // Deleting: never oneself, then the row is gone for REST too.
  assert.deepEqual((await admin.send({ action: 'user/delete', userId: 1 }))[0].error, 'You can not delete a user or access key that you use to authenticate this request');
  assert.equal(JSON.stringify((await admin.send({ action: 'user/delete', requestId: 'd', userId: b.id }))[0]), '{"action":"user/delete","requestId":"d","status":"success"}');
  assert.equal((await rest(mock, 'GET', `/user/${b.id}`, { token: await adminToken(mock) })).status, 404);
});

test('user/list pages 20 by default, filters like ListUserRequest and refuses bad orders; user/count ignores paging', async () => {
  const { mock } = createTestMock();
  const admin = await wsAs(mock, await adminToken(mock));
  for (let i = 0; i < 22; i++) {
    const [answer] = await admin.send({ action: 'user/insert', user: { login: `bulk${String(i).padStart(2, '0')}`, password: 'secret123', role: i % 2, status: i === 3 ? 2 : 0 } });
    assert.equal(answer.status, 'success');
  }
  const [all] = await admin.send({ action: 'user/list', requestId: 'l' });
  assert.deepEqual([all.users.length, all.users[0].login, all.users[19].login], [20, 'dhadmin', 'bulk18'], 'no sortField: id order, take 20');
  assert.deepEqual(Object.keys(all), ['action', 'requestId', 'status', 'users']);
  const names = async (query: object) => (await admin.send({ action: 'user/list', ...query }))[0].users.map((u: { login: string }) => u.login);
  assert.deepEqual(await names({ loginPattern: 'bulk0_', role: '1', sortField: 'LOGIN', sortOrder: 'desc', take: 3 }), ['bulk09', 'bulk07', 'bulk05']);
  assert.deepEqual(await names({ login: 'bulk1', loginPattern: 'bulk1%', status: 0, sortField: 'id', skip: 8 }), ['bulk18', 'bulk19'], 'loginPattern wins over login');
  assert.deepEqual(await names({ login: 'bulk1' }), [], 'login is an exact match');
  assert.deepEqual(await names({ status: 2 }), ['bulk03']);
  const [count] = await admin.send({ action: 'user/count', requestId: 'c', loginPattern: 'bulk%', take: 1, skip: 5 });
  assert.equal(JSON.stringify(count), '{"action":"user/count","requestId":"c","status":"success","count":22}');
  const refusals: Array<[object, string]> = [
    [{ sortField: 'password' }, 'Invalid request parameters'],
    [{ sortField: 'login', sortOrder: 'sideways' }, 'Unparseable sort order : sideways'],
    [{ take: 'many' }, 'Malformed Json received.'],
    [{ login: { $ne: null } }, 'Malformed Json received.'],
  ];
  for (const [query, error] of refusals) assert.deepEqual((await admin.send({ action: 'user/list', ...query }))[0], { action: 'user/list', requestId: null, code: 400, status: 'error', error });
});

test('server/info needs no authenticate and answers {info: {apiVersion, serverTimestamp, restServerUrl}} from the handshake host', async () => {
  const { mock, clock } = createTestMock();
  const outbox: string[] = [];
  const session = mock.ws!.open({ send: (text) => outbox.push(text), close() {} }, { headers: { host: 'dh.example:8080' } });
  const [answer] = await session.message(JSON.stringify({ action: 'server/info', requestId: 'i' }));
  const stamp = new Date(clock.now).toISOString().slice(0, 23);
  assert.equal(answer, `{"action":"server/info","requestId":"i","status":"success","info":{"apiVersion":"4.1.0","serverTimestamp":"${stamp}","restServerUrl":"http://dh.example:8080/api/rest"}}`);
  const info = await rest(mock, 'GET', '/info');
  assert.deepEqual([info.body.apiVersion, info.body.serverTimestamp], [JSON.parse(answer!).info.apiVersion, stamp], 'the same version and clock as GET /info');
});
