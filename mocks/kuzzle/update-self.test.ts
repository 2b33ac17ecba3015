import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMock, createUser, http, login } from './test-support.ts';

async function setup(options = {}) {
  const mock = createMock([], options);
  const admin = await login(mock);
  const user = await createUser(mock, admin, 'u1', { fullname: 'Walter White' });
  return { mock, admin, user };
}

test('PUT /_me merges the body into the caller and answers the whole user, profileIds included', async () => {
  const { mock, user } = await setup();
  const reply = await http(mock, 'PUT', '/_me', { token: user, body: { fullname: 'Walter Smith', tags: ['a'] } });
  assert.equal(reply.status, 200);
  assert.deepEqual(Object.keys(reply.body), ['action', 'controller', 'error', 'headers', 'requestId', 'result', 'status', 'volatile']);
  assert.equal(reply.body.controller, 'auth');
  assert.equal(reply.body.action, 'updateSelf');
  assert.equal(reply.body.result._id, 'u1');
  const source = reply.body.result._source;
  assert.deepEqual(Object.keys(source), ['profileIds', 'fullname', '_kuzzle_info', 'tags']);
  assert.deepEqual(source.profileIds, ['q-user']);
  assert.equal(source.fullname, 'Walter Smith');
  assert.equal(source._kuzzle_info.updater, 'u1');
  assert.equal(typeof source._kuzzle_info.updatedAt, 'number');
});

test('the deprecated PUT /_updateSelf behaves like PUT /_me, and both GET routes read the result back', async () => {
  const { mock, user } = await setup();
  const reply = await http(mock, 'PUT', '/_updateSelf', { token: user, body: { city: 'Paris' } });
  assert.equal(reply.status, 200);
  assert.equal(reply.body.result._source.city, 'Paris');
  assert.equal('deprecations' in reply.body, false);
  for (const route of ['/_me', '/users/_me']) {
    const me = await http(mock, 'GET', route, { token: user });
    assert.equal(me.body.action, 'getCurrentUser');
    assert.equal(me.body.result._source.city, 'Paris');
    assert.deepEqual(me.body.result.strategies, ['local']);
  }
});

test('top-level merge: absent keys are kept, present keys overwritten, nested objects replaced whole', async () => {
  const { mock, user } = await setup();
  await http(mock, 'PUT', '/_me', { token: user, body: { fullname: 'A', name: { first: 'A', last: 'B' } } });
  await http(mock, 'PUT', '/_me', { token: user, body: { age: 42, name: { first: 'C' } } });
  const me = await http(mock, 'GET', '/_me', { token: user });
  assert.equal(me.body.result._source.fullname, 'A');
  assert.equal(me.body.result._source.age, 42);
  assert.deepEqual(me.body.result._source.name, { first: 'C' });
});

test('free properties keep their JSON types', async () => {
  const { mock, user } = await setup();
  const body = { foo: 'bar', conformNumber: 7, conformFlag: true, conformList: ['x', 'y'] };
  await http(mock, 'PUT', '/_me', { token: user, body });
  const me = await http(mock, 'GET', '/_me', { token: user });
  for (const [key, value] of Object.entries(body)) assert.deepEqual(me.body.result._source[key], value);
});

test('profileIds and _id are forbidden when truthy, and change nothing', async () => {
  const { mock, admin, user } = await setup();
  for (const [body, prop] of [
    [{ profileIds: ['admin'], fullname: 'Z' }, 'body.profileIds'],
    [{ profileIds: [] }, 'body.profileIds'],
    [{ _id: 'admin', fullname: 'Z' }, 'body._id'],
    [{ _id: 'x', profileIds: ['admin'] }, 'body._id'],
  ] as const) {
    const reply = await http(mock, 'PUT', '/_me', { token: user, body });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.id, 'api.assert.forbidden_argument');
    assert.equal(reply.body.error.code, 33619979);
    assert.deepEqual(reply.body.error.props, [prop]);
  }
  const stored = await http(mock, 'GET', '/users/u1', { token: admin });
  assert.deepEqual(stored.body.result._source.profileIds, ['q-user']);
  assert.equal(stored.body.result._source.fullname, 'Walter White');
  const adminUser = await http(mock, 'GET', '/users/admin', { token: admin });
  assert.equal(adminUser.body.result._source.fullname, undefined);
});

test('falsy profileIds and _id pass and are overridden; kuid is a plain field', async () => {
  const { mock, user } = await setup();
  const reply = await http(mock, 'PUT', '/_me', { token: user, body: { profileIds: null, _id: '', kuid: 'x', other: 1 } });
  assert.equal(reply.status, 200);
  assert.deepEqual(reply.body.result._source.profileIds, ['q-user']);
  assert.equal(reply.body.result._id, 'u1');
  assert.equal('_id' in reply.body.result._source, false);
  assert.equal(reply.body.result._source.kuid, 'x');
});

test('a user cannot escalate: after updateSelf {profileIds: [admin]} updateProfile is still forbidden', async () => {
  const { mock, user } = await setup();
  await http(mock, 'PUT', '/_me', { token: user, body: { profileIds: ['admin'] } });
  const reply = await http(mock, 'PUT', '/profiles/default/_update', { token: user, body: { rateLimit: 3 } });
  assert.equal(reply.status, 403);
  assert.equal(reply.body.error.id, 'security.rights.forbidden');
});

test('the response never carries credentials', async () => {
  const { mock, user } = await setup();
  const reply = await http(mock, 'PUT', '/_me', { token: user, body: { fullname: 'N' } });
  assert.equal(reply.raw.body!.includes('u1-secret'), false);
  assert.equal('credentials' in reply.body.result._source, false);
  assert.equal('password' in reply.body.result._source, false);
});

test('no body → 400 api.assert.body_required; an empty object is accepted', async () => {
  const { mock, user } = await setup();
  const none = await http(mock, 'PUT', '/_me', { token: user });
  assert.equal(none.status, 400);
  assert.equal(none.body.error.id, 'api.assert.body_required');
  assert.deepEqual(none.body.error.props, []);
  const empty = await http(mock, 'PUT', '/_me', { token: user, body: {} });
  assert.equal(empty.status, 200);
});

test('anonymous → 401 security.rights.unauthorized, checked before the body', async () => {
  const { mock } = await setup();
  const reply = await http(mock, 'PUT', '/_me', { body: { profileIds: ['admin'] } });
  assert.equal(reply.status, 401);
  assert.equal(reply.body.error.id, 'security.rights.unauthorized');
  assert.deepEqual(reply.body.error.props, ['auth', 'updateSelf', '-1']);
  assert.equal(reply.body.error.message, 'Unauthorized: authentication required to execute the action "auth:updateSelf". -1');
});

test('a user whose roles lack updateSelf gets 403 security.rights.forbidden', async () => {
  const { mock, admin } = await setup();
  await http(mock, 'POST', '/roles/r2/_create', { token: admin, body: { controllers: { auth: { actions: { login: true, getCurrentUser: true } } } } });
  await http(mock, 'POST', '/profiles/q2/_create', { token: admin, body: { policies: [{ roleId: 'r2' }] } });
  await http(mock, 'POST', '/users/w/_create', { token: admin, body: { content: { profileIds: ['q2'] }, credentials: { local: { username: 'w', password: 'pw' } } } });
  const w = await login(mock, 'w', 'pw');
  const reply = await http(mock, 'PUT', '/_me', { token: w, body: { fullname: 'W2' } });
  assert.equal(reply.status, 403);
  assert.equal(reply.body.error.code, 117637122);
  assert.equal(reply.body.error.message, 'Insufficient permissions to execute the action "auth:updateSelf" (User "w").');
});

test('refresh: default wait_for makes the change searchable at once; false waits for the refresh delay; foo is wait_for', async () => {
  let clock = 1_000_000;
  const { mock, admin, user } = await setup({ now: () => clock });
  const search = async () =>
    (await http(mock, 'POST', '/users/_search', { token: admin, body: { query: { ids: { values: ['u1'] } } } })).body.result.hits[0]?._source.mark;
  await http(mock, 'PUT', '/_me', { token: user, body: { mark: 'a' } });
  assert.equal(await search(), 'a');
  await http(mock, 'PUT', '/_me?refresh=false', { token: user, body: { mark: 'b' } });
  assert.equal(await search(), 'a');
  clock += 1000;
  assert.equal(await search(), 'b');
  const foo = await http(mock, 'PUT', '/_me?refresh=foo', { token: user, body: { mark: 'c' } });
  assert.equal(foo.status, 200);
  assert.equal(await search(), 'c');
});

test('retryOnConflict: absent, 10, "3" and a "5abc" prefix are accepted; abc, 1.5 and the empty flag are refused', async () => {
  const { mock, user } = await setup();
  for (const query of ['', '?retryOnConflict=10', '?retryOnConflict=3', '?retryOnConflict=5abc']) {
    assert.equal((await http(mock, 'PUT', `/_me${query}`, { token: user, body: { mark: query } })).status, 200);
  }
  for (const query of ['?retryOnConflict=abc', '?retryOnConflict=1.5', '?retryOnConflict']) {
    const reply = await http(mock, 'PUT', `/_me${query}`, { token: user, body: { mark: 'bad' } });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.id, 'api.assert.invalid_type');
    assert.deepEqual(reply.body.error.props, ['retryOnConflict', 'integer']);
  }
  const me = await http(mock, 'GET', '/_me', { token: user });
  assert.equal(me.body.result._source.mark, '?retryOnConflict=5abc');
});

test('concurrent updateSelf calls without retryOnConflict all succeed and all land', async () => {
  const { mock, user } = await setup();
  const replies = await Promise.all([0, 1, 2, 3, 4].map((i) => http(mock, 'PUT', '/_me', { token: user, body: { [`c${i}`]: i } })));
  assert.deepEqual(replies.map((r) => r.status), [200, 200, 200, 200, 200]);
  const me = await http(mock, 'GET', '/_me', { token: user });
  for (let i = 0; i < 5; i++) assert.equal(me.body.result._source[`c${i}`], i);
});

test('retryOnConflict=0 under concurrency: the losers get 500 services.storage.too_many_changes and nothing is lost', async () => {
  const { mock, user } = await setup();
  const replies = await Promise.all([0, 1, 2].map((i) => http(mock, 'PUT', '/_me?retryOnConflict=0', { token: user, body: { [`z${i}`]: i } })));
  const failed = replies.filter((r) => r.status !== 200);
  assert.ok(failed.length > 0);
  for (const reply of failed) {
    assert.equal(reply.status, 500);
    assert.equal(reply.body.error.id, 'services.storage.too_many_changes');
  }
  const me = await http(mock, 'GET', '/_me', { token: user });
  assert.equal(me.body.result._source.fullname, 'Walter White');
});
