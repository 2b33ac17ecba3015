import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, createClient, createTestMock, login, rest, userById } from './test-support.ts';
import devicehive, { notDeviable } from './index.ts';

test('reset returns to the seed: created users are gone, changed ones restored', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const token = (await login(mock, ADMIN)).accessToken;
  await rest(mock, 'PUT', '/user/current', { token, body: { data: { changed: true }, password: 'changed123' } });
  mock.reset();
  const admin = await login(mock, ADMIN);
  assert.equal((await rest(mock, 'GET', `/user/${c.id}`, { token: admin.accessToken })).status, 404);
  assert.equal((await rest(mock, 'GET', '/user/current', { token: admin.accessToken })).body.data, null);
  const again = await createClient(mock);
  assert.equal(again.id, 2, 'the identity sequence restarts with the seed');
});

test('exportState and importState round-trip through JSON, identity sequence included', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock, { data: { kept: [1, 2] }, introReviewed: true });
  await createClient(mock);
  const saved = JSON.parse(JSON.stringify(mock.exportState()));
  const { mock: restored } = createTestMock();
  restored.importState(saved);
  assert.deepEqual(await userById(restored, c.id), await userById(mock, c.id));
  await login(restored, { login: c.login, password: 'secret123' });
  const next = await createClient(restored);
  assert.equal(next.id, c.id + 2);
  assert.deepEqual(JSON.parse(JSON.stringify(mock.exportState())), saved, 'importing does not change the source');
});

test('importState refuses a broken state and keeps the current one', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  for (const bad of [null, { users: 'x', nextId: 1 }, { users: [{ id: '1', version: 1, source: { id: 1 } }], nextId: 2 }]) {
    assert.throws(() => mock.importState(bad), /devicehive state/);
  }
  assert.equal((await userById(mock, c.id)).login, c.login);
});

test('a seed replaces the default users; credentials() names its first active administrator', async () => {
  const seed = {
    users: [
      { id: 7, login: 'locked.admin', password: 'lockedpass', role: 0, status: 1 },
      { id: 10, login: 'boss', password: 'bosspass1', role: 0, data: { team: 'a' } },
      { id: 11, login: 'worker', password: 'workpass1', role: 1, introReviewed: true },
    ],
  };
  const { mock } = createTestMock([], { seed });
  assert.deepEqual(await mock.credentials(), { admin: { login: 'boss', password: 'bosspass1' } });
  const boss = await login(mock, { login: 'boss', password: 'bosspass1' });
  assert.deepEqual((await rest(mock, 'GET', '/user/current', { token: boss.accessToken })).body.data, { team: 'a' });
  assert.equal((await rest(mock, 'POST', '/token', { body: ADMIN })).status, 401);
  const created = await rest(mock, 'POST', '/user', { token: boss.accessToken, body: { login: 'newbie', password: 'secret123', role: 1 } });
  assert.equal(created.body.id, 12);
});

test('the default seed is dhadmin / dhadmin_#911, id 1, role 0', async () => {
  const { mock } = createTestMock();
  assert.deepEqual(await mock.credentials(), { admin: { login: 'dhadmin', password: 'dhadmin_#911' } });
  const me = (await rest(mock, 'GET', '/user/current', { token: (await login(mock, ADMIN)).accessToken })).body;
  assert.deepEqual([me.id, me.login, me.role, me.status], [1, 'dhadmin', 0, 0]);
});

test('an invalid seed throws an Error that names the field', () => {
  const create = (seed: unknown) => createTestMock([], { seed });
  assert.throws(() => create({ users: [{ id: 1, login: 'x', password: 'secret123', role: 0 }] }), /devicehive seed: \/users\/0\/login/);
  assert.throws(() => create({ users: [{ id: 1, login: 'admin', password: 'secret123', role: 3 }] }), /\/users\/0\/role/);
  assert.throws(() => create({ users: [] }), /\/users/);
  assert.throws(() => create({ users: [{ id: 1, login: 'admin', password: 'secret123', role: 0, extra: 1 }] }), /\/users\/0 must NOT have additional properties/);
  const dup = { users: [{ id: 1, login: 'admin', password: 'secret123', role: 0 }, { id: 1, login: 'other', password: 'secret123', role: 1 }] };
  assert.throws(() => create(dup), /\/users\/1\/id repeats \/users\/0/);
  const sameLogin = { users: [{ id: 1, login: 'admin', password: 'secret123', role: 0 }, { id: 2, login: 'admin', password: 'secret123', role: 1 }] };
  assert.throws(() => create(sameLogin), /\/users\/1\/login repeats/);
  assert.throws(() => create({ users: [{ id: 1, login: 'client', password: 'secret123', role: 1 }] }), /needs an active administrator/);
});

test('faultResponse is the proxy\'s 500 body; the module exports its deviations', () => {
  const { mock } = createTestMock();
  const fault = mock.faultResponse();
  assert.deepEqual([fault.status, JSON.parse(fault.body!)], [500, { error: 500, message: 'Internal Server Error' }]);
  assert.equal(devicehive.family, 'devicehive');
  assert.ok(Object.keys(devicehive.deviations).length > 0);
  assert.deepEqual(notDeviable, {});
});
