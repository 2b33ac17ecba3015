import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FamilyMock } from '../../src/core/family.ts';
import { createMock, createUser, http, login } from './test-support.ts';

const PROFILE_256 = ['kuzzle.updateProfile.envelope.result-version', 'kuzzle.updateProfile.default.force-false'];

async function setup(deviations: string[] = [], profile = 'documented') {
  const mock = createMock(deviations, {}, profile);
  const admin = await login(mock);
  await http(mock, 'POST', '/profiles/p/_create', { token: admin, body: { policies: [{ roleId: 'default' }] } });
  await http(mock, 'POST', '/idx/_create', { token: admin });
  await http(mock, 'PUT', '/idx/c1', { token: admin, body: {} });
  return { mock, admin };
}

const update = (mock: FamilyMock, token: string, body: unknown, query = '', id = 'p') => http(mock, 'PUT', `/profiles/${id}/_update${query}`, { token, body });
const read = async (mock: FamilyMock, token: string) => (await http(mock, 'GET', '/profiles/p', { token })).body.result._source;

test('documented: the result is {_id, _version, _source} and _version grows with each update', async () => {
  const { mock, admin } = await setup();
  const first = await update(mock, admin, { rateLimit: 5 });
  assert.equal(first.status, 200);
  assert.deepEqual(Object.keys(first.body.result), ['_id', '_version', '_source']);
  assert.equal(first.body.result._id, 'p');
  assert.deepEqual(Object.keys(first.body.result._source), ['policies', 'optimizedPolicies', 'rateLimit', '_kuzzle_info']);
  assert.equal(first.body.result._source._kuzzle_info.updater, null);
  const second = await update(mock, admin, { rateLimit: 6 });
  assert.ok(second.body.result._version > first.body.result._version);
});

test('kuzzle-2.56: the result is {_id, _source} without _version', async () => {
  const { mock, admin } = await setup(PROFILE_256, 'kuzzle-2.56');
  const reply = await update(mock, admin, { rateLimit: 5 });
  assert.deepEqual(Object.keys(reply.body.result), ['_id', '_source']);
  assert.equal(reply.body.result._source.rateLimit, 5);
});

test('partial update: rateLimit keeps the policies, policies replace the whole array and keep rateLimit, custom keys are added', async () => {
  const { mock, admin } = await setup();
  await update(mock, admin, { rateLimit: 7 });
  assert.deepEqual((await read(mock, admin)).policies, [{ roleId: 'default' }]);
  await update(mock, admin, { policies: [{ roleId: 'default' }, { roleId: 'anonymous' }] });
  await update(mock, admin, { policies: [{ roleId: 'admin' }] });
  await update(mock, admin, { tags: ['x'] });
  const source = await read(mock, admin);
  assert.deepEqual(source.policies, [{ roleId: 'admin' }]);
  assert.equal(source.rateLimit, 7);
  assert.deepEqual(source.tags, ['x']);
});

test('documented force: restrictions to missing indexes or collections are refused without force, accepted with it', async () => {
  const { mock, admin } = await setup();
  const missingIndex = { policies: [{ roleId: 'default', restrictedTo: [{ index: 'nope' }] }] };
  const missingCollection = { policies: [{ roleId: 'default', restrictedTo: [{ index: 'idx', collections: ['c1', 'two'] }] }] };
  const index = await update(mock, admin, missingIndex);
  assert.equal(index.status, 412);
  assert.equal(index.body.error.id, 'services.storage.unknown_index');
  const collection = await update(mock, admin, missingCollection);
  assert.equal(collection.status, 412);
  assert.equal(collection.body.error.id, 'services.storage.unknown_collection');
  assert.equal(collection.body.error.message, 'The collection "idx":"[ \'two\' ]" does not exist.');
  assert.deepEqual((await read(mock, admin)).policies, [{ roleId: 'default' }]);
  assert.equal((await update(mock, admin, missingIndex, '?force')).status, 200);
  assert.deepEqual((await read(mock, admin)).policies, missingIndex.policies);
  const existing = { policies: [{ roleId: 'default' }, { roleId: 'admin', restrictedTo: [{ index: 'idx' }, { index: 'idx', collections: ['c1'] }] }], rateLimit: 50 };
  assert.equal((await update(mock, admin, existing)).status, 200);
  const source = await read(mock, admin);
  assert.deepEqual(source.policies, existing.policies);
  assert.deepEqual(source.optimizedPolicies, [{ roleId: 'default' }, { restrictedTo: {}, roleId: 'admin' }]);
});

test('kuzzle-2.56 force-false: missing indexes are accepted unless strict (even ?strict=false); force is not read', async () => {
  const { mock, admin } = await setup(PROFILE_256, 'kuzzle-2.56');
  const missing = { policies: [{ roleId: 'default', restrictedTo: [{ index: 'nope-missing' }] }] };
  assert.equal((await update(mock, admin, missing)).status, 200);
  assert.equal((await update(mock, admin, missing, '?force')).status, 200);
  for (const query of ['?strict', '?strict=false']) {
    const reply = await update(mock, admin, missing, query);
    assert.equal(reply.status, 412);
    assert.equal(reply.body.error.id, 'services.storage.unknown_index');
    assert.equal(reply.body.error.message, 'The index "nope-missing" does not exist.');
  }
});

test('validation: rateLimit, policy keys, restrictedTo shapes, unknown role, anonymous role', async () => {
  const { mock, admin } = await setup();
  const cases: Array<[unknown, string, number, unknown[]?]> = [
    [{ rateLimit: -1 }, 'api.assert.invalid_argument', 400, ['rateLimit', 'positive integer, or zero']],
    [{ rateLimit: 1.5 }, 'api.assert.invalid_type', 400, ['rateLimit', 'integer']],
    [{ rateLimit: '10' }, 'api.assert.invalid_type', 400, ['rateLimit', 'integer']],
    [{ policies: [{ roleId: 'default', foo: 1 }] }, 'api.assert.unexpected_argument', 400, ['p.policies[0].foo', '"roleId", "restrictedTo"']],
    [{ policies: [{ roleId: 'default', restrictedTo: { index: 'idx' } }] }, 'api.assert.invalid_type', 400],
    [{ policies: [{ roleId: 'default', restrictedTo: [{ collections: ['c'] }] }] }, 'api.assert.missing_argument', 400, ['p.policies[0].restrictedTo[0].index']],
    [{ policies: [{ roleId: 'default', restrictedTo: [{ index: 'idx', collections: 'c' }] }] }, 'api.assert.invalid_type', 400],
    [{ policies: [{ roleId: 'no-such-role' }] }, 'security.role.not_found', 404, ['no-such-role']],
    [{ policies: { roleId: 'default' } }, 'plugin.runtime.unexpected_error', 500],
  ];
  for (const [body, id, status, props] of cases) {
    const reply = await update(mock, admin, body, '?force');
    assert.equal(reply.body.error?.id, id, JSON.stringify(body));
    assert.equal(reply.status, status);
    if (props) assert.deepEqual(reply.body.error.props, props);
  }
  const source = await read(mock, admin);
  assert.deepEqual(source.policies, [{ roleId: 'default' }]);
  assert.equal(source.rateLimit, 0);
  assert.equal((await update(mock, admin, { rateLimit: 0 })).status, 200);
  const anonymous = await update(mock, admin, { policies: [{ roleId: 'default' }] }, '', 'anonymous');
  assert.equal(anonymous.body.error.id, 'security.profile.missing_anonymous_role');
  assert.equal((await update(mock, admin, { policies: [{ roleId: 'anonymous' }, { roleId: 'default' }] }, '', 'anonymous')).status, 200);
});

test('empty policies silently become [{roleId: "default"}]; built-in profiles can be updated', async () => {
  const { mock, admin } = await setup();
  await update(mock, admin, { policies: [{ roleId: 'admin' }] });
  assert.equal((await update(mock, admin, { policies: [] })).status, 200);
  assert.deepEqual((await read(mock, admin)).policies, [{ roleId: 'default' }]);
  const builtin = await http(mock, 'GET', '/profiles/default', { token: admin });
  const { policies, rateLimit } = builtin.body.result._source;
  assert.equal((await update(mock, admin, { policies, rateLimit }, '', 'default')).body.result._id, 'default');
});

test('unknown profile → 404 and not created; bad options win over not-found; missing body → 400', async () => {
  const { mock, admin } = await setup();
  const unknown = await update(mock, admin, { rateLimit: 1 }, '', 'none');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error.id, 'security.profile.not_found');
  assert.equal(unknown.body.error.code, 117833729);
  assert.deepEqual(unknown.body.error.props, ['none']);
  assert.equal((await http(mock, 'GET', '/profiles/none', { token: admin })).status, 404);
  const badOption = await update(mock, admin, { rateLimit: 1 }, '?retryOnConflict=abc', 'none');
  assert.equal(badOption.body.error.id, 'api.assert.invalid_type');
  const noBody = await http(mock, 'PUT', '/profiles/p/_update', { token: admin });
  assert.equal(noBody.body.error.id, 'api.assert.body_required');
});

test('rights: anonymous 401, a default-profile user 403, and nothing changes', async () => {
  const { mock, admin } = await setup();
  const user = await createUser(mock, admin);
  const anonymous = await update(mock, '', { rateLimit: 12 });
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.body.error.id, 'security.rights.unauthorized');
  const forbidden = await update(mock, user, { rateLimit: 13 });
  assert.equal(forbidden.status, 403);
  assert.equal(forbidden.body.error.message, 'Insufficient permissions to execute the action "security:updateProfile" (User "u1").');
  assert.equal((await read(mock, admin)).rateLimit, 0);
});

test('refresh: searchProfiles {roles} sees the new policies at once by default, after the delay with refresh=false', async () => {
  let clock = 5_000_000;
  const mock = createMock([], { now: () => clock });
  const admin = await login(mock);
  await http(mock, 'POST', '/profiles/p/_create', { token: admin, body: { policies: [{ roleId: 'default' }] } });
  await http(mock, 'POST', '/roles/r3/_create', { token: admin, body: { controllers: { auth: { actions: { login: true } } } } });
  const hits = async () => (await http(mock, 'POST', '/profiles/_search', { token: admin, body: { roles: ['r3'] } })).body.result.hits.map((h: { _id: string }) => h._id);
  await update(mock, admin, { policies: [{ roleId: 'r3' }] });
  assert.deepEqual(await hits(), ['p']);
  await update(mock, admin, { policies: [{ roleId: 'default' }] }, '?refresh=false');
  assert.deepEqual(await hits(), ['p']);
  clock += 1000;
  assert.deepEqual(await hits(), []);
});
