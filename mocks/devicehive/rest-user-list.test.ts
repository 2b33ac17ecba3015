// GET /user and GET /user/count: the list and count user/list and user/count run, in REST's envelope.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adminToken, createClient, createTestMock, rest, wsAs } from './test-support.ts';

test('GET /user lists like user/list over WebSocket, GET /user/count counts like user/count', async () => {
  const { mock } = createTestMock();
  for (let i = 0; i < 3; i++) await createClient(mock);
  const token = await adminToken(mock);
  const ws = await wsAs(mock, token);
  const listed = await rest(mock, 'GET', '/user?loginPattern=client%25&sortField=login&sortOrder=DESC&take=2', { token });
  assert.equal(listed.status, 200);
  const [overWs] = await ws.send({ action: 'user/list', loginPattern: 'client%', sortField: 'login', sortOrder: 'DESC', take: 2 });
  assert.deepEqual(listed.body, overWs.users);
  assert.equal(listed.body.length, 2);
  assert.ok(listed.body[0].login > listed.body[1].login, 'descending logins');
  assert.equal(Object.hasOwn(listed.body[0], 'networks'), false);
  const counted = await rest(mock, 'GET', '/user/count?role=1', { token });
  assert.deepEqual([counted.status, counted.body], [200, { count: 3 }]);
  assert.deepEqual((await ws.send({ action: 'user/count', role: 1 }))[0].count, 3);
});

test('GET /user refuses as the reference: no token 401, no ManageUser 403, bad sort 400, an unparsable Integer 404', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const token = await adminToken(mock);
  assert.equal((await rest(mock, 'GET', '/user')).status, 401);
  assert.deepEqual((await rest(mock, 'GET', '/user/count', { token: c.token })).body, { error: 403, message: 'Access is denied' });
  assert.deepEqual((await rest(mock, 'GET', '/user?sortField=password', { token })).body, { error: 400, message: 'Invalid request parameters' });
  assert.deepEqual((await rest(mock, 'GET', '/user?sortOrder=up', { token })).body, { error: 400, message: 'Unparseable sort order : up' });
  assert.deepEqual((await rest(mock, 'GET', '/user?take=lots', { token })).body, { error: 404, message: 'HTTP 404 Not Found' });
  assert.equal((await rest(mock, 'GET', '/user?take=', { token })).status, 200, 'an empty Integer is absent');
});
