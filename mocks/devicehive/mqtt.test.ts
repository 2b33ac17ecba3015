import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, createClient, createTestMock, FakeBroker, mint, userById } from './test-support.ts';

test('CONNECT with login and password authenticates; user/updateCurrent on dh/request answers on dh/response/user/updateCurrent@<cid>', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const broker = new FakeBroker(mock);
  assert.deepEqual(await broker.connect('cid1', c.login, 'secret123'), { ok: true });
  assert.equal(broker.subscribe('cid1', 'dh/response/user/updateCurrent@cid1', 1), 1);
  const qos0 = await broker.publish('cid1', 'dh/request', { action: 'user/updateCurrent', requestId: 'm1', user: { data: { t: 1 } } });
  assert.deepEqual(qos0, [{ topic: 'dh/response/user/updateCurrent@cid1', payload: { action: 'user/updateCurrent', requestId: 'm1', status: 'success' } }]);
  await broker.publish('cid1', 'dh/request', { action: 'user/updateCurrent', requestId: 'm2', user: { data: { t: 2 } } });
  assert.deepEqual((await userById(mock, c.id)).data, { t: 2 });
  const [refused] = await broker.publish('cid1', 'dh/request', { action: 'user/updateCurrent', requestId: 'e1', user: { role: 0 } });
  assert.deepEqual(refused?.payload, { action: 'user/updateCurrent', requestId: 'e1', code: 403, status: 'error', error: 'Admin permissions required for this action' });
});

test('bad CONNECT credentials are refused with return code 5; a second connection with the same id too', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const broker = new FakeBroker(mock);
  assert.deepEqual(await broker.connect('cid', c.login, 'wrongpass1'), { ok: false, returnCode: 5, reason: 'Invalid credentials' });
  assert.equal((await broker.connect('cid', 'nobody', 'whatever')).ok, false);
  assert.deepEqual(await broker.connect('cid', ADMIN.login, ADMIN.password), { ok: true });
  assert.equal((await broker.connect('cid')).ok, false);
  mock.mqtt!.disconnected('cid');
  assert.equal((await broker.connect('cid')).ok, true);
});

test('anonymous clients subscribe only to token and authenticate answers until authenticate succeeds', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const broker = new FakeBroker(mock);
  assert.deepEqual(await broker.connect('anon'), { ok: true });
  assert.equal(broker.subscribe('anon', 'dh/response/user/updateCurrent@anon'), null);
  assert.equal(broker.subscribe('anon', 'dh/response/authenticate@anon'), 0);
  assert.equal(broker.subscribe('anon', 'dh/response/token@anon', 1), 1);
  assert.equal(broker.subscribe('anon', 'plain/topic', 1), 1, 'topics outside dh/ are a plain broker');
  assert.deepEqual(await broker.publish('anon', 'dh/request', { action: 'user/updateCurrent', requestId: 'q0', user: { data: { q: 0 } } }), []);
  assert.equal((await userById(mock, c.id)).data, null, 'before authenticate nothing changes');
  const [auth] = await broker.publish('anon', 'dh/request', { action: 'authenticate', requestId: 'x', token: c.token });
  assert.deepEqual(auth, { topic: 'dh/response/authenticate@anon', payload: { action: 'authenticate', requestId: 'x', status: 'success' } });
  assert.equal(broker.subscribe('anon', 'dh/response/user/updateCurrent@anon'), 0);
  const [answer] = await broker.publish('anon', 'dh/request', { action: 'user/updateCurrent', requestId: 'q1', user: { data: { q: 1 } } });
  assert.equal(answer?.payload.status, 'success');
  assert.deepEqual((await userById(mock, c.id)).data, { q: 1 });
});

test('a failed authenticate does not authorize; the token action answers on dh/response/token@<cid>', async () => {
  const { mock } = createTestMock();
  const broker = new FakeBroker(mock);
  await broker.connect('anon');
  broker.subscribe('anon', 'dh/response/authenticate@anon');
  broker.subscribe('anon', 'dh/response/token@anon');
  const [bad] = await broker.publish('anon', 'dh/request', { action: 'authenticate', requestId: 'b', token: 'garbage' });
  assert.deepEqual([bad?.payload.code, bad?.payload.error], [401, 'Invalid credentials']);
  assert.equal(broker.subscribe('anon', 'dh/response/user/updateCurrent@anon'), null);
  const [tokens] = await broker.publish('anon', 'dh/request', { action: 'token', requestId: 't', login: ADMIN.login, password: ADMIN.password });
  assert.equal(typeof tokens?.payload.accessToken, 'string');
  assert.equal(broker.subscribe('anon', 'dh/response/user/updateCurrent@anon'), null, 'token alone does not authorize');
});

test('answers reach only their owner, and only after it subscribed to the exact topic', async () => {
  const { mock } = createTestMock();
  const broker = new FakeBroker(mock);
  await broker.connect('a', ADMIN.login, ADMIN.password);
  await broker.connect('b', ADMIN.login, ADMIN.password);
  assert.deepEqual(await broker.publish('a', 'dh/request', { action: 'user/getCurrent', requestId: 1 }), [], 'not subscribed yet: no answer');
  broker.subscribe('b', 'dh/response/user/updateCurrent@a');
  broker.subscribe('a', 'dh/response/user/updateCurrent@a');
  assert.equal((await broker.publish('a', 'dh/request', { action: 'user/updateCurrent', requestId: 2, user: {} })).length, 1);
  assert.deepEqual(broker.clients.get('b')?.received, []);
  assert.equal(mock.mqtt!.mayForward('b', 'dh/response/user/updateCurrent@a'), false);
  assert.equal(mock.mqtt!.mayForward('a', 'plain/topic'), true);
});

test('nobody subscribes to dh/request or reads it; only dh/request and topics outside dh/ may be published', async () => {
  const { mock } = createTestMock();
  const broker = new FakeBroker(mock);
  await broker.connect('a', ADMIN.login, ADMIN.password);
  for (const topic of ['dh/request', 'dh/req', 'dh']) assert.equal(broker.subscribe('a', topic), null, topic);
  assert.equal(mock.mqtt!.mayForward('a', 'dh/request'), false);
  assert.deepEqual(['dh/request', 'dh/request/x', 'dh/response/user/updateCurrent@b', 'dh/notification', 'other'].map((t) => mock.mqtt!.mayPublish('a', t)), [true, true, false, false, true]);
});

test('malformed payloads and unknown actions never throw; a malformed answer goes to dh/response/@<cid>', async () => {
  const { mock } = createTestMock();
  const broker = new FakeBroker(mock);
  await broker.connect('a', ADMIN.login, ADMIN.password);
  broker.subscribe('a', 'dh/response/@a');
  broker.subscribe('a', 'dh/response/nope@a');
  assert.deepEqual(await broker.publish('a', 'dh/request', 'not json'), [{ topic: 'dh/response/@a', payload: { code: 400, status: 'error', error: 'Malformed Json received.' } }]);
  assert.equal((await broker.publish('a', 'dh/request', { action: 'nope' }))[0]?.payload.error, 'Illegal argument: nope');
  assert.deepEqual(await broker.publish('a', 'plain/topic', 'anything'), [], 'plain MQTT traffic is not a request');
  await mock.mqtt!.message(broker.api('ghost'), 'dh/request', Buffer.from('{}'));
});

test('an MQTT client authenticated with a minted token without UpdateCurrentUser gets code 403', async () => {
  const { mock } = createTestMock();
  const c = await createClient(mock);
  const broker = new FakeBroker(mock);
  await broker.connect('m');
  broker.subscribe('m', 'dh/response/authenticate@m');
  await broker.publish('m', 'dh/request', { action: 'authenticate', token: await mint(mock, c.id, ['GetCurrentUser']) });
  broker.subscribe('m', 'dh/response/user/updateCurrent@m');
  const [answer] = await broker.publish('m', 'dh/request', { action: 'user/updateCurrent', requestId: 'r', user: { data: { x: 1 } } });
  assert.deepEqual([answer?.payload.code, answer?.payload.error], [403, 'Access is denied']);
  assert.equal((await userById(mock, c.id)).data, null);
});

test('of two CONNECTs racing on one id (both logging in at once), the newer is accepted and the older refused', async () => {
  const { mock } = createTestMock();
  const broker = new FakeBroker(mock);
  const [older, newer] = await Promise.all([broker.connect('race', ADMIN.login, ADMIN.password), broker.connect('race', ADMIN.login, ADMIN.password)]);
  assert.deepEqual(older, { ok: false, returnCode: 5, reason: 'User with id race already connected' });
  assert.deepEqual(newer, { ok: true });
  assert.equal(broker.subscribe('race', 'dh/response/user/getCurrent@race'), 0);
  const [current] = await broker.publish('race', 'dh/request', { action: 'user/getCurrent', requestId: 'g' });
  assert.equal(current?.payload.status, 'success');
});
