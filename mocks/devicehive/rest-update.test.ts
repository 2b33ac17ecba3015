import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, adminToken, createClient, createTestMock, login, mint, rest, userById } from './test-support.ts';

test('PUT /user/current: a client changes its data and password; 204 with an empty body', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const put = await rest(mock, 'PUT', '/user/current', { token: c.token, body: { data: { k: 'v', n: [1, { m: null }] } } });
  assert.equal(put.status, 204);
  assert.equal(put.raw, null);
  const current = await rest(mock, 'GET', '/user/current', { token: c.token });
  assert.deepEqual(current.body.data, { k: 'v', n: [1, { m: null }] });
  assert.equal(current.body.id, c.id);
  assert.equal((await rest(mock, 'PUT', '/user/current', { token: c.token, body: { password: 'newpass123' } })).status, 204);
  assert.deepEqual((await rest(mock, 'POST', '/token', { body: { login: c.login, password: 'secret123' } })).body, { error: 401, message: 'Invalid credentials' });
  assert.equal((await rest(mock, 'POST', '/token', { body: { login: c.login, password: 'newpass123' } })).status, 201);
  assert.equal((await userById(mock, 1)).data, null, "the admin's data is untouched");
});

test('omitted properties keep their value, data included; {"data": null} clears it', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  await rest(mock, 'PUT', '/user/current', { token: c.token, body: { data: { keep: 1 } } });
  await rest(mock, 'PUT', '/user/current', { token: c.token, body: { password: 'another123' } });
  const user = await userById(mock, c.id);
  assert.deepEqual([user.data, user.role, user.status, user.login, user.introReviewed], [{ keep: 1 }, 1, 0, c.login, false]);
  assert.equal((await rest(mock, 'PUT', '/user/current', { token: c.token, body: { data: null } })).status, 204);
  assert.equal((await userById(mock, c.id)).data, null);
});

test('an empty body is no update at all', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock, { data: { keep: true } });
  assert.equal((await rest(mock, 'PUT', '/user/current', { token: c.token })).status, 204);
  assert.deepEqual((await userById(mock, c.id)).data, { keep: true });
});

test('a client may not change login, role, status or introReviewed: 403 and nothing changes, even with a valid password', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  for (const body of [{ role: 1 }, { status: 0 }, { login: c.login }, { introReviewed: true }, { password: 'newpass456', role: 1 }]) {
    const reply = await rest(mock, 'PUT', '/user/current', { token: c.token, body });
    assert.deepEqual([reply.status, reply.body], [403, { error: 403, message: 'Admin permissions required for this action' }], JSON.stringify(body));
  }
  const user = await userById(mock, c.id);
  assert.deepEqual([user.role, user.status, user.login, user.introReviewed], [1, 0, c.login, false]);
  assert.equal((await rest(mock, 'POST', '/token', { body: { login: c.login, password: 'newpass456' } })).status, 401);
});

test('JSON null for login, role and status counts as absent', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const reply = await rest(mock, 'PUT', '/user/current', { token: c.token, body: { login: null, role: null, status: null, data: { x: 1 } } });
  assert.equal(reply.status, 204);
  assert.deepEqual((await userById(mock, c.id)).data, { x: 1 });
});

test('an administrator changes every property of itself through /user/current', async () => {
  const { mock } = createTestMock();
  const a2 = await createClient(mock, { role: 0 });
  const body = { login: 'newadmin2', role: 0, status: 0, data: { a: 2 }, introReviewed: true, password: 'adminpass2' };
  assert.equal((await rest(mock, 'PUT', '/user/current', { token: a2.token, body })).status, 204);
  const me = (await rest(mock, 'GET', '/user/current', { token: a2.token })).body;
  assert.deepEqual([me.login, me.role, me.status, me.data, me.introReviewed], ['newadmin2', 0, 0, { a: 2 }, true]);
  await login(mock, { login: 'newadmin2', password: 'adminpass2' });
});

test('PUT /user/{id}: the administrator changes every property of any user', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const token = await adminToken(mock);
  for (const body of [{ role: 0 }, { role: 1 }, { status: 2 }, { status: 0 }, { login: 'renamed1' }, { password: 'adminset1' }, { data: { z: 1 } }, { introReviewed: true }]) {
    assert.equal((await rest(mock, 'PUT', `/user/${c.id}`, { token, body })).status, 204, JSON.stringify(body));
  }
  const user = await userById(mock, c.id);
  assert.deepEqual([user.role, user.status, user.login, user.data, user.introReviewed], [1, 0, 'renamed1', { z: 1 }, true]);
  await login(mock, { login: 'renamed1', password: 'adminset1' });
});

test('PUT /user/{id} is authorised by UpdateCurrentUser: a client updates itself by id, never another user', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const d = await createClient(mock);
  const own = await rest(mock, 'PUT', `/user/${c.id}`, { token: c.token, body: { data: { own: 1 } } });
  assert.deepEqual([own.status, own.raw], [204, null]);
  assert.deepEqual((await rest(mock, 'GET', '/user/current', { token: c.token })).body.data, { own: 1 });
  const manager = await mint(mock, c.id, ['ManageUser', 'UpdateCurrentUser', 'GetCurrentUser']);
  for (const token of [c.token, manager]) {
    const reply = await rest(mock, 'PUT', `/user/${d.id}`, { token, body: { data: { evil: 1 } } });
    assert.deepEqual([reply.status, reply.body], [403, { error: 403, message: 'Access is denied' }]);
  }
  assert.equal((await userById(mock, d.id)).data, null);
});

test('a token without UpdateCurrentUser is refused with 403 "Access is denied"', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const readOnly = await mint(mock, c.id, ['GetCurrentUser']);
  const reply = await rest(mock, 'PUT', '/user/current', { token: readOnly, body: { data: { x: 1 } } });
  assert.deepEqual([reply.status, reply.body], [403, { error: 403, message: 'Access is denied' }]);
  const both = await mint(mock, c.id, ['getcurrentuser', 'UpdateCurrentUser']);
  assert.equal((await rest(mock, 'PUT', '/user/current', { token: both, body: { data: { x: 1 } } })).status, 204);
});

test('passwords: 6 to 128 characters; an empty one is ignored; line breaks are refused', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  for (const password of ['12345', 'x'.repeat(129), 'abc\ndefg']) {
    const reply = await rest(mock, 'PUT', '/user/current', { token: c.token, body: { password } });
    assert.deepEqual([reply.status, reply.body], [400, { error: 400, message: 'Password can contain only from 6 to 128 symbols!' }]);
  }
  assert.equal((await rest(mock, 'PUT', '/user/current', { token: c.token, body: { password: '' } })).status, 204);
  await login(mock, { login: c.login, password: 'secret123' });
  for (const password of ['123456', 'y'.repeat(128)]) {
    assert.equal((await rest(mock, 'PUT', '/user/current', { token: c.token, body: { password } })).status, 204);
    await login(mock, { login: c.login, password });
  }
});

test('malformed JSON, a body that is not an object and wrong types answer 400 "Invalid request parameters"; nothing changes', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock, { data: { t: 0 } });
  const bodies = ['{"password":', '[]', 'null', { password: 123456789 }, { introReviewed: 1, data: { t: 1 } }, { data: { t: 1 }, role: 'abc' }, { data: 'text' }, { role: 1.5 }];
  for (const body of bodies) {
    const reply = await rest(mock, 'PUT', '/user/current', { token: c.token, body });
    assert.deepEqual([reply.status, reply.body], [400, { error: 400, message: 'Invalid request parameters' }], JSON.stringify(body));
  }
  assert.deepEqual((await userById(mock, c.id)).data, { t: 0 });
  await login(mock, { login: c.login, password: 'secret123' });
});

test('unknown properties are ignored, id and lastLogin included', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const reply = await rest(mock, 'PUT', '/user/current', { token: c.token, body: { foo: 1, oldPassword: 'x', password: 'newpass789', id: 999999, lastLogin: '2001-01-01T00:00:00.000' } });
  assert.equal(reply.status, 204);
  await login(mock, { login: c.login, password: 'newpass789' });
  assert.equal((await userById(mock, c.id)).id, c.id);
  assert.equal((await rest(mock, 'GET', '/user/999999', { token: await adminToken(mock) })).status, 404);
  assert.notEqual((await userById(mock, c.id)).lastLogin, '2001-01-01T00:00:00.000');
});

test('logins: unique, trimmed, 1..128 for the validator, 3..128 of letters, digits and _@.- for the entity', async () => {
  const { mock } = createTestMock();
  const token = await adminToken(mock);
  const c = await createClient(mock);
  const d = await createClient(mock);
  const taken = await rest(mock, 'PUT', `/user/${c.id}`, { token, body: { login: d.login } });
  assert.deepEqual(taken.body, { error: 403, message: 'User with such login already exists. Please, select another one' });
  assert.equal((await rest(mock, 'PUT', `/user/${c.id}`, { token, body: { login: c.login } })).status, 204);
  for (const bad of ['', '   ', 'l'.repeat(129)]) {
    const reply = await rest(mock, 'PUT', `/user/${c.id}`, { token, body: { login: bad } });
    assert.equal(reply.status, 400);
    assert.match(reply.body.message, /^Error! Make sure, that the passed object is correct and properly structured\. Validation failed: \nOn property login \(value: .*\): Field login cannot be empty\. The length of login should not be more than 128 symbols\. ; $/s);
  }
  assert.deepEqual((await rest(mock, 'PUT', `/user/${c.id}`, { token, body: { login: 'ab' } })).body.message, 'Field cannot be empty. The length of login should be from 3 to 128 symbols.');
  assert.match((await rest(mock, 'PUT', `/user/${c.id}`, { token, body: { login: 'has space' } })).body.message, /^Login can contain only/);
  assert.equal((await rest(mock, 'PUT', `/user/${c.id}`, { token, body: { login: '  fresh42  ' } })).status, 204);
  assert.equal((await userById(mock, c.id)).login, 'fresh42');
  await login(mock, { login: 'fresh42', password: 'secret123' });
  assert.deepEqual((await rest(mock, 'POST', '/token', { body: { login: c.login, password: 'secret123' } })).body.message, `User with login = ${c.login} not found or bad password`);
});

test('role and status outside the documented values answer 400 and nothing changes', async () => {
  const { mock } = createTestMock();
  const token = await adminToken(mock);
  const c = await createClient(mock);
  for (const body of [{ role: 5 }, { role: -1 }, { role: 2, data: { r: 1 } }, { status: 3 }, { status: -1 }]) {
    const reply = await rest(mock, 'PUT', `/user/${c.id}`, { token, body });
    assert.equal(reply.status, 400, JSON.stringify(body));
    assert.match(reply.body.message, /On property (role|status) \(value: -?\d\): The value of (role|status) should not be (more than [12]|less than 0)\. ; $/);
  }
  const user = await userById(mock, c.id);
  assert.deepEqual([user.role, user.status, user.data], [1, 0, null]);
});

test('an id that is not an integer answers 404; an unknown id 404 "User with id = N not found"', async () => {
  const { mock } = createTestMock();
  const token = await adminToken(mock);
  for (const path of ['/user/abc', '/user/CURRENT', '/user/1.5', '/user/%E0%A4%A']) {
    assert.deepEqual((await rest(mock, 'PUT', path, { token, body: { data: { x: 1 } } })).body, { error: 404, message: 'HTTP 404 Not Found' }, path);
  }
  assert.deepEqual((await rest(mock, 'PUT', '/user/999999', { token, body: {} })).body, { error: 404, message: 'User with id = 999999 not found' });
  assert.equal((await userById(mock, 1)).data, null);
});

test('a locked user is refused at once; the administrator can unlock it', async () => {
  const { mock } = createTestMock();
  const token = await adminToken(mock);
  const c = await createClient(mock);
  for (const status of [1, 2]) {
    assert.equal((await rest(mock, 'PUT', `/user/${c.id}`, { token, body: { status } })).status, 204);
    assert.equal((await userById(mock, c.id)).status, status);
    assert.equal((await rest(mock, 'PUT', '/user/current', { token: c.token, body: { data: { x: 1 } } })).status, 401);
    assert.deepEqual((await rest(mock, 'POST', '/token', { body: { login: c.login, password: 'secret123' } })).body, { error: 401, message: 'User is locked or disabled' });
    await rest(mock, 'PUT', `/user/${c.id}`, { token, body: { status: 0 } });
  }
  assert.equal((await rest(mock, 'PUT', '/user/current', { token: c.token, body: { data: { x: 1 } } })).status, 204);
  assert.equal(ADMIN.login, (await userById(mock, 1)).login);
});

test('a blank Content-Type header is a bad request (400, nothing changes); a missing one still means JSON', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock, { data: { keep: true } });
  const blank = await rest(mock, 'PUT', '/user/current', { token: c.token, body: { data: { x: 1 } }, headers: { 'content-type': '' } });
  assert.deepEqual([blank.status, blank.body], [400, { error: 400, message: 'HTTP 400 Bad Request' }]);
  assert.deepEqual((await userById(mock, c.id)).data, { keep: true });
  const missing = await mock.http({
    method: 'PUT',
    url: '/api/rest/user/current',
    headers: { host: 'localhost:8080', authorization: `Bearer ${c.token}` },
    body: new TextEncoder().encode('{"data":{"x":1}}'),
  });
  assert.equal(missing.status, 204);
  assert.deepEqual((await userById(mock, c.id)).data, { x: 1 });
});
