// The admin's user actions through the devicehive-mqtt broker: the same WebSocket actions, on dh/request, answered on
// dh/response/<action>@<clientId>.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, createTestMock, FakeBroker, rest, adminToken } from './test-support.ts';

test('MQTT: user/insert then user/get on dh/request answer on their own response topics and store the user', async () => {
  const { mock } = createTestMock();
  const broker = new FakeBroker(mock);
  assert.deepEqual(await broker.connect('adm', ADMIN.login, ADMIN.password), { ok: true });
  for (const action of ['user/insert', 'user/get', 'user/count']) assert.equal(broker.subscribe('adm', `dh/response/${action}@adm`, 1), 1);
  const [inserted] = await broker.publish('adm', 'dh/request', { action: 'user/insert', requestId: 'i1', user: { login: 'mqttmade', password: 'secret123', role: 1, data: { via: 'mqtt' } } });
  assert.equal(inserted?.topic, 'dh/response/user/insert@adm');
  const id = inserted?.payload.user.id;
  assert.deepEqual(inserted?.payload, { action: 'user/insert', requestId: 'i1', status: 'success', user: { id, lastLogin: null, data: { via: 'mqtt' }, introReviewed: false, allDeviceTypesAvailable: true } });
  const [got] = await broker.publish('adm', 'dh/request', { action: 'user/get', requestId: 'g1', userId: id });
  assert.equal(got?.topic, 'dh/response/user/get@adm');
  assert.deepEqual([got?.payload.status, got?.payload.user.login, got?.payload.user.role, got?.payload.user.data], ['success', 'mqttmade', 1, { via: 'mqtt' }]);
  const overRest = await rest(mock, 'GET', `/user/${id}`, { token: await adminToken(mock) });
  assert.deepEqual(overRest.body, got?.payload.user, 'REST sees the row the MQTT client inserted');
  const [missing] = await broker.publish('adm', 'dh/request', { action: 'user/get', requestId: 'g2', userId: id + 100 });
  assert.deepEqual(missing?.payload, { action: 'user/get', requestId: 'g2', code: 404, status: 'error', error: `User with id = ${id + 100} not found` });
  const [count] = await broker.publish('adm', 'dh/request', { action: 'user/count', requestId: 'c', login: 'mqttmade' });
  assert.equal(count?.payload.count, 1);
});

test('MQTT: an anonymous client cannot subscribe to user/insert answers, and its insert stores nothing', async () => {
  const { mock } = createTestMock();
  const broker = new FakeBroker(mock);
  await broker.connect('anon');
  assert.equal(broker.subscribe('anon', 'dh/response/user/insert@anon'), null);
  assert.deepEqual(await broker.publish('anon', 'dh/request', { action: 'user/insert', user: { login: 'mqttanon', password: 'secret123', role: 0 } }), []);
  const loginAttempt = await rest(mock, 'POST', '/token', { body: { login: 'mqttanon', password: 'secret123' } });
  assert.equal(loginAttempt.status, 401, 'no such user was created');
});

test('MQTT: server/info answers with restServerUrl null, as no handshake Host reaches the session', async () => {
  const { mock } = createTestMock();
  const broker = new FakeBroker(mock);
  await broker.connect('adm', ADMIN.login, ADMIN.password);
  broker.subscribe('adm', 'dh/response/server/info@adm');
  const [info] = await broker.publish('adm', 'dh/request', { action: 'server/info', requestId: 's' });
  assert.deepEqual(info?.payload, { action: 'server/info', requestId: 's', status: 'success', info: { apiVersion: '4.1.0', serverTimestamp: '2024-01-01T00:00:00.000', restServerUrl: null } });
});
