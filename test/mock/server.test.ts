import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startTestMock, url } from '../helpers/start-mock.ts';
import { ROOT } from '../../src/specs/paths.ts';

const form = (fields: object) => `json=${encodeURIComponent(JSON.stringify(fields))}`;

async function aliceToken(base: string): Promise<string> {
  const res = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form({ email: 'alice@example.com', password: 'alice-password' }) });
  return (await res.json()) as string;
}

async function rename(base: string, token: string, name: string): Promise<number> {
  const res = await fetch(`${base}/api/user/update`, { method: 'PUT', headers: { authorization: token, 'content-type': 'application/x-www-form-urlencoded' }, body: form({ name, surname: 'Example', email: 'alice@example.com' }) });
  await res.arrayBuffer();
  return res.status;
}

test('the control API resets the state and shows the recorded traffic', async () => {
  const mock = await startTestMock(['userapi']);
  try {
    const base = url(mock, 'userapi');
    assert.equal(await rename(base, await aliceToken(base), 'Changed'), 200);
    const traffic = (await (await fetch(`${base}/__conform/traffic?transport=http`)).json()) as { entries: Array<{ summary: string; status?: number }> };
    assert.ok(traffic.entries.some((e) => e.summary === 'PUT /api/user/update' && e.status === 200));
    const reset = await fetch(`${base}/__conform/reset`, { method: 'POST', headers: { 'x-conform-control': '1' } });
    assert.deepEqual(await reset.json(), { reset: ['userapi'] });
    const detail = (await (await fetch(`${base}/api/user/detail/1`)).json()) as { user: { name: string } };
    assert.equal(detail.user.name, 'Alice');
    const unknown = await fetch(`${base}/__conform/nothing`);
    assert.equal(unknown.status, 404);
    assert.match(JSON.stringify(await unknown.json()), /POST \/__conform\/reset/);
    assert.equal((await fetch(`${base}/__conform/reset?family=kuzle`, { method: 'POST', headers: { 'x-conform-control': '1' } })).status, 400);
  } finally {
    await mock.stop();
  }
});

test('--state keeps the state across restarts', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conform-state-')), 'state.json');
  const first = await startTestMock(['userapi'], { state: file });
  const base = url(first, 'userapi');
  assert.equal(await rename(base, await aliceToken(base), 'Persisted'), 200);
  await first.stop();
  assert.ok(fs.existsSync(file));
  const second = await startTestMock(['userapi'], { state: file });
  try {
    const detail = (await (await fetch(`${url(second, 'userapi')}/api/user/detail/1`)).json()) as { user: { name: string } };
    assert.equal(detail.user.name, 'Persisted');
  } finally {
    await second.stop();
  }
});

test('fault injection: an error rate of 1 answers the family’s server error, a drop rate of 1 drops the connection', async () => {
  const erring = await startTestMock(['userapi'], { faults: { errorRate: 1 } });
  try {
    const res = await fetch(`${url(erring, 'userapi')}/api/user/detail/1`);
    assert.equal(res.status, 500);
    assert.deepEqual(await res.json(), { message: 'Server Error' });
  } finally {
    await erring.stop();
  }
  const dropping = await startTestMock(['userapi'], { faults: { dropRate: 1 } });
  try {
    await assert.rejects(fetch(`${url(dropping, 'userapi')}/api/user/detail/1`), /fetch failed/);
  } finally {
    await dropping.stop();
  }
});

test('latency delays every answer by at least the fixed part', async () => {
  const slow = await startTestMock(['userapi'], { latency: { fixedMs: 150 } });
  try {
    const started = performance.now();
    await (await fetch(`${url(slow, 'userapi')}/api/user/detail/1`)).arrayBuffer();
    assert.ok(performance.now() - started >= 140);
  } finally {
    await slow.stop();
  }
});

test('a port in use is a clear error and nothing is left listening', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    await assert.rejects(startTestMock(['userapi'], { ports: { userapi: { http: port } } }), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'CONFORM_ERR_LISTEN');
      assert.match(error.message, new RegExp(`userapi HTTP cannot listen on 127.0.0.1:${port}: .*EADDRINUSE`));
      return true;
    });
  } finally {
    blocker.close();
  }
});

test('conform mock prints its listeners and credentials, writes target files, and stops on SIGTERM', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-targets-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), 'mock', '--family', 'userapi', '--ephemeral', '--targets-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const deadline = Date.now() + 20_000;
  while (!out.includes('stop with Ctrl-C') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  try {
    assert.match(out, /userapi +http +http:\/\/127\.0\.0\.1:\d+/);
    assert.match(out, /credentials \{"users":\[\{"id":1,"email":"alice@example.com"/);
    const target = JSON.parse(fs.readFileSync(path.join(dir, 'userapi.json'), 'utf8'));
    assert.equal(target.api, 'userapi');
    assert.equal(target.auth.users.length, 2);
    // An issued token is a live credential: the banner leaves it out (the target file, for conform test, has it).
    assert.ok(!out.includes(target.auth.users[0].token), 'the banner prints no issued token');
    assert.doesNotMatch(out, /eyJ[\w-]+\.[\w-]+\.[\w-]+/, 'no JWT in the banner');
    const res = await fetch(`${target.http}/api/user/update`, { method: 'PUT', headers: { authorization: target.auth.users[0].token, 'content-type': 'application/x-www-form-urlencoded' }, body: form({ name: 'Target', surname: 'File', email: target.auth.users[0].email }) });
    assert.equal(res.status, 200, 'the target file’s token works');
  } finally {
    child.kill('SIGTERM');
  }
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0);
});
