// Tenants: isolated states in one mock, chosen by the X-Conform-Tenant header or the /__tenant/<name>/ prefix, in
// memory and on Redis; a reset of one tenant leaves the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startRedis, skipWithoutRedis } from '../helpers/redis-server.ts';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function tokenOf(mock: RunningMock): Promise<{ token: string; id: number }> {
  const { users } = (await mock.credentials()).userapi as { users: Array<{ token: string; id: number }> };
  return users[0]!;
}

function rename(base: string, token: string, surname: string, tenant: { header?: string; path?: string }): Promise<Response> {
  const prefix = tenant.path ? `/__tenant/${tenant.path}` : '';
  const headers: Record<string, string> = { ...FORM, authorization: `Bearer ${token}` };
  if (tenant.header) headers['x-conform-tenant'] = tenant.header;
  return fetch(`${base}${prefix}/api/user/update`, { method: 'PUT', headers, body: new URLSearchParams({ json: JSON.stringify({ name: 'Alice', surname, email: 'alice@example.com' }) }).toString() });
}

async function surnameIn(base: string, id: number, tenant: { header?: string; path?: string }): Promise<string> {
  const prefix = tenant.path ? `/__tenant/${tenant.path}` : '';
  const response = await fetch(`${base}${prefix}/api/user/detail/${id}`, { headers: tenant.header ? { 'x-conform-tenant': tenant.header } : {} });
  return ((await response.json()) as { user: { surname: string } }).user.surname;
}

async function isolation(mocks: [RunningMock, RunningMock]): Promise<void> {
  const [one, two] = mocks;
  const { token, id } = await tokenOf(one);
  const baseOne = url(one, 'userapi');
  const baseTwo = url(two, 'userapi');
  assert.equal((await rename(baseOne, token, 'Ofa', { header: 'a' })).status, 200);
  assert.equal((await rename(baseOne, token, 'Ofb', { path: 'b' })).status, 200);
  // Through either process (the same one in memory mode): a sees its write, b its own, the default tenant the seed.
  assert.equal(await surnameIn(baseTwo, id, { path: 'a' }), 'Ofa');
  assert.equal(await surnameIn(baseTwo, id, { header: 'b' }), 'Ofb');
  assert.equal(await surnameIn(baseTwo, id, {}), 'Example');
  const reset = await fetch(`${baseTwo}/__tenant/a/__conform/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
  assert.deepEqual(await reset.json(), { reset: ['userapi'], tenant: 'a' });
  assert.equal(await surnameIn(baseOne, id, { header: 'a' }), 'Example', 'a is back to the seed');
  assert.equal(await surnameIn(baseOne, id, { header: 'b' }), 'Ofb', 'b is left as it was');
  const bad = await fetch(`${baseOne}/api/user/detail/${id}`, { headers: { 'x-conform-tenant': 'Not Valid!' } });
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: string }).error, /invalid tenant/);
  const badPath = await fetch(`${baseOne}/__tenant/UPPER/api/user/detail/${id}`);
  assert.equal(badPath.status, 400);
}

test('two tenants in one in-memory mock: a write in a is not in b nor in the default tenant; reset of a leaves b', async () => {
  const mock = await startTestMock(['userapi']);
  try {
    await isolation([mock, mock]);
  } finally {
    await mock.stop();
  }
});

test('two tenants on Redis, through two mocks: the same isolation, keys prefixed by tenant', { skip: skipWithoutRedis }, async () => {
  const redis = await startRedis();
  const one = await startTestMock(['userapi'], { store: redis.url });
  const two = await startTestMock(['userapi'], { store: redis.url });
  try {
    await isolation([one, two]);
    const keys = (await one.shared!.redis.keys('conform:*')).sort();
    assert.ok(keys.includes('conform:a:userapi:docs') && keys.includes('conform:b:userapi:docs'), keys.join(' '));
  } finally {
    await one.stop();
    await two.stop();
    await redis.stop();
  }
});

test('a tenant over WebSocket: chosen by the upgrade\'s header or path prefix; a bad name is refused with 400', async () => {
  const mock = await startTestMock(['kuzzle']);
  const { default: WebSocket } = await import('ws');
  const ask = (address: string, headers: Record<string, string>, body: object): Promise<any> =>
    new Promise((resolve, reject) => {
      const socket = new WebSocket(address, { headers });
      socket.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode }));
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ requestId: 'r', ...body })));
      socket.once('message', (data) => {
        socket.close();
        resolve(JSON.parse(String(data)));
      });
    });
  try {
    const ws = url(mock, 'kuzzle', 'ws');
    const { admin } = (await mock.credentials()).kuzzle as { admin: { username: string; password: string } };
    const login = await ask(ws, { 'x-conform-tenant': 'ws-a' }, { controller: 'auth', action: 'login', strategy: 'local', body: admin });
    const jwt = login.result.jwt as string;
    const created = await ask(`${ws}/__tenant/ws-a`, {}, { controller: 'security', action: 'createProfile', _id: 'only-in-a', jwt, body: { policies: [{ roleId: 'default' }] } });
    assert.equal(created.status, 200, JSON.stringify(created));
    const inA = await ask(ws, { 'x-conform-tenant': 'ws-a' }, { controller: 'security', action: 'getProfile', _id: 'only-in-a', jwt });
    assert.equal(inA.status, 200);
    // The session of a is not one of the default tenant's (its own token store), and its profile is not there either.
    assert.equal((await ask(ws, {}, { controller: 'security', action: 'getProfile', _id: 'only-in-a', jwt })).status, 401);
    const own = (await ask(ws, {}, { controller: 'auth', action: 'login', strategy: 'local', body: admin })).result.jwt as string;
    assert.equal((await ask(ws, {}, { controller: 'security', action: 'getProfile', _id: 'only-in-a', jwt: own })).status, 404);
    assert.deepEqual(await ask(ws, { 'x-conform-tenant': '!' }, {}), { refused: 400 });
  } finally {
    await mock.stop();
  }
});

test('--state keeps each tenant: after a restart tenant a has its write, b and the default tenant do not', async () => {
  const { default: fs } = await import('node:fs');
  const { default: os } = await import('node:os');
  const { default: path } = await import('node:path');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conform-tenant-state-')), 'state.json');
  const first = await startTestMock(['userapi'], { state: file });
  const { token, id } = await tokenOf(first);
  try {
    assert.equal((await rename(url(first, 'userapi'), token, 'Kept', { header: 'keep-a' })).status, 200);
    assert.equal(await surnameIn(url(first, 'userapi'), id, { header: 'keep-b' }), 'Example');
  } finally {
    await first.stop();
  }
  const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { tenants: Record<string, unknown> };
  assert.deepEqual(Object.keys(saved.tenants).sort(), ['keep-a', 'keep-b']);
  const second = await startTestMock(['userapi'], { state: file });
  try {
    assert.equal(await surnameIn(url(second, 'userapi'), id, { header: 'keep-a' }), 'Kept');
    assert.equal(await surnameIn(url(second, 'userapi'), id, { header: 'keep-b' }), 'Example');
    assert.equal(await surnameIn(url(second, 'userapi'), id, {}), 'Example');
  } finally {
    await second.stop();
  }
});

test('an endpoint a family advertises keeps the tenant: DeviceHive GET /info through /__tenant/a names /__tenant/a/api/websocket', async () => {
  const mock = await startTestMock(['devicehive']);
  try {
    const base = new URL(url(mock, 'devicehive'));
    const info = async (prefix: string) => ((await (await fetch(`${base.origin}${prefix}/api/rest/info`)).json()) as { webSocketServerUrl: string }).webSocketServerUrl;
    assert.equal(await info('/__tenant/a'), `ws://${base.host}/__tenant/a/api/websocket`);
    assert.equal(await info(''), `ws://${base.host}/api/websocket`, 'the default tenant as before');
  } finally {
    await mock.stop();
  }
});
