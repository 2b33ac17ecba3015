// Tenants over MQTT: chosen by the CONNECT username's "<tenant>:" prefix; a bad tenant name is refused at CONNECT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import mqtt from 'mqtt';
import { nextMessage } from '../helpers/mqtt-message.ts';
import { startTestMock, url } from '../helpers/start-mock.ts';


async function ask(client: mqtt.MqttClient, request: object): Promise<Record<string, any>> {
  const answer = nextMessage(client, 'Kuzzle/response');
  await client.publishAsync('Kuzzle/request', JSON.stringify({ requestId: `r-${Math.random()}`, ...request }));
  return answer;
}

test('Kuzzle MQTT: a profile made by a client of tenant mq-a (username "mq-a:") is not in tenant mq-b nor the default one; it is in mq-a over HTTP', async () => {
  const mock = await startTestMock(['kuzzle']);
  const { admin } = (await mock.credentials()).kuzzle as { admin: { username: string; password: string } };
  const inA = await mqtt.connectAsync(url(mock, 'kuzzle', 'mqtt'), { clientId: 'tenant-a', username: 'mq-a:', reconnectPeriod: 0 });
  const inB = await mqtt.connectAsync(url(mock, 'kuzzle', 'mqtt'), { clientId: 'tenant-b', username: 'mq-b:', reconnectPeriod: 0 });
  try {
    const jwtA = (await ask(inA, { controller: 'auth', action: 'login', strategy: 'local', body: admin })).result.jwt as string;
    const created = await ask(inA, { controller: 'security', action: 'createProfile', _id: 'mqtt-only-a', jwt: jwtA, body: { policies: [{ roleId: 'default' }] } });
    assert.equal(created.status, 200, JSON.stringify(created));
    const jwtB = (await ask(inB, { controller: 'auth', action: 'login', strategy: 'local', body: admin })).result.jwt as string;
    assert.equal((await ask(inB, { controller: 'security', action: 'getProfile', _id: 'mqtt-only-a', jwt: jwtB })).status, 404);
    const overHttp = await fetch(`${url(mock, 'kuzzle')}/profiles/mqtt-only-a`, { headers: { authorization: `Bearer ${jwtA}`, 'x-conform-tenant': 'mq-a' } });
    assert.equal(overHttp.status, 200);
    // A logout in a revokes a's session only (the two logins may even have given the same JWT: one user, one second).
    assert.equal((await ask(inA, { controller: 'auth', action: 'logout', jwt: jwtA })).status, 200);
    assert.equal((await ask(inA, { controller: 'auth', action: 'getCurrentUser', jwt: jwtA })).status, 401);
    assert.equal((await ask(inB, { controller: 'auth', action: 'getCurrentUser', jwt: jwtB })).status, 200);
    await assert.rejects(mqtt.connectAsync(url(mock, 'kuzzle', 'mqtt'), { clientId: 'tenant-bad', username: 'NOT_VALID:', reconnectPeriod: 0 }), /Bad username or password|refused/i);
  } finally {
    await Promise.all([inA.endAsync(true), inB.endAsync(true)]);
    await mock.stop();
  }
});
