// MQTT.js against both MQTT surfaces of the mock, over real loopback sockets.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mqtt from 'mqtt';
import { nextMessage } from '../helpers/mqtt-message.ts';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

let mock: RunningMock;
let creds: { kuzzle: { admin: { username: string; password: string } }; devicehive: { admin: { login: string; password: string } } };

before(async () => {
  mock = await startTestMock(['kuzzle', 'devicehive']);
  creds = (await mock.credentials()) as never;
});
after(() => mock.stop());


test('Kuzzle MQTT: requests on Kuzzle/request are answered on Kuzzle/response to the requester only, without subscribing', async () => {
  const requester = await mqtt.connectAsync(url(mock, 'kuzzle', 'mqtt'), { clientId: 'k-requester', reconnectPeriod: 0 });
  const other = await mqtt.connectAsync(url(mock, 'kuzzle', 'mqtt'), { clientId: 'k-other', reconnectPeriod: 0 });
  try {
    await other.subscribeAsync('Kuzzle/response');
    let leaked = false;
    other.on('message', () => (leaked = true));
    const login = nextMessage(requester, 'Kuzzle/response');
    await requester.publishAsync('Kuzzle/request', JSON.stringify({ controller: 'auth', action: 'login', strategy: 'local', requestId: 'm-login', body: creds.kuzzle.admin }));
    const answer = await login;
    assert.equal(answer.status, 200);
    assert.equal(answer.requestId, 'm-login');
    assert.equal('room' in answer, false);
    const jwt = answer.result.jwt as string;
    const update = nextMessage(requester, 'Kuzzle/response');
    await requester.publishAsync('Kuzzle/request', JSON.stringify({ controller: 'auth', action: 'updateSelf', requestId: 'm-update', jwt, body: { fullname: 'Over MQTT' } }));
    const updated = await update;
    assert.equal(updated.status, 200);
    assert.equal(updated.result._source.fullname, 'Over MQTT');
    const garbage = nextMessage(requester, 'Kuzzle/response');
    await requester.publishAsync('Kuzzle/request', '{not json');
    const error = await garbage;
    assert.equal(error.status, 400);
    assert.equal(error.error.id, 'network.mqtt.unexpected_error');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(leaked, false, 'another client never sees the answers');
  } finally {
    await Promise.all([requester.endAsync(true), other.endAsync(true)]);
  }
});

test('DeviceHive MQTT: CONNECT with login/password, subscribe, user/updateCurrent on dh/request answered on dh/response/user/updateCurrent@<clientId>', async () => {
  const client = await mqtt.connectAsync(url(mock, 'devicehive', 'mqtt'), { clientId: 'dh-client-1', username: creds.devicehive.admin.login, password: creds.devicehive.admin.password, reconnectPeriod: 0 });
  try {
    const granted = await client.subscribeAsync('dh/response/user/updateCurrent@dh-client-1');
    assert.notEqual(granted[0]?.qos, 128);
    const answer = nextMessage(client, 'dh/response/user/updateCurrent@dh-client-1');
    await client.publishAsync('dh/request', JSON.stringify({ action: 'user/updateCurrent', requestId: 'r-1', user: { data: { via: 'mqtt' } } }));
    assert.deepEqual(await answer, { action: 'user/updateCurrent', requestId: 'r-1', status: 'success' });
    // SUBACK 0x80: MQTT.js turns the refused subscription into an error.
    await assert.rejects(client.subscribeAsync('dh/request'), /Subscribe error/, 'nobody may subscribe to dh/request');
  } finally {
    await client.endAsync(true);
  }
});

test('DeviceHive MQTT: wrong credentials are refused at CONNECT', async () => {
  await assert.rejects(
    mqtt.connectAsync(url(mock, 'devicehive', 'mqtt'), { clientId: 'dh-bad', username: creds.devicehive.admin.login, password: 'wrong-password', reconnectPeriod: 0 }),
    /Not authorized|Bad username or password|Connection refused/i,
  );
});

// A response topic belongs to exactly one client id, "@" included: client "dh-abc", subscribed to dh/response/#,
// never receives the answers of client "dh-abc@victim" (its tokens), and the victim receives all of its own.
test('DeviceHive MQTT: a client id holding "@" owns its response topics; a wildcard subscriber whose id is a prefix gets nothing', async () => {
  const base = url(mock, 'devicehive', 'mqtt');
  const victim = await mqtt.connectAsync(base, { clientId: 'dh-abc@victim', reconnectPeriod: 0 });
  const snoop = await mqtt.connectAsync(base, { clientId: 'dh-abc', username: creds.devicehive.admin.login, password: creds.devicehive.admin.password, reconnectPeriod: 0 });
  try {
    const snooped: string[] = [];
    snoop.on('message', (topic) => snooped.push(topic));
    await snoop.subscribeAsync('dh/response/#');
    await victim.subscribeAsync('dh/response/token@dh-abc@victim');
    const answer = nextMessage(victim, 'dh/response/token@dh-abc@victim');
    await victim.publishAsync('dh/request', JSON.stringify({ action: 'token', requestId: 'v1', login: creds.devicehive.admin.login, password: creds.devicehive.admin.password }));
    const tokens = await answer;
    assert.equal(tokens.status, 'success');
    assert.equal(typeof tokens.accessToken, 'string');
    // The snoop's own answer proves its wildcard subscription is live; the victim's answer went out before it.
    await snoop.subscribeAsync('dh/response/server/info@dh-abc');
    const own = nextMessage(snoop, 'dh/response/server/info@dh-abc');
    await snoop.publishAsync('dh/request', JSON.stringify({ action: 'server/info', requestId: 's1' }));
    assert.equal((await own).requestId, 's1');
    assert.deepEqual(snooped.filter((t) => t.includes('victim')), []);
  } finally {
    await victim.endAsync();
    await snoop.endAsync();
  }
});
