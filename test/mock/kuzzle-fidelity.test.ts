// Small Kuzzle fidelity points over real sockets, each checked against the real server's recordings in
// ../shared/research/kuzzle-observed-2.json (pairs cited by their index in `pairs`, and their `n`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

let mock: RunningMock;
let base: string;
let admin: { username: string; password: string };
let token: string;

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
}

/** node:http, which neither asks for nor undoes a compression by itself. */
function request(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Raw> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = (raw: Raw) => JSON.parse(raw.bytes.toString('utf8'));
const asUser = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}`, ...extra });

async function login(): Promise<string> {
  return json(await request('POST', '/_login/local', { 'content-type': 'application/json' }, JSON.stringify(admin))).result.jwt;
}

before(async () => {
  mock = await startTestMock(['kuzzle', 'devicehive']);
  base = url(mock, 'kuzzle');
  admin = ((await mock.credentials()).kuzzle as { admin: typeof admin }).admin;
  token = await login();
});
after(() => mock.stop());

test('Accept-Encoding: gzip gets a gzip answer, deflate a deflate one, none stays identity (pair 43, n 44)', async () => {
  const gz = await request('PUT', '/_me', asUser({ 'accept-encoding': 'gzip' }), '{"gz":1}');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(JSON.parse(gunzipSync(gz.bytes).toString('utf8')).result._source.gz, 1);
  const deflated = await request('PUT', '/_me', asUser({ 'accept-encoding': 'deflate' }), '{"df":1}');
  assert.equal(deflated.headers['content-encoding'], 'deflate');
  assert.equal(JSON.parse(inflateSync(deflated.bytes).toString('utf8')).result._source.df, 1);
  const both = await request('GET', '/_me', asUser({ 'accept-encoding': 'deflate, gzip' }));
  assert.equal(both.headers['content-encoding'], 'gzip', 'gzip first when both are accepted');
  const plain = await request('GET', '/_me', asUser());
  assert.equal(plain.headers['content-encoding'], 'identity');
  assert.equal(json(plain).result._source.gz, 1);
});

test('an over-size WebSocket frame drops the connection: Kuzzle 1006 with no answer (pair 146, n 147), DeviceHive 1009', async () => {
  const closeCode = async (endpoint: string) => {
    const socket = new WebSocket(endpoint);
    const answers: string[] = [];
    socket.on('message', (data) => answers.push(String(data)));
    socket.on('error', () => undefined);
    await once(socket, 'open');
    socket.send(JSON.stringify({ controller: 'auth', action: 'updateSelf', body: { big: 'x'.repeat(1_200_000) }, requestId: 'big' }));
    const closed = await Promise.race([once(socket, 'close').then(([code]) => code as number), sleep(5_000).then(() => 'still open')]);
    socket.terminate();
    return { closed, answers };
  };
  assert.deepEqual(await closeCode(url(mock, 'kuzzle', 'ws')), { closed: 1006, answers: [] });
  assert.equal((await closeCode(url(mock, 'devicehive', 'ws'))).closed, 1009);
});

test('an internal error carries the real suffix in its message, not in its props (pair 77, n 78)', async () => {
  await request('POST', '/profiles/fidelity-p/_create', asUser(), JSON.stringify({ policies: [{ roleId: 'default' }] }));
  const reply = await request('PUT', '/profiles/fidelity-p/_update?force', asUser(), JSON.stringify({ policies: { roleId: 'default' } }));
  const { error } = json(reply);
  assert.equal(reply.status, 500);
  assert.equal(error.id, 'plugin.runtime.unexpected_error');
  assert.ok(error.message.startsWith('Caught an unexpected plugin error: '), error.message);
  assert.ok(error.message.endsWith('\nThis is probably not a Kuzzle error, but a problem with a plugin implementation.'), error.message);
  assert.ok(!String(error.props[0]).includes('This is probably'), 'props keep the bare text');
});

test('kept as the real server does: PUT /_me with [1,2,3] stores the fields "0", "1" and "2" (pair 29, n 30: [1,2])', async () => {
  const reply = await request('PUT', '/_me', asUser(), '[1,2,3]');
  assert.equal(reply.status, 200);
  const source = json(await request('GET', '/_me', asUser())).result._source;
  assert.deepEqual([source['0'], source['1'], source['2']], [1, 2, 3]);
});

test('kept as the real server does: two logins of one user in the same second get the same token (pairs 138 and 141, n 139 and 142)', async () => {
  // The real server signs with second-resolution iat and exp and no nonce, so two logins with the same expiresIn in
  // one second are one token (logging one out ends the other). Up to five pairs: a pair straddling a second is retried.
  const iat = (jwt: string) => JSON.parse(Buffer.from(jwt.replace(/^kauth-/, '').split('.')[1]!, 'base64url').toString('utf8')).iat as number;
  for (let attempt = 0; attempt < 5; attempt++) {
    const [first, second] = [await login(), await login()];
    if (iat(first) !== iat(second)) continue;
    assert.equal(first, second);
    return;
  }
  assert.fail('no two logins fell in the same second in five attempts');
});
