import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import kuzzle, { notDeviable } from './index.ts';
import { createMock, createUser, decodeJwt, http, login, mqttMessage, wsClient } from './test-support.ts';

const root = new URL('../../', import.meta.url);
const catalogue = parse(readFileSync(new URL('specs/catalogue/kuzzle.yaml', root), 'utf8')) as { requirements: Array<{ id: string; level: string }> };
const profile = parse(readFileSync(new URL('specs/profiles/kuzzle-2.56.yaml', root), 'utf8')) as { deviations: Array<{ requirement: string }> };

test('every MUST is either deviable or explained, never both; every kuzzle-2.56 deviation is deviable', () => {
  const musts = catalogue.requirements.filter((r) => r.level === 'MUST').map((r) => r.id);
  for (const id of musts) assert.ok((id in kuzzle.deviations) !== (id in notDeviable), id);
  const known = new Set(catalogue.requirements.map((r) => r.id));
  for (const id of [...Object.keys(kuzzle.deviations), ...Object.keys(notDeviable)]) assert.ok(known.has(id), `${id} is not in the catalogue`);
  for (const { requirement } of profile.deviations) assert.ok(requirement in kuzzle.deviations, requirement);
});

/** A mock with one deviation switched on, an admin token A and a user token U (kuid u1, fullname "W"). */
async function deviating(id: string, options = {}) {
  const mock = createMock([id], options);
  const admin = await login(mock);
  const user = await createUser(mock, admin, 'u1', { fullname: 'W' });
  await http(mock, 'POST', '/profiles/p/_create', { token: admin, body: { policies: [{ roleId: 'default' }] } });
  return { mock, admin, user };
}

const checks: Record<string, (id: string) => Promise<void>> = {
  'kuzzle.updateSelf.route.me': async (id) => {
    const { mock, user } = await deviating(id);
    assert.equal((await http(mock, 'PUT', '/_me', { token: user, body: { a: 1 } })).status, 404);
  },
  'kuzzle.updateSelf.route.message': async (id) => {
    const { mock, user } = await deviating(id);
    assert.equal((await wsClient(mock).send({ controller: 'auth', action: 'updateSelf', jwt: user, body: {} })).error.id, 'api.process.action_not_found');
    assert.equal((await http(mock, 'PUT', '/_me', { token: user, body: { a: 1 } })).status, 200);
  },
  'kuzzle.updateSelf.route.top-level-merge': async (id) => {
    const { mock, user } = await deviating(id);
    const reply = await http(mock, 'PUT', '/_me', { token: user, body: { age: 42 } });
    assert.equal(reply.body.result._source.fullname, undefined);
  },
  'kuzzle.updateSelf.validation.free-properties': async (id) => {
    const { mock, user } = await deviating(id);
    assert.equal((await http(mock, 'PUT', '/_me', { token: user, body: { n: 7 } })).body.result._source.n, '7');
  },
  'kuzzle.updateSelf.deprecated-alias.update-self': async (id) => {
    const { mock, user } = await deviating(id);
    assert.equal((await http(mock, 'PUT', '/_updateSelf', { token: user, body: { a: 1 } })).status, 404);
  },
  'kuzzle.updateSelf.default.refresh-wait-for': async (id) => {
    const { mock, admin, user } = await deviating(id, { now: () => 1_000_000 });
    await http(mock, 'PUT', '/_me', { token: user, body: { mark: 'x' } });
    const search = await http(mock, 'POST', '/users/_search', { token: admin, body: { query: { ids: { values: ['u1'] } } } });
    assert.equal(search.body.result.hits[0]._source.mark, undefined);
  },
  'kuzzle.updateSelf.default.retry-on-conflict': async (id) => {
    const { mock, user } = await deviating(id);
    assert.equal((await http(mock, 'PUT', '/_me?retryOnConflict=3', { token: user, body: {} })).status, 400);
  },
  'kuzzle.updateSelf.default.retry-on-conflict-concurrency': async (id) => {
    const { mock, user } = await deviating(id);
    const burst = (query: string) => Promise.all([1, 2, 3].map((i) => http(mock, 'PUT', `/_me${query}`, { token: user, body: { [`c${i}`]: i } })));
    const bare = await burst('');
    assert.deepEqual(bare.map((r) => r.status).sort(), [200, 500, 500]);
    assert.equal(bare.find((r) => r.status === 500)?.body.error.id, 'services.storage.too_many_changes');
    // An explicit retryOnConflict keeps its meaning: only the default changed.
    assert.deepEqual((await burst('?retryOnConflict=10')).map((r) => r.status), [200, 200, 200]);
  },
  'kuzzle.updateSelf.field-exclusion.profile-ids-unchanged': async (id) => {
    const { mock, admin, user } = await deviating(id);
    await http(mock, 'PUT', '/_me', { token: user, body: { profileIds: ['admin'] } });
    assert.deepEqual((await http(mock, 'GET', '/users/u1', { token: admin })).body.result._source.profileIds, ['admin']);
  },
  'kuzzle.updateSelf.field-exclusion.id-not-retargeted': async (id) => {
    const { mock, admin, user } = await deviating(id);
    await http(mock, 'PUT', '/_me', { token: user, body: { _id: 'admin', fullname: 'Hijack' } });
    assert.equal((await http(mock, 'GET', '/users/admin', { token: admin })).body.result._source.fullname, 'Hijack');
  },
  'kuzzle.updateSelf.role-restriction.no-self-escalation': async (id) => {
    const { mock, user } = await deviating(id);
    await http(mock, 'PUT', '/_me', { token: user, body: { profileIds: ['admin'] } });
    assert.equal((await http(mock, 'PUT', '/profiles/p/_update', { token: user, body: { rateLimit: 3 } })).status, 200);
  },
  'kuzzle.updateSelf.auth.token-required': async (id) => {
    const { mock } = await deviating(id);
    assert.equal((await http(mock, 'PUT', '/_me', { body: { fullname: 'Anon' } })).status, 200);
    assert.equal((await http(mock, 'PUT', '/_me', { token: 'abc', body: { fullname: 'Anon' } })).status, 200);
  },
  'kuzzle.updateSelf.auth.authorization-header': async (id) => {
    const { mock, user } = await deviating(id);
    assert.equal((await http(mock, 'PUT', '/_me', { token: user, body: {} })).status, 401);
  },
  'kuzzle.updateSelf.auth.jwt-argument': async (id) => {
    const { mock, admin, user } = await deviating(id);
    const ws = wsClient(mock);
    await ws.send({ controller: 'auth', action: 'updateSelf', jwt: user, body: {} });
    assert.equal((await ws.send({ controller: 'auth', action: 'updateSelf', jwt: admin, body: {} })).result._id, 'u1');
  },
  'kuzzle.updateSelf.envelope.success': async (id) => {
    const { mock, user } = await deviating(id);
    const reply = await http(mock, 'PUT', '/_me', { token: user, body: {} });
    assert.equal('controller' in reply.body || 'action' in reply.body, false);
  },
  'kuzzle.updateSelf.envelope.result-user': async (id) => {
    const { mock, user } = await deviating(id);
    assert.equal((await http(mock, 'PUT', '/_me', { token: user, body: { fullname: 'New' } })).body.result._source.fullname, 'W');
  },
  'kuzzle.updateSelf.envelope.no-credentials': async (id) => {
    const { mock, user } = await deviating(id);
    assert.ok((await http(mock, 'PUT', '/_me', { token: user, body: {} })).raw.body!.includes('u1-secret'));
  },
  'kuzzle.updateProfile.route.http': async (id) => {
    const { mock, admin } = await deviating(id);
    assert.equal((await http(mock, 'PUT', '/profiles/p/_update', { token: admin, body: {} })).status, 404);
  },
  'kuzzle.updateProfile.route.message': async (id) => {
    const { mock, admin } = await deviating(id);
    const reply = await wsClient(mock).send({ controller: 'security', action: 'updateProfile', _id: 'p', jwt: admin, body: {} });
    assert.equal(reply.error.id, 'api.process.action_not_found');
  },
  'kuzzle.updateProfile.route.partial-update': async (id) => {
    const { mock, admin } = await deviating(id);
    await http(mock, 'PUT', '/profiles/p/_update', { token: admin, body: { policies: [{ roleId: 'admin' }] } });
    const reply = await http(mock, 'PUT', '/profiles/p/_update', { token: admin, body: { rateLimit: 7 } });
    assert.deepEqual(reply.body.result._source.policies, [{ roleId: 'default' }]);
  },
  'kuzzle.updateProfile.default.refresh-wait-for': async (id) => {
    const { mock, admin } = await deviating(id, { now: () => 2_000_000 });
    await http(mock, 'PUT', '/profiles/p/_update', { token: admin, body: { policies: [{ roleId: 'admin' }] } });
    const search = await http(mock, 'POST', '/profiles/_search', { token: admin, body: { roles: ['admin'] } });
    assert.equal(search.body.result.hits.some((h: { _id: string }) => h._id === 'p'), false);
  },
  'kuzzle.updateProfile.default.retry-on-conflict': async (id) => {
    const { mock, admin } = await deviating(id);
    assert.equal((await http(mock, 'PUT', '/profiles/p/_update?retryOnConflict=2', { token: admin, body: {} })).status, 400);
  },
  'kuzzle.all.transport.mqtt-requester-only': async (id) => {
    const { mock, user } = await deviating(id);
    const inbox = (clientId: string) => {
      const got: string[] = [];
      return { got, api: { clientId, deliver: (_topic: string, payload: string) => void got.push(payload), publish: () => {} } };
    };
    const [one, two] = [inbox('one'), inbox('two')];
    for (const c of [one, two]) assert.deepEqual(await mock.mqtt!.connect(c.api), { ok: true });
    await mqttMessage(mock, one.api, 'Kuzzle/request', Buffer.from(JSON.stringify({ controller: 'auth', action: 'updateSelf', jwt: user, body: {}, requestId: 'r1' })));
    assert.equal(JSON.parse(two.got[0] ?? '{}').requestId, 'r1', 'the other client receives the answer');
    assert.equal(one.got.length, 1, 'the requester receives it once');
  },
  'kuzzle.updateProfile.default.force-false': async (id) => {
    const { mock, admin } = await deviating(id);
    const body = { policies: [{ roleId: 'default', restrictedTo: [{ index: 'missing' }] }] };
    assert.equal((await http(mock, 'PUT', '/profiles/p/_update', { token: admin, body })).status, 200);
  },
  'kuzzle.updateProfile.validation.force-allows-missing': async (id) => {
    const { mock, admin } = await deviating(id);
    const body = { policies: [{ roleId: 'default', restrictedTo: [{ index: 'missing', collections: ['c'] }] }] };
    assert.equal((await http(mock, 'PUT', '/profiles/p/_update?force', { token: admin, body })).status, 412);
  },
  'kuzzle.updateProfile.validation.definition-accepted': async (id) => {
    const { mock, admin } = await deviating(id);
    await http(mock, 'POST', '/idx/_create', { token: admin });
    const body = { policies: [{ roleId: 'default', restrictedTo: [{ index: 'idx' }] }] };
    assert.equal((await http(mock, 'PUT', '/profiles/p/_update', { token: admin, body })).body.error.id, 'api.assert.unexpected_argument');
  },
  'kuzzle.updateProfile.validation.id-required': async (id) => {
    const { mock, admin } = await deviating(id);
    const reply = await wsClient(mock).send({ controller: 'security', action: 'updateProfile', jwt: admin, body: { rateLimit: 1 } });
    assert.equal(reply.status, 200);
    assert.equal(reply.result._id, 'default');
  },
  'kuzzle.updateProfile.validation.unknown-profile': async (id) => {
    const { mock, admin } = await deviating(id);
    await http(mock, 'PUT', '/profiles/none/_update', { token: admin, body: { rateLimit: 1 } });
    assert.equal((await http(mock, 'GET', '/profiles/none', { token: admin })).status, 200);
  },
  'kuzzle.updateProfile.auth.token': async (id) => {
    const { mock, admin } = await deviating(id);
    assert.equal((await http(mock, 'PUT', '/profiles/p/_update', { token: admin, body: { rateLimit: 11 } })).status, 401);
  },
  'kuzzle.updateProfile.envelope.success': async (id) => {
    const { mock, admin } = await deviating(id);
    assert.equal('requestId' in (await http(mock, 'PUT', '/profiles/p/_update', { token: admin, body: {} })).body, false);
  },
  'kuzzle.updateProfile.envelope.result-version': async (id) => {
    const { mock, admin } = await deviating(id);
    assert.equal('_version' in (await http(mock, 'PUT', '/profiles/p/_update', { token: admin, body: {} })).body.result, false);
  },
  'kuzzle.all.envelope.http-status': async (id) => {
    const { mock } = await deviating(id);
    const reply = await http(mock, 'PUT', '/_me', { body: {} });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.status, 401);
  },
  'kuzzle.all.envelope.error': async (id) => {
    const { mock } = await deviating(id);
    assert.equal('status' in (await http(mock, 'PUT', '/_me', { body: {} })).body.error, false);
  },
  'kuzzle.all.envelope.request-id-echo': async (id) => {
    const { mock, user } = await deviating(id);
    const reply = await wsClient(mock).send({ controller: 'auth', action: 'updateSelf', jwt: user, body: {}, requestId: 'mine' });
    assert.notEqual(reply.requestId, 'mine');
  },
  'kuzzle.all.transport.ws-room': async (id) => {
    const { mock } = await deviating(id);
    assert.equal('room' in (await wsClient(mock).send({ controller: 'auth', action: 'checkToken', requestId: 'r' })), false);
  },
  'kuzzle.all.transport.ws-heartbeat': async (id) => {
    const { mock } = await deviating(id);
    assert.notDeepEqual(await wsClient(mock).send('{"p":1}'), { p: 2 });
  },
  'kuzzle.all.transport.mqtt-response-topic': async (id) => {
    const { mock } = await deviating(id);
    const topics: string[] = [];
    const api = { clientId: 'c', deliver: (topic: string) => topics.push(topic), publish: () => {} };
    await mqttMessage(mock, api, 'Kuzzle/request', Buffer.from('{"controller":"auth","action":"checkToken"}'));
    assert.deepEqual(topics, ['Kuzzle/responses']);
  },
  'kuzzle.all.route.public-api': async (id) => {
    const { mock } = await deviating(id);
    const api = (await http(mock, 'GET', '/_publicApi')).body.result;
    assert.equal(api.auth.updateSelf, undefined);
    assert.equal(api.security.updateProfile, undefined);
  },
  'kuzzle.updateSelf.auth.expired-token-refused': async (id) => {
    let clock = 10_000_000;
    const { mock } = await deviating(id, { now: () => clock });
    const short = await http(mock, 'POST', '/_login/local?expiresIn=1000', { body: { username: 'u1-login', password: 'u1-secret' } });
    clock += 3000;
    // A later login must not drop the expired token either.
    await http(mock, 'POST', '/_login/local', { body: { username: 'u1-login', password: 'u1-secret' } });
    const late = await http(mock, 'PUT', '/_me', { token: short.body.result.jwt, body: { fullname: 'late' } });
    assert.equal(late.status, 200);
    assert.equal(late.body.result._source.fullname, 'late');
    const forged = await http(mock, 'PUT', '/_me', { token: `${short.body.result.jwt.slice(0, -2)}xx`, body: { fullname: 'forged' } });
    assert.equal(forged.status, 401, 'the signature is still checked');
  },
  'kuzzle.all.auth.expired-token': async (id) => {
    let clock = 10_000_000;
    const { mock } = await deviating(id, { now: () => clock });
    const short = await http(mock, 'POST', '/_login/local?expiresIn=1000', { body: { username: 'u1-login', password: 'u1-secret' } });
    clock += 3000;
    const expired = await http(mock, 'PUT', '/_me', { token: short.body.result.jwt, body: { fullname: 'late' } });
    assert.equal(expired.status, 401);
    assert.equal(expired.body.error.id, 'security.token.expired');
  },
  'kuzzle.all.auth.login-jwt': async (id) => {
    const { mock } = await deviating(id);
    const jwt = await login(mock);
    assert.throws(() => decodeJwt(jwt));
    assert.equal((await http(mock, 'GET', '/_me', { token: jwt })).body.result._id, 'admin');
  },
  'kuzzle.all.validation.unknown-arguments-ignored': async (id) => {
    const { mock, user } = await deviating(id);
    assert.equal((await http(mock, 'PUT', '/_me?verb=POST', { token: user, body: {} })).body.error.id, 'api.assert.unexpected_argument');
  },
};

test('every deviation has a check here', () => {
  assert.deepEqual(Object.keys(checks).sort(), Object.keys(kuzzle.deviations).sort());
});

for (const [id, check] of Object.entries(checks)) test(`deviation ${id} produces its violation`, () => check(id));

test('without deviations none of these violations happens (spot check)', async () => {
  const { mock, user } = await deviating('none');
  assert.equal((await http(mock, 'PUT', '/_me?verb=POST', { token: user, body: { fullname: 'New' } })).body.result._source.fullname, 'New');
  assert.deepEqual(await wsClient(mock).send('{"p":1}'), { p: 2 });
});
