import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMock, createUser, http, login } from './test-support.ts';

test('createUser / getUser / searchUsers / deleteUser', async () => {
  const mock = createMock();
  const admin = await login(mock);
  const body = { content: { profileIds: ['default'], fullname: 'Raw User' }, credentials: { local: { username: 'raw', password: 'pw' } } };
  const created = await http(mock, 'POST', '/users/raw/_create?refresh=wait_for', { token: admin, body });
  assert.deepEqual(created.body.result, {
    _id: 'raw',
    _source: { profileIds: ['default'], fullname: 'Raw User', _kuzzle_info: created.body.result._source._kuzzle_info },
  });
  assert.deepEqual(Object.keys(created.body.result._source._kuzzle_info), ['createdAt', 'updatedAt', 'updater']);
  assert.deepEqual((await http(mock, 'GET', '/users/raw', { token: admin })).body.result, created.body.result);
  const search = await http(mock, 'POST', '/users/_search', { token: admin, body: { query: { term: { profileIds: 'default' } } } });
  assert.equal(search.body.result.total, 1);
  assert.deepEqual(Object.keys(search.body.result.hits[0]._source._kuzzle_info), ['author', 'createdAt', 'updatedAt', 'updater']);
  assert.equal('scrollId' in search.body.result, false);
  const withoutCredentials = { content: body.content };
  assert.equal((await http(mock, 'POST', '/users/raw/_create', { token: admin, body: withoutCredentials })).body.error.id, 'security.user.already_exists');
  const inconsistent = await http(mock, 'POST', '/users/raw/_create', { token: admin, body });
  assert.equal(inconsistent.status, 500);
  assert.equal(inconsistent.body.error.id, 'security.credentials.database_inconsistency');
  const again = await http(mock, 'POST', '/users/other/_create', { token: admin, body });
  assert.deepEqual(again.body.error, { message: 'Login "raw" is already used.', status: 412 });
  assert.equal((await http(mock, 'GET', '/users/other', { token: admin })).status, 404);
  const token = await login(mock, 'raw', 'pw');
  assert.deepEqual((await http(mock, 'DELETE', '/users/raw', { token: admin })).body.result, { _id: 'raw' });
  assert.equal((await http(mock, 'GET', '/_me', { token })).body.error.id, 'security.token.invalid');
  assert.equal((await http(mock, 'POST', '/_login/local', { body: { username: 'raw', password: 'pw' } })).status, 401);
  assert.equal((await http(mock, 'GET', '/users/raw', { token: admin })).body.error.id, 'security.user.not_found');
});

test('createUser validation: profiles must exist, kuids can be generated', async () => {
  const mock = createMock();
  const admin = await login(mock);
  const unknown = await http(mock, 'POST', '/users/x/_create', { token: admin, body: { content: { profileIds: ['nope'] } } });
  assert.equal(unknown.body.error.id, 'security.profile.not_found');
  const missing = await http(mock, 'POST', '/users/x/_create', { token: admin, body: { content: {} } });
  assert.equal(missing.body.error.id, 'api.assert.missing_argument');
  const generated = await http(mock, 'POST', '/users/_create', { token: admin, body: { content: { profileIds: ['default'] } } });
  assert.match(generated.body.result._id, /^kuid-[a-z]+-[a-z]+-\d+$/);
  const uuid = await http(mock, 'POST', '/users/_create?kuid=uuid', { token: admin, body: { content: { profileIds: ['default'] } } });
  assert.match(uuid.body.result._id, /^kuid-[0-9a-f-]{36}$/);
  assert.equal((await http(mock, 'GET', '/users/-1', { token: admin })).body.result._source.name, 'Anonymous');
});

test('roles: createRole checks its definition; getRole; deleteRole refuses protected and used roles', async () => {
  const mock = createMock();
  const admin = await login(mock);
  const body = { controllers: { document: { actions: { get: true } } } };
  const created = await http(mock, 'POST', '/roles/r1/_create', { token: admin, body });
  assert.deepEqual(created.body.result._source.controllers, body.controllers);
  assert.equal(created.body.result._source._kuzzle_info.author, null);
  assert.equal((await http(mock, 'POST', '/roles/r1/_create', { token: admin, body })).body.error.id, 'services.storage.document_already_exists');
  const badAction = await http(mock, 'POST', '/roles/r2/_create', { token: admin, body: { controllers: { auth: { actions: { nope: true } } } } });
  assert.equal(badAction.body.error.id, 'security.role.unknown_action');
  const plugin = { controllers: { myplugin: { actions: { go: true } } } };
  assert.equal((await http(mock, 'POST', '/roles/r3/_create', { token: admin, body: plugin })).body.error.id, 'security.role.unknown_controller');
  assert.equal((await http(mock, 'POST', '/roles/r3/_create?force', { token: admin, body: plugin })).status, 200);
  assert.equal((await http(mock, 'POST', '/roles/r4/_create', { token: admin, body: { controllers: {} } })).body.error.id, 'api.assert.empty_argument');
  assert.equal((await http(mock, 'GET', '/roles/r1', { token: admin })).body.result._id, 'r1');
  assert.equal((await http(mock, 'DELETE', '/roles/admin', { token: admin })).body.error.id, 'security.role.cannot_delete');
  await http(mock, 'POST', '/profiles/p1/_create', { token: admin, body: { policies: [{ roleId: 'r1' }] } });
  assert.equal((await http(mock, 'DELETE', '/roles/r1', { token: admin })).body.error.id, 'security.role.in_use');
  await http(mock, 'DELETE', '/profiles/p1', { token: admin });
  assert.deepEqual((await http(mock, 'DELETE', '/roles/r1', { token: admin })).body.result, { _id: 'r1' });
  assert.equal((await http(mock, 'GET', '/roles/r1', { token: admin })).body.error.id, 'security.role.not_found');
});

test('profiles: createProfile, searchProfiles by tags, deleteProfile with assigned users', async () => {
  const mock = createMock();
  const admin = await login(mock);
  for (const id of ['kite-surf-1', 'kite-surf-2']) {
    const reply = await http(mock, 'POST', `/profiles/${id}/_create`, { token: admin, body: { tags: ['kite-surf'], policies: [{ roleId: 'default' }] } });
    assert.deepEqual(Object.keys(reply.body.result._source), ['policies', 'optimizedPolicies', 'rateLimit', 'tags', '_kuzzle_info']);
  }
  const search = await http(mock, 'POST', '/profiles/_search', { token: admin, body: { query: { term: { tags: 'kite-surf' } } } });
  assert.deepEqual(search.body.result.hits.map((h: { _id: string }) => h._id), ['kite-surf-1', 'kite-surf-2']);
  const both = await http(mock, 'POST', '/profiles/_search', { token: admin, body: { roles: ['x'], query: {} } });
  assert.equal(both.body.error.status, 400);
  const unknownKeyword = await http(mock, 'POST', '/profiles/_search', { token: admin, body: { query: { equals: { a: 1 } } } });
  assert.equal(unknownKeyword.body.error.id, 'services.storage.unknown_query_keyword');
  assert.equal((await http(mock, 'POST', '/profiles/x/_create', { token: admin, body: {} })).body.error.id, 'api.assert.missing_argument');
  await createUser(mock, admin, 'u1');
  await http(mock, 'POST', '/users/u2/_create', { token: admin, body: { content: { profileIds: ['q-user', 'kite-surf-1'] } } });
  assert.equal((await http(mock, 'DELETE', '/profiles/q-user', { token: admin })).body.error.id, 'security.profile.in_use');
  assert.equal((await http(mock, 'DELETE', '/profiles/default', { token: admin })).body.error.id, 'security.profile.cannot_delete');
  assert.deepEqual((await http(mock, 'DELETE', '/profiles/q-user?onAssignedUsers=remove', { token: admin })).body.result, { _id: 'q-user' });
  assert.deepEqual((await http(mock, 'GET', '/users/u1', { token: admin })).body.result._source.profileIds, ['anonymous']);
  assert.deepEqual((await http(mock, 'GET', '/users/u2', { token: admin })).body.result._source.profileIds, ['kite-surf-1']);
});

test('createFirstAdmin is refused once an admin exists, and works on a seed without one', async () => {
  const seeded = createMock();
  const admin = await login(seeded);
  assert.equal((await http(seeded, 'POST', '/_createFirstAdmin', { token: admin, body: {} })).body.error.id, 'api.process.admin_exists');
  assert.equal((await http(seeded, 'POST', '/_createFirstAdmin', { body: {} })).body.error.id, 'security.rights.unauthorized');
  const empty = createMock([], { seed: { users: [], roles: { anonymous: { controllers: { '*': { actions: { '*': true } } } } } } });
  const body = { content: { fullname: 'First' }, credentials: { local: { username: 'first', password: 'pw' } } };
  const created = await http(empty, 'POST', '/_createFirstAdmin/first-admin?reset', { body });
  assert.deepEqual(created.body.result._source.profileIds, ['admin']);
  assert.equal((await http(empty, 'POST', '/_createFirstAdmin', { body })).body.error.id, 'security.rights.unauthorized');
  const token = await login(empty, 'first', 'pw');
  assert.equal((await http(empty, 'GET', '/_adminExists', { token })).body.result.exists, true);
});

test('index and collection actions', async () => {
  const mock = createMock();
  const admin = await login(mock);
  assert.equal((await http(mock, 'POST', '/idx/_create', { token: admin })).status, 200);
  const again = await http(mock, 'POST', '/idx/_create', { token: admin });
  assert.equal(again.status, 412);
  assert.equal(again.body.error.message, 'A public index named "idx" already exists');
  assert.equal((await http(mock, 'POST', '/Upper/_create', { token: admin })).body.error.id, 'services.storage.invalid_index_name');
  assert.equal((await http(mock, 'GET', '/idx/_exists', { token: admin })).body.result, true);
  assert.equal((await http(mock, 'PUT', '/other/c', { token: admin, body: { mappings: {} } })).status, 200);
  assert.equal((await http(mock, 'GET', '/other/_exists', { token: admin })).body.result, true);
  assert.equal((await http(mock, 'GET', '/other/nope/_exists', { token: admin })).body.result, false);
  assert.deepEqual((await http(mock, 'DELETE', '/idx', { token: admin })).body.result, { acknowledged: true });
  assert.equal((await http(mock, 'DELETE', '/idx', { token: admin })).body.error.id, 'services.storage.unknown_index');
});
