import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FamilyMock, MqttClientApi } from '../../src/core/family.ts';
import { createMock, createUser, login, mqttMessage } from './test-support.ts';

/** An MQTT client as the adapter drives it: it publishes, and collects what is delivered to it. */
function mqttClient(mock: FamilyMock, clientId = 'c1') {
  const delivered: Array<{ topic: string; payload: any }> = [];
  const api: MqttClientApi = {
    clientId,
    deliver: (topic, payload) => delivered.push({ topic, payload: JSON.parse(payload) }),
    publish: () => assert.fail('Kuzzle answers its requester only'),
  };
  return {
    delivered,
    async publish(payload: unknown, topic = 'Kuzzle/request') {
      const before = delivered.length;
      await mqttMessage(mock, api, topic, Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)));
      return delivered[before];
    },
  };
}

test('connect is always accepted; topic rules: Kuzzle/request is write-only, no wildcards, nothing else publishable', async () => {
  const surface = createMock().mqtt!;
  assert.deepEqual(await surface.connect({ clientId: 'c', deliver: () => {}, publish: () => {} }, 'any', Buffer.from('any')), { ok: true });
  assert.equal(surface.subscribe('c', 'Kuzzle/request', 0), null);
  assert.equal(surface.subscribe('c', 'Kuzzle/#', 0), null);
  assert.equal(surface.subscribe('c', '+/response', 0), null);
  assert.equal(surface.subscribe('c', 'Kuzzle/response', 1), 1);
  assert.equal(surface.mayPublish('c', 'Kuzzle/request'), true);
  assert.equal(surface.mayPublish('c', 'Kuzzle/response'), false);
  assert.equal(surface.mayPublish('c', 'other'), false);
});

test('updateSelf over MQTT: the envelope without room, delivered on Kuzzle/response to the requester', async () => {
  const mock = createMock();
  const admin = await login(mock);
  const user = await createUser(mock, admin, 'u1');
  const client = mqttClient(mock);
  const other = mqttClient(mock, 'c2');
  const reply = await client.publish({ controller: 'auth', action: 'updateSelf', jwt: user, body: { fullname: 'MQTT Updated' }, requestId: 'm1' });
  assert.equal(reply?.topic, 'Kuzzle/response');
  assert.deepEqual(Object.keys(reply!.payload), ['action', 'controller', 'error', 'headers', 'requestId', 'result', 'status', 'volatile']);
  assert.equal(reply!.payload.requestId, 'm1');
  assert.equal(reply!.payload.result._source.fullname, 'MQTT Updated');
  assert.equal(other.delivered.length, 0);
  const profile = await client.publish({ controller: 'security', action: 'updateProfile', jwt: admin, _id: 'default', body: { rateLimit: 11 }, requestId: 'm2' });
  assert.equal(profile!.payload.result._source.rateLimit, 11);
});

test('bad payloads: malformed JSON and non-requests answer network.mqtt.unexpected_error; other topics are ignored', async () => {
  const mock = createMock();
  const client = mqttClient(mock);
  const malformed = await client.publish('{"controller":');
  assert.equal(malformed!.payload.error.id, 'network.mqtt.unexpected_error');
  assert.equal(malformed!.payload.error.code, 50462721);
  assert.equal(malformed!.payload.status, 400);
  const scalar = await client.publish('42');
  assert.equal(scalar!.payload.error.message, 'Caught an unexpected MQTT error: Input request data must be a non-null object');
  const badType = await client.publish({ controller: 'auth', action: 'login', jwt: 5 });
  assert.equal(badType!.payload.error.message, 'Caught an unexpected MQTT error: Attribute jwt must be of type "string"');
  assert.equal(await client.publish({ controller: 'auth', action: 'checkToken' }, 'elsewhere'), undefined);
  const anonymous = await client.publish({ controller: 'auth', action: 'updateSelf', body: {}, requestId: 'a' });
  assert.equal(anonymous!.payload.error.id, 'security.rights.unauthorized');
  assert.equal(anonymous!.payload.requestId, 'a');
});

test('login over MQTT gives a token the next payloads use', async () => {
  const mock = createMock();
  const client = mqttClient(mock);
  const logged = await client.publish({ controller: 'auth', action: 'login', strategy: 'local', body: { username: 'admin', password: 'admin-password' } });
  const me = await client.publish({ controller: 'auth', action: 'getCurrentUser', jwt: logged!.payload.result.jwt });
  assert.equal(me!.payload.result._id, 'admin');
  mock.mqtt!.disconnected('c1');
});
