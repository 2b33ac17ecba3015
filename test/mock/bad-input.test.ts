// Bad input over real sockets: every malformed request, token, message or packet gets the family's real error,
// the mock keeps serving, and nothing stored is lost.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import WebSocket from 'ws';
import mqtt from 'mqtt';
import { SignJWT } from 'jose';
import { startTestMock, TEST_SECRET, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

let mock: RunningMock;
let kuzzle: string;
let jwt: string;

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(`${kuzzle}${path}`, init);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

before(async () => {
  mock = await startTestMock(['kuzzle', 'devicehive']);
  kuzzle = url(mock, 'kuzzle');
  const login = await call('/_login/local', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-password' }) });
  jwt = login.body.result.jwt;
  const update = await call('/_me', { method: 'PUT', headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' }, body: JSON.stringify({ fullname: 'Keep Me' }) });
  assert.equal(update.status, 200);
});
after(() => mock.stop());

async function stillThere() {
  const me = await call('/_me', { headers: { authorization: `Bearer ${jwt}` } });
  assert.equal(me.body.result._source.fullname, 'Keep Me', 'the stored user is intact');
}

test('Kuzzle HTTP: malformed bodies, sizes and content types get Kuzzle’s errors', async () => {
  const put = (body: BodyInit, type = 'application/json') => call('/_me', { method: 'PUT', headers: { authorization: `Bearer ${jwt}`, 'content-type': type }, body });
  const malformed = await put('{"fullname":');
  assert.equal(malformed.status, 400);
  assert.equal(malformed.body.id, 'network.http.body_parse_failed');
  const tooLarge = await put(JSON.stringify({ big: 'x'.repeat(1_100_000) }));
  assert.equal(tooLarge.status, 413);
  assert.equal(tooLarge.body.id, 'network.http.request_too_large');
  const wrongType = await put('fullname=x', 'text/plain');
  assert.equal(wrongType.status, 400);
  assert.equal(wrongType.body.id, 'network.http.unsupported_content');
  const proto = await put('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"fullname":"Keep Me"}');
  assert.equal(proto.status, 200);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  await stillThere();
});

test('Kuzzle HTTP: garbage, alg none, wrongly signed and expired tokens are refused', async () => {
  const [, payload] = jwt.replace(/^kauth-/, '').split('.');
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
  const wrongKey = await new SignJWT({ _id: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode('another-secret-value'));
  const expired = await new SignJWT({ _id: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(1000).setExpirationTime(2000).sign(new TextEncoder().encode(TEST_SECRET));
  for (const token of ['garbage', none, wrongKey]) {
    const res = await call('/_me', { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"fullname":"Mallory"}' });
    assert.equal(res.status, 401, token);
    assert.equal(res.body.error.id, 'security.token.invalid', token);
  }
  const late = await call('/_me', { method: 'PUT', headers: { authorization: `Bearer ${expired}`, 'content-type': 'application/json' }, body: '{"fullname":"Mallory"}' });
  assert.equal(late.status, 401);
  assert.match(late.body.error.id, /^security\.token\.(expired|invalid)$/);
  await stillThere();
});

test('Kuzzle WebSocket: non-object and non-JSON messages get error envelopes and the socket stays usable', async () => {
  const ws = new WebSocket(url(mock, 'kuzzle', 'ws'));
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const next = () => new Promise<Record<string, any>>((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
  try {
    for (const message of ['not json', '42', '[]', '"text"', 'null']) {
      const answer = next();
      ws.send(message);
      const body = await answer;
      assert.ok(body.status >= 400, `${message}: ${JSON.stringify(body)}`);
      assert.ok(body.error?.message, message);
    }
    const heartbeat = next();
    ws.send('{"p":1}');
    assert.deepEqual(await heartbeat, { p: 2 });
  } finally {
    ws.close();
  }
  await stillThere();
});

async function garbageTo(address: string): Promise<void> {
  const { hostname, port } = new URL(address);
  const socket = net.connect(Number(port), hostname);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x7f, 0x00, 0x13, 0x37]));
  await new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    setTimeout(() => (socket.destroy(), resolve()), 3000);
  });
}

test('MQTT: a malformed packet ends that connection only; both brokers keep serving', async () => {
  for (const family of ['kuzzle', 'devicehive'] as const) {
    await garbageTo(url(mock, family, 'mqtt'));
    const client = await mqtt.connectAsync(url(mock, family, 'mqtt'), { clientId: `after-garbage-${family}`, reconnectPeriod: 0, ...(family === 'devicehive' ? { username: 'dhadmin', password: 'dhadmin_#911' } : {}) });
    assert.equal(client.connected, true, family);
    await client.endAsync(true);
  }
});

test('Kuzzle MQTT: publishing on a forbidden topic disconnects that client only', async () => {
  const bad = await mqtt.connectAsync(url(mock, 'kuzzle', 'mqtt'), { clientId: 'forbidden-publisher', reconnectPeriod: 0 });
  const closed = new Promise<void>((resolve) => bad.once('close', () => resolve()));
  bad.publish('somewhere/else', 'x');
  await closed;
  const good = await mqtt.connectAsync(url(mock, 'kuzzle', 'mqtt'), { clientId: 'still-welcome', reconnectPeriod: 0 });
  const answer = new Promise<Record<string, any>>((resolve) => good.on('message', (_t, p) => resolve(JSON.parse(p.toString()))));
  await good.publishAsync('Kuzzle/request', JSON.stringify({ controller: 'auth', action: 'checkToken', requestId: 'n1', body: {} }));
  assert.equal((await answer).status, 200);
  await good.endAsync(true);
});

test('DeviceHive REST: malformed JSON and a garbage token get DeviceHive’s errors', async () => {
  const base = url(mock, 'devicehive');
  const token = ((await (await fetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'dhadmin', password: 'dhadmin_#911' }) })).json()) as { accessToken: string }).accessToken;
  const malformed = await fetch(`${base}/user/current`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"data":' });
  assert.equal(malformed.status, 400);
  assert.deepEqual(await malformed.json(), { error: 400, message: 'Invalid request parameters' });
  const garbage = await fetch(`${base}/user/current`, { method: 'PUT', headers: { authorization: 'Bearer garbage', 'content-type': 'application/json' }, body: '{}' });
  assert.equal(garbage.status, 401);
  await garbage.arrayBuffer();
});
