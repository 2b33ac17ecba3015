// MQTT client ids over real loopback sockets: the rules of MQTT 3.1.1 §3.1.3.1 and §1.5.3, and who keeps an id when
// two DeviceHive CONNECTs race on it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mqtt from 'mqtt';
import type { RunningMock } from '../../src/server/mock-server.ts';
import { connack, connectPacket, openRaw } from '../helpers/raw-mqtt.ts';
import { startTestMock, url } from '../helpers/start-mock.ts';

// Each test ends on its own well before this; a broker that never answers or never closes would hang it.
const options = { timeout: 20_000 };

let mock: RunningMock;
let admin: { login: string; password: string };
before(async () => {
  mock = await startTestMock(['kuzzle', 'devicehive']);
  admin = ((await mock.credentials()) as unknown as { devicehive: { admin: typeof admin } }).devicehive.admin;
});
after(() => mock.stop());

for (const family of ['kuzzle', 'devicehive'] as const) {
  test(`${family}: an empty client id with CleanSession 0 gets CONNACK 0x02 and the connection is closed [MQTT-3.1.3-8]`, options, async () => {
    const raw = await openRaw(url(mock, family, 'mqtt'));
    raw.socket.write(connectPacket(Buffer.alloc(0), { clean: false }));
    assert.deepEqual(await raw.closed, connack(2));
  });

  test(`${family}: an empty client id with CleanSession 1 is accepted [MQTT-3.1.3-6]`, options, async () => {
    const raw = await openRaw(url(mock, family, 'mqtt'));
    raw.socket.write(connectPacket(Buffer.alloc(0), { clean: true }));
    assert.deepEqual(await raw.received(4), connack(0));
    raw.socket.destroy();
  });

  test(`${family}: a client id that is not UTF-8, or holds U+0000, closes the connection without CONNACK [MQTT-1.5.3-1, MQTT-1.5.3-2]`, options, async () => {
    for (const id of [Buffer.from([0x63, 0xc3, 0x28]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('a\u0000b')]) {
      const raw = await openRaw(url(mock, family, 'mqtt'));
      raw.socket.write(connectPacket(id, { clean: true }));
      assert.deepEqual(await raw.closed, Buffer.alloc(0), id.toString('hex'));
    }
  });

  test(`${family}: a client id with multi-byte characters is accepted`, options, async () => {
    const raw = await openRaw(url(mock, family, 'mqtt'));
    raw.socket.write(connectPacket(Buffer.from('é-ü-😀'), { clean: false }));
    assert.deepEqual(await raw.received(4), connack(0));
    raw.socket.destroy();
  });
}

/** The client's first outcome: CONNACK 0 ('connect'), or a refusal or close before it. */
function outcome(client: mqtt.MqttClient): Promise<'connected' | 'refused'> {
  return new Promise((resolve) => {
    client.once('connect', () => resolve('connected'));
    client.once('error', () => resolve('refused'));
    client.once('close', () => resolve('refused'));
  });
}

function answer(client: mqtt.MqttClient, topic: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (t: string, payload: Buffer) => {
      if (t !== topic) return;
      client.off('message', onMessage);
      resolve(JSON.parse(payload.toString()));
    };
    client.on('message', onMessage);
  });
}

test('devicehive: of two CONNECTs racing on one client id, one keeps the id and gets its answers', options, async () => {
  const id = 'racer';
  const connectOptions = { clientId: id, username: admin.login, password: admin.password, reconnectPeriod: 0 };
  const pair = [mqtt.connect(url(mock, 'devicehive', 'mqtt'), connectOptions), mqtt.connect(url(mock, 'devicehive', 'mqtt'), connectOptions)];
  try {
    const closed = pair.map((c) => new Promise<void>((resolve) => c.once('close', () => resolve())));
    const outcomes = await Promise.all(pair.map(outcome));
    assert.ok(outcomes.includes('connected'), `outcomes: ${outcomes.join(', ')}`);
    // If both got CONNACK 0, the broker closes the older one ([MQTT-3.1.4-2]): wait for that before asking.
    if (outcomes.every((o) => o === 'connected')) await Promise.race(closed);
    const survivors = pair.filter((c) => c.connected);
    assert.equal(survivors.length, 1);
    const survivor = survivors[0]!;
    const topic = `dh/response/user/getCurrent@${id}`;
    await survivor.subscribeAsync(topic);
    const reply = answer(survivor, topic);
    await survivor.publishAsync('dh/request', JSON.stringify({ action: 'user/getCurrent', requestId: 'race' }));
    const current = await reply;
    assert.deepEqual([current.requestId, current.status, (current.current as { login: string }).login], ['race', 'success', admin.login]);
  } finally {
    for (const c of pair) c.end(true);
  }
});

test('devicehive: a CONNECT on an id already connected is refused with return code 5, as devicehive-mqtt does; the first keeps its answers', options, async () => {
  const id = 'holder';
  const connectOptions = { clientId: id, username: admin.login, password: admin.password, reconnectPeriod: 0 };
  const first = await mqtt.connectAsync(url(mock, 'devicehive', 'mqtt'), connectOptions);
  const second = mqtt.connect(url(mock, 'devicehive', 'mqtt'), connectOptions);
  try {
    const refusal = await new Promise<Error & { code?: number }>((resolve) => second.once('error', resolve));
    assert.equal(refusal.code, 5);
    const topic = `dh/response/user/getCurrent@${id}`;
    await first.subscribeAsync(topic);
    const reply = answer(first, topic);
    await first.publishAsync('dh/request', JSON.stringify({ action: 'user/getCurrent', requestId: 'kept' }));
    assert.equal((await reply).status, 'success');
  } finally {
    first.end(true);
    second.end(true);
  }
});

test('devicehive: a client that leaves while its CONNECT logs in does not keep its id from the next one', options, async () => {
  const id = 'leaver';
  const raw = await openRaw(url(mock, 'devicehive', 'mqtt'));
  raw.socket.end(connectPacket(Buffer.from(id), { clean: true, username: admin.login, password: admin.password }));
  await raw.closed;
  const next = await mqtt.connectAsync(url(mock, 'devicehive', 'mqtt'), { clientId: id, username: admin.login, password: admin.password, reconnectPeriod: 0 });
  try {
    const topic = `dh/response/user/getCurrent@${id}`;
    await next.subscribeAsync(topic);
    const reply = answer(next, topic);
    await next.publishAsync('dh/request', JSON.stringify({ action: 'user/getCurrent', requestId: 'next' }));
    assert.equal((await reply).status, 'success');
  } finally {
    next.end(true);
  }
});
