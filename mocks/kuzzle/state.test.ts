import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMock, createUser, http, login } from './test-support.ts';

test('credentials() names the seeded administrator, from the default seed or a given one', async () => {
  assert.deepEqual(await createMock().credentials(), { admin: { username: 'admin', password: 'admin-password' } });
  const seed = { users: [{ _id: 'boss', profileIds: ['admin'], content: { fullname: 'Boss' }, credentials: { local: { username: 'boss', password: 'b0ss' } } }] };
  const mock = createMock([], { seed });
  assert.deepEqual(await mock.credentials(), { admin: { username: 'boss', password: 'b0ss' } });
  const token = await login(mock, 'boss', 'b0ss');
  assert.equal((await http(mock, 'GET', '/_me', { token })).body.result._source.fullname, 'Boss');
});

test('a seed can add roles, profiles and indexes; the built-in profiles stay', async () => {
  const seed = {
    roles: { reader: { controllers: { auth: { actions: { login: true, getCurrentUser: true } } } } },
    profiles: { readers: { policies: [{ roleId: 'reader', restrictedTo: [{ index: 'books', collections: ['novels'] }] }] } },
    users: [
      { _id: 'admin', profileIds: ['admin'], credentials: { local: { username: 'admin', password: 'admin-password' } } },
      { _id: 'r', profileIds: ['readers'], credentials: { local: { username: 'r', password: 'r' } } },
    ],
    indexes: { books: ['novels'] },
  };
  const mock = createMock([], { seed });
  const admin = await login(mock);
  assert.equal((await http(mock, 'GET', '/books/novels/_exists', { token: admin })).body.result, true);
  assert.equal((await http(mock, 'GET', '/profiles/readers', { token: admin })).body.result._source.rateLimit, 0);
  assert.equal((await http(mock, 'GET', '/profiles/anonymous', { token: admin })).body.result._source.rateLimit, 200);
  const reader = await login(mock, 'r', 'r');
  assert.equal((await http(mock, 'PUT', '/_me', { token: reader, body: {} })).status, 403);
});

test('an invalid seed throws, naming the field', () => {
  const cases: Array<[unknown, RegExp]> = [
    [{}, /users/],
    [{ users: [{ _id: 'a', profileIds: 'admin' }] }, /\/users\/0\/profileIds/],
    [{ users: [{ _id: 'a', profileIds: ['ghost'] }] }, /users\[0\]\.profileIds\[0\].*ghost/],
    [{ users: [], profiles: { p: { policies: [{ roleId: 'ghost' }] } } }, /profiles\.p\.policies\[0\]\.roleId/],
    [{ users: [{ _id: 'a', profileIds: ['admin'] }, { _id: 'a', profileIds: ['admin'] }] }, /users\[1\]\._id/],
    [{ users: [], profiles: { anonymous: { policies: [{ roleId: 'default' }] } } }, /profiles\.anonymous/],
    [{ users: [], indexes: { 'Bad.Name': [] } }, /indexes/],
  ];
  for (const [seed, message] of cases) assert.throws(() => createMock([], { seed }), message, JSON.stringify(seed));
});

test('reset() returns to the seed: created users, profiles, indexes and tokens are gone', async () => {
  const mock = createMock();
  const admin = await login(mock);
  await createUser(mock, admin, 'u1');
  await http(mock, 'POST', '/idx/_create', { token: admin });
  await http(mock, 'PUT', '/_me', { token: admin, body: { fullname: 'changed' } });
  mock.reset();
  assert.equal((await http(mock, 'GET', '/_me', { token: admin })).body.error.id, 'security.token.invalid');
  const fresh = await login(mock);
  assert.equal((await http(mock, 'GET', '/users/u1', { token: fresh })).status, 404);
  assert.equal((await http(mock, 'GET', '/profiles/q-user', { token: fresh })).status, 404);
  assert.equal((await http(mock, 'GET', '/idx/_exists', { token: fresh })).body.result, false);
  assert.equal((await http(mock, 'GET', '/_me', { token: fresh })).body.result._source.fullname, undefined);
});

test('exportState / importState round-trip through JSON, tokens and versions included', async () => {
  const first = createMock();
  const admin = await login(first);
  const user = await createUser(first, admin, 'u1', { fullname: 'Kept' });
  await http(first, 'POST', '/profiles/p/_create', { token: admin, body: { policies: [{ roleId: 'default' }] } });
  const v1 = (await http(first, 'PUT', '/profiles/p/_update', { token: admin, body: { rateLimit: 3 } })).body.result._version;
  const json = JSON.parse(JSON.stringify(first.exportState()));
  const second = createMock();
  second.importState(json);
  assert.equal((await http(second, 'GET', '/_me', { token: user })).body.result._source.fullname, 'Kept');
  const v2 = (await http(second, 'PUT', '/profiles/p/_update', { token: admin, body: { rateLimit: 4 } })).body.result._version;
  assert.equal(v2, v1 + 1);
  assert.deepEqual(JSON.parse(JSON.stringify(second.exportState())).users.length, json.users.length);
});

test('importState refuses what is not a state and keeps the current one', async () => {
  const mock = createMock();
  for (const bad of [null, 42, { users: 'x' }, { users: [], profiles: [{ id: 1 }] }]) assert.throws(() => mock.importState(bad), /kuzzle state/);
  assert.equal(typeof (await login(mock)), 'string');
});

test('faultResponse is an overloaded Kuzzle in its envelope', () => {
  const fault = createMock().faultResponse();
  assert.equal(fault.status, 503);
  const body = JSON.parse(fault.body!);
  assert.equal(body.error.id, 'api.process.overloaded');
  assert.equal(body.requestId, fault.headers['x-kuzzle-request-id']);
});
