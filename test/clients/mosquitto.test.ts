// Debian's mosquitto clients (scripts/setup.sh installs them) against the DeviceHive MQTT surface.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

const run = promisify(execFile);
let mock: RunningMock;
let host: string;
let port: string;
let admin: { login: string; password: string };

before(async () => {
  mock = await startTestMock(['devicehive']);
  const u = new URL(url(mock, 'devicehive', 'mqtt'));
  host = u.hostname;
  port = u.port;
  admin = ((await mock.credentials()).devicehive as { admin: { login: string; password: string } }).admin;
});
after(() => mock.stop());

const common = () => ['-h', host, '-p', port, '-V', 'mqttv311', '-u', admin.login, '-P', admin.password];

test('mosquitto_rr: user/updateCurrent on dh/request, answer on dh/response/user/updateCurrent@<clientId>', async () => {
  const { stdout } = await run('mosquitto_rr', [...common(), '-i', 'mosq-rr', '-t', 'dh/request', '-e', 'dh/response/user/updateCurrent@mosq-rr', '-m', JSON.stringify({ action: 'user/updateCurrent', requestId: 'mosq-1', user: { data: { via: 'mosquitto' } } }), '-W', '10'], { timeout: 15_000 });
  assert.deepEqual(JSON.parse(stdout), { action: 'user/updateCurrent', requestId: 'mosq-1', status: 'success' });
  const { stdout: current } = await run('mosquitto_rr', [...common(), '-i', 'mosq-rr2', '-t', 'dh/request', '-e', 'dh/response/user/getCurrent@mosq-rr2', '-m', JSON.stringify({ action: 'user/getCurrent', requestId: 'mosq-2' }), '-W', '10'], { timeout: 15_000 });
  assert.deepEqual(JSON.parse(current).current.data, { via: 'mosquitto' });
});

test('mosquitto_sub cannot subscribe to dh/request; mosquitto_pub with a wrong password is refused', async () => {
  // mosquitto_sub reports the refused SUBACK (0x80) and disconnects; it exits 0 all the same.
  const sub = await run('mosquitto_sub', [...common(), '-i', 'mosq-sub', '-t', 'dh/request', '-C', '1', '-W', '3', '-d'], { timeout: 10_000 }).then(
    (r) => `${r.stdout}${r.stderr}`,
    (e: { stdout: string; stderr: string }) => `${e.stdout}${e.stderr}`,
  );
  assert.match(sub, /Subscribed \(mid: 1\): 128/);
  assert.match(sub, /All subscription requests were denied/);
  const pub = await run('mosquitto_pub', ['-h', host, '-p', port, '-V', 'mqttv311', '-u', admin.login, '-P', 'wrong', '-i', 'mosq-pub', '-t', 'dh/request', '-m', '{}'], { timeout: 10_000 }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
  assert.notEqual(pub.code, 0);
  assert.match(pub.stderr, /not authori[sz]ed|refused/i);
});
