import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** node:http, not fetch: fetch may not set Host or a foreign Origin, which is what these tests are about. */
function request(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  const target = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, method, path: target.pathname + target.search, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const form = (fields: object) => `json=${encodeURIComponent(JSON.stringify(fields))}`;

async function renameAlice(base: string, name: string): Promise<void> {
  const login = await request(base, 'POST', '/api/login', { 'content-type': 'application/x-www-form-urlencoded' }, form({ email: 'alice@example.com', password: 'alice-password' }));
  const token = JSON.parse(login.body) as string;
  const res = await request(base, 'PUT', '/api/user/update', { authorization: token, 'content-type': 'application/x-www-form-urlencoded' }, form({ name, surname: 'Example', email: 'alice@example.com' }));
  assert.equal(res.status, 200);
}

async function aliceName(base: string): Promise<string> {
  return (JSON.parse((await request(base, 'GET', '/api/user/detail/1')).body) as { user: { name: string } }).user.name;
}

async function withMock(run: (mock: RunningMock, base: string) => Promise<void>, extra = {}): Promise<void> {
  const mock = await startTestMock(['userapi'], extra);
  try {
    await run(mock, url(mock, 'userapi'));
  } finally {
    await mock.stop();
  }
}

test('control API: a simple cross-origin POST (text/plain from a foreign page) does not reset anything', () =>
  withMock(async (_mock, base) => {
    await renameAlice(base, 'Kept');
    const res = await request(base, 'POST', '/__conform/reset', { origin: 'https://evil.example', 'content-type': 'text/plain' }, 'x');
    assert.equal(res.status, 403);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    assert.equal(await aliceName(base), 'Kept');
  }));

test('control API: a state-changing call without a JSON content type or the custom header is refused, even without an Origin', () =>
  withMock(async (_mock, base) => {
    await renameAlice(base, 'Kept');
    for (const headers of [{} as Record<string, string>, { 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }, { 'content-type': 'multipart/form-data; boundary=x' }]) {
      assert.equal((await request(base, 'POST', '/__conform/reset', headers)).status, 403, JSON.stringify(headers));
      assert.equal((await request(base, 'DELETE', '/__conform/traffic', headers)).status, 403, JSON.stringify(headers));
    }
    assert.equal(await aliceName(base), 'Kept');
    assert.equal((await request(base, 'POST', '/__conform/reset', { 'x-conform-control': '1' })).status, 200);
    assert.equal(await aliceName(base), 'Alice');
    await renameAlice(base, 'Again');
    assert.equal((await request(base, 'POST', '/__conform/reset', { 'content-type': 'application/json' }, '{}')).status, 200);
    assert.equal(await aliceName(base), 'Alice');
  }));

test('control API: a foreign Host (DNS rebinding) is refused; localhost and the bound host are answered', () =>
  withMock(async (_mock, base) => {
    const port = new URL(base).port;
    for (const host of ['evil.example', `evil.example:${port}`, `attacker.localhost.evil:${port}`, `10.1.2.3:${port}`]) {
      const res = await request(base, 'GET', '/__conform/traffic', { host });
      assert.equal(res.status, 403, host);
      assert.doesNotMatch(res.body, /entries/);
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'localhost']) {
      assert.equal((await request(base, 'GET', '/__conform/health', { host })).status, 200, host);
    }
  }));

test('control API: a preflight gets no CORS grant', () =>
  withMock(async (_mock, base) => {
    const res = await request(base, 'OPTIONS', '/__conform/reset', { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-conform-control' });
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    assert.equal(res.headers['access-control-allow-headers'], undefined);
  }));

test('control API: with --control-token every call needs it; a wrong or missing one is refused', () =>
  withMock(
    async (_mock, base) => {
      await renameAlice(base, 'Kept');
      assert.equal((await request(base, 'GET', '/__conform/traffic')).status, 401);
      assert.equal((await request(base, 'GET', '/__conform/traffic', { 'x-conform-token': 'wrong-token-value' })).status, 401);
      const refused = await request(base, 'POST', '/__conform/reset', { 'x-conform-token': 'conform-control-secret-x', 'x-conform-control': '1' });
      assert.equal(refused.status, 401);
      assert.doesNotMatch(refused.body, /conform-control-secret/, 'the answer never names the token');
      assert.equal(await aliceName(base), 'Kept');
      assert.equal((await request(base, 'GET', '/__conform/traffic', { 'x-conform-token': 'conform-control-secret' })).status, 200);
      assert.equal((await request(base, 'POST', '/__conform/reset', { 'x-conform-token': 'conform-control-secret', 'x-conform-control': '1' })).status, 200);
      assert.equal(await aliceName(base), 'Alice');
    },
    { controlToken: 'conform-control-secret' },
  ));
