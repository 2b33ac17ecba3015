// docs/scale-out/nginx.conf, run for real: two `conform mock --store redis://…` processes behind nginx, on free local
// ports (the file's mock-1/mock-2 addresses and listen ports replaced, nothing else). HTTP reaches both processes in
// turn; Kuzzle's WebSocket upgrades through it; DeviceHive MQTT goes through nginx's stream proxy and each requester
// gets its own answer. Skipped, saying why, when nginx (with its stream module) or redis-server is not installed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import mqtt from 'mqtt';
import { ROOT } from '../../src/specs/paths.ts';
import { startMockProcess, type MockProcess } from '../helpers/mock-process.ts';
import { skipWithoutRedis, startRedis, type RedisServer } from '../helpers/redis-server.ts';

const redisMissing = skipWithoutRedis || undefined;

const NGINX = '/usr/sbin/nginx';
const STREAM_MODULE = '/usr/lib/nginx/modules/ngx_stream_module.so';
const CONF = path.join(ROOT, 'docs', 'scale-out', 'nginx.conf');
const skip =
  redisMissing ??
  (!fs.existsSync(NGINX) ? `${NGINX} is not installed (apt-get install nginx-light libnginx-mod-stream)` : undefined) ??
  (!fs.existsSync(STREAM_MODULE) ? `${STREAM_MODULE} is not installed (apt-get install libnginx-mod-stream)` : undefined);

/** The default port of each listener in the file, and the banner key of the listener it stands for. */
const LISTENERS: Record<string, string> = { 7512: 'kuzzle http', 8080: 'devicehive http', 8000: 'userapi http', 1883: 'kuzzle mqtt', 1884: 'devicehive mqtt' };

let redis: RedisServer;
let mocks: MockProcess[] = [];
let nginx: ChildProcess | undefined;
let nginxLog = '';
const front: Record<string, number> = {};
const pids: number[] = [];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, headers: { connection: 'close' } }, (response) => {
      let body = '';
      response.on('data', (d) => (body += d));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.setTimeout(5000, () => request.destroy(new Error(`${url} timed out`)));
  });
}

const portOf = (url: string) => new URL(url).port;

before(async () => {
  if (skip) return;
  redis = await startRedis();
  const args = ['--store', redis.url, '--jwt-secret', 'conform-nginx-test-secret'];
  mocks = [startMockProcess(args), startMockProcess(args)];
  const [a, b] = await Promise.all(mocks.map((m) => m.ready));
  for (const urls of [a!, b!]) pids.push((JSON.parse((await get(`${new URL(urls['userapi http']!).origin}/__conform/health`)).body) as { pid: number }).pid);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-nginx-'));
  let conf = fs.readFileSync(CONF, 'utf8');
  for (const [port, key] of Object.entries(LISTENERS)) {
    front[key] = await freePort();
    conf = conf.replaceAll(`mock-1:${port} `, `127.0.0.1:${portOf(a![key]!)} `).replaceAll(`mock-2:${port} `, `127.0.0.1:${portOf(b![key]!)} `);
    conf = conf.replace(`listen ${port};`, `listen 127.0.0.1:${front[key]};`);
  }
  assert.doesNotMatch(conf, /mock-[12]:/, 'every upstream address replaced');
  // Writable places for a non-system run; the proxying itself is the file's.
  conf = conf
    .replace(/^error_log .*$/m, `error_log ${dir}/error.log warn;`)
    .replace(/^pid .*$/m, `pid ${dir}/nginx.pid;`)
    .replace('http {', `http {\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;`);
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  nginx = spawn(NGINX, ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stderr!.on('data', (d) => (nginxLog += d));
  for (let i = 0; i < 100; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${nginxLog}`);
    const up = await get(`http://127.0.0.1:${front['userapi http']}/__conform/health`).then(() => true, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not start: ${nginxLog}`);
});

after(async () => {
  if (nginx && nginx.exitCode === null) {
    nginx.kill('SIGQUIT');
    await new Promise((r) => nginx!.once('exit', r));
  }
  for (const m of mocks) m.child.kill('SIGTERM');
  await Promise.all(mocks.map((m) => m.exited));
  await redis?.stop();
});

test('HTTP through nginx reaches both mock processes in turn', { skip }, async () => {
  const seen = new Set<number>();
  for (let i = 0; i < 10 && seen.size < 2; i++) {
    const answer = await get(`http://127.0.0.1:${front['kuzzle http']}/__conform/health`);
    assert.equal(answer.status, 200, answer.body);
    seen.add((JSON.parse(answer.body) as { pid: number }).pid);
  }
  assert.deepEqual([...seen].sort(), [...pids].sort());
});

test("Kuzzle's WebSocket upgrades through nginx: two connections, each answered", { skip }, async () => {
  for (const requestId of ['ws-nginx-1', 'ws-nginx-2']) {
    const socket = new WebSocket(`ws://127.0.0.1:${front['kuzzle http']}`);
    const answer = await new Promise<{ requestId: string; status: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no WebSocket answer through nginx')), 5000);
      socket.addEventListener('open', () => socket.send(JSON.stringify({ controller: 'auth', action: 'checkToken', body: { token: 'not-a-token' }, requestId })));
      socket.addEventListener('message', (event) => {
        clearTimeout(timer);
        resolve(JSON.parse(String(event.data)) as { requestId: string; status: number });
      });
      socket.addEventListener('error', () => reject(new Error(`WebSocket error through nginx: ${nginxLog}`)));
    });
    socket.close();
    assert.deepEqual([answer.requestId, answer.status], [requestId, 200]);
  }
});

test('DeviceHive MQTT through the stream proxy: two requesters (spread over the processes by round robin) each get their own answer only', { skip }, async () => {
  const line = /^ {2}devicehive\s+credentials (.+)$/m.exec(mocks[0]!.output());
  assert.ok(line);
  const admin = (JSON.parse(line[1]!) as { admin: { login: string; password: string } }).admin;
  const url = `mqtt://127.0.0.1:${front['devicehive mqtt']}`;
  const clients = await Promise.all(['nginx-a', 'nginx-b'].map((clientId) => mqtt.connectAsync(url, { clientId, username: admin.login, password: admin.password, reconnectPeriod: 0 })));
  try {
    const received = clients.map(() => [] as string[]);
    clients.forEach((c, i) => c.on('message', (topic, payload) => received[i]!.push(`${topic} ${(JSON.parse(payload.toString()) as { requestId: string }).requestId}`)));
    for (const c of clients) await c.subscribeAsync(`dh/response/user/getCurrent@${c.options.clientId}`);
    for (const [i, c] of clients.entries()) await c.publishAsync('dh/request', JSON.stringify({ action: 'user/getCurrent', requestId: `nginx-r${i}` }));
    const end = Date.now() + 5000;
    while (received.some((r) => r.length === 0) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(received, [['dh/response/user/getCurrent@nginx-a nginx-r0'], ['dh/response/user/getCurrent@nginx-b nginx-r1']]);
  } finally {
    for (const c of clients) c.end(true);
  }
});
