// Two `conform mock` processes on one Redis (--store redis://…): each family's MQTT broker is one broker across both.
// What is proved, with MQTT.js against the real processes and a raw Redis subscriber watching the broker's channels:
// a DeviceHive requester on process B gets its own dh/response/…@<clientId> answer, the answer crosses Redis (where
// process A's broker receives it too, and forwards it to none of its clients), the request is handled by one process
// exactly once; a plain publish on A reaches a subscriber on B; Kuzzle's answers still go to the requester only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mqtt, { type MqttClient } from 'mqtt';
import { Redis } from 'ioredis';
import { startMockProcess, type MockProcess } from '../helpers/mock-process.ts';
import { skipWithoutRedis, startRedis, type RedisServer } from '../helpers/redis-server.ts';

const redisMissing = skipWithoutRedis || undefined;

const SECRET = 'conform-test-secret-across';
const PREFIX = 'acrosstest';
let redis: RedisServer;
let a: MockProcess;
let b: MockProcess;
let urlsA: Record<string, string>;
let urlsB: Record<string, string>;
let watcher: Redis;
/** Every message Redis carried on the DeviceHive broker's channels, in order. */
const carried: Array<{ channel: string; size: number }> = [];
const clients: MqttClient[] = [];

function credentials(stdout: string, family: string): Record<string, string> {
  const line = new RegExp(`^ {2}${family}\\s+credentials (.+)$`, 'm').exec(stdout);
  assert.ok(line, `no ${family} credentials in the banner`);
  return (JSON.parse(line[1]!) as { admin: Record<string, string> }).admin;
}

async function connect(url: string, options: mqtt.IClientOptions): Promise<{ client: MqttClient; received: Array<{ topic: string; payload: string }> }> {
  const client = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 5000, ...options });
  clients.push(client);
  const received: Array<{ topic: string; payload: string }> = [];
  client.on('message', (topic, payload) => received.push({ topic, payload: payload.toString() }));
  return { client, received };
}

async function until(what: string, check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Long enough for a stray copy to cross Redis and a broker (both well under a millisecond on loopback). */
const settle = () => new Promise((r) => setTimeout(r, 300));

async function trafficOf(urls: Record<string, string>, family: string): Promise<Array<{ summary: string; body?: string; direction: string }>> {
  const base = new URL(urls[`${family} http`]!).origin;
  const answer = await fetch(`${base}/__conform/traffic?family=${family}&transport=mqtt`);
  return ((await answer.json()) as { entries: Array<{ summary: string; body?: string; direction: string }> }).entries;
}

before(async () => {
  if (redisMissing) return;
  redis = await startRedis();
  const args = ['--family', 'devicehive,kuzzle', '--store', redis.url, '--store-prefix', PREFIX, '--jwt-secret', SECRET];
  a = startMockProcess(args);
  b = startMockProcess(args);
  [urlsA, urlsB] = await Promise.all([a.ready, b.ready]);
  watcher = new Redis(redis.url);
  await watcher.psubscribe(`${PREFIX}:_mqtt:devicehive/*`);
  watcher.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, message: Buffer) => carried.push({ channel: channel.toString(), size: message.length }));
});

after(async () => {
  for (const client of clients) client.end(true);
  watcher?.disconnect();
  for (const mock of [a, b]) mock?.child.kill('SIGTERM');
  await Promise.all([a?.exited, b?.exited]);
  await redis?.stop();
});

test('a DeviceHive requester on B gets exactly its own response, through Redis; an authorized client on A subscribed to that topic gets nothing', { skip: redisMissing }, async () => {
  const admin = credentials(a.output(), 'devicehive');
  const login = { username: admin.login, password: admin.password };
  const x = await connect(urlsB['devicehive mqtt']!, { clientId: 'x-on-b', ...login });
  const y = await connect(urlsA['devicehive mqtt']!, { clientId: 'y-on-a', ...login });
  const reply = 'dh/response/user/getCurrent@x-on-b';
  await x.client.subscribeAsync(reply);
  // Y is authorized, so devicehive-mqtt grants it the subscription (its forwarding, not its SUBACK, keeps the owner's
  // answers private), and "#" besides.
  const granted = await y.client.subscribeAsync([reply, '#']);
  assert.deepEqual(granted.map((g) => g.qos), [0, 0], 'both subscriptions granted on A');
  // The subscriptions live in Redis: wait until A's broker has told B's (a QoS 0 publish is not queued for later).
  await settle();
  const before = carried.length;
  await x.client.publishAsync('dh/request', JSON.stringify({ action: 'user/getCurrent', requestId: 'across-1' }));
  await until('the response on B', () => x.received.length > 0);
  await settle();
  assert.equal(x.received.length, 1, `exactly one answer: ${JSON.stringify(x.received)}`);
  const answer = JSON.parse(x.received[0]!.payload) as { requestId: string; status: string; current?: { login: string } };
  assert.equal(x.received[0]!.topic, reply);
  assert.deepEqual([answer.requestId, answer.status, answer.current?.login], ['across-1', 'success', admin.login]);
  assert.deepEqual(y.received, [], 'nothing reached the client on A');
  // The answer crossed Redis once, on the response topic's channel (so A's broker received it and forwarded it to nobody);
  // the request crossed it once too, and was handled by B only.
  const during = carried.slice(before).filter((m) => !m.channel.includes('$SYS'));
  assert.deepEqual(during.map((m) => m.channel), [`${PREFIX}:_mqtt:devicehive/dh/request`, `${PREFIX}:_mqtt:devicehive/${reply}`]);
  const handled = async (urls: Record<string, string>) => (await trafficOf(urls, 'devicehive')).filter((e) => e.direction === 'in' && e.body?.includes('across-1'));
  assert.equal((await handled(urlsB)).length, 1, 'B handled the request once');
  assert.equal((await handled(urlsA)).length, 0, 'A never handled it, though its broker received it through Redis');
  // Y's own request on A is answered on A, to Y alone.
  await y.client.subscribeAsync('dh/response/user/getCurrent@y-on-a');
  await y.client.publishAsync('dh/request', JSON.stringify({ action: 'user/getCurrent', requestId: 'across-2' }));
  await until('the response on A', () => y.received.length > 0);
  await settle();
  assert.deepEqual((y.received as Array<{ topic: string; payload: string }>).map((m) => [m.topic, (JSON.parse(m.payload) as { requestId: string }).requestId]), [['dh/response/user/getCurrent@y-on-a', 'across-2']]);
  assert.equal(x.received.length, 1, 'nothing more reached X');
});

test('tenants over the shared broker: a team-a requester on B gets its answer; a team-b client on A subscribed to it gets nothing', { skip: redisMissing }, async () => {
  const admin = credentials(a.output(), 'devicehive');
  const x = await connect(urlsB['devicehive mqtt']!, { clientId: 'tenant-x', username: `team-a:${admin.login}`, password: admin.password });
  const y = await connect(urlsA['devicehive mqtt']!, { clientId: 'tenant-y', username: `team-b:${admin.login}`, password: admin.password });
  const reply = 'dh/response/user/getCurrent@tenant-x';
  await x.client.subscribeAsync(reply);
  await y.client.subscribeAsync([reply, '#']);
  await settle();
  await x.client.publishAsync('dh/request', JSON.stringify({ action: 'user/getCurrent', requestId: 'tenant-1' }));
  await until('the team-a answer', () => x.received.length > 0);
  await settle();
  assert.deepEqual(x.received.map((m) => [m.topic, (JSON.parse(m.payload) as { requestId: string; status: string }).status]), [[reply, 'success']]);
  assert.deepEqual(y.received, []);
});

test('a plain MQTT publish on A reaches a subscriber on B once: the two brokers are one', { skip: redisMissing }, async () => {
  const p = await connect(urlsA['devicehive mqtt']!, { clientId: 'plain-pub' });
  const q = await connect(urlsB['devicehive mqtt']!, { clientId: 'plain-sub' });
  await q.client.subscribeAsync('plain/across', { qos: 1 });
  await settle();
  await p.client.publishAsync('plain/across', 'hello from A', { qos: 1 });
  await until('the message on B', () => q.received.length > 0);
  await settle();
  assert.deepEqual(q.received, [{ topic: 'plain/across', payload: 'hello from A' }]);
  assert.deepEqual(p.received, []);
});

test('a retained message published on A is delivered to a later subscriber on B: retained messages live in Redis', { skip: redisMissing }, async () => {
  const p = await connect(urlsA['devicehive mqtt']!, { clientId: 'retain-pub' });
  await p.client.publishAsync('plain/retained', 'kept', { qos: 1, retain: true });
  p.client.end(true);
  const q = await connect(urlsB['devicehive mqtt']!, { clientId: 'retain-sub' });
  await q.client.subscribeAsync('plain/retained', { qos: 1 });
  await until('the retained message on B', () => q.received.length > 0);
  assert.deepEqual(q.received, [{ topic: 'plain/retained', payload: 'kept' }]);
});

test('a client id is one client across the deployment: a CONNECT with the same id on B closes the holder on A', { skip: redisMissing }, async () => {
  const first = await connect(urlsA['devicehive mqtt']!, { clientId: 'same-id' });
  const closed = new Promise<void>((resolve) => first.client.once('close', () => resolve()));
  const second = await connect(urlsB['devicehive mqtt']!, { clientId: 'same-id' });
  await Promise.race([closed, new Promise((_, reject) => setTimeout(() => reject(new Error('the first holder was not closed')), 5000))]);
  assert.equal(second.client.connected, true);
});

test('Kuzzle across processes: the answer reaches the requester only, not a subscriber of Kuzzle/response on either process', { skip: redisMissing }, async () => {
  const requester = await connect(urlsA['kuzzle mqtt']!, { clientId: 'k-req-a' });
  const sameProcess = await connect(urlsA['kuzzle mqtt']!, { clientId: 'k-other-a' });
  const otherProcess = await connect(urlsB['kuzzle mqtt']!, { clientId: 'k-other-b' });
  for (const c of [requester, sameProcess, otherProcess]) await c.client.subscribeAsync('Kuzzle/response');
  await settle();
  await requester.client.publishAsync('Kuzzle/request', JSON.stringify({ controller: 'auth', action: 'checkToken', body: { token: 'not-a-token' }, requestId: 'k-across-1' }));
  await until('the Kuzzle answer', () => requester.received.length > 0);
  await settle();
  assert.equal(requester.received.length, 1);
  const body = JSON.parse(requester.received[0]!.payload) as { requestId: string; status: number; result?: { valid: boolean } };
  assert.deepEqual([body.requestId, body.status, body.result?.valid], ['k-across-1', 200, false]);
  assert.deepEqual(sameProcess.received, [], 'another client of the same process');
  assert.deepEqual(otherProcess.received, [], 'a client of the other process');
});
