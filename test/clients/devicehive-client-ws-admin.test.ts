// The official devicehive JS client (2.x) over WebSocket as the admin: the user and token actions a frontend or a
// management script uses, against a real mock on loopback (issue 10: user.insert used to fail with "Illegal argument").
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import DeviceHive from 'devicehive';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

type Model = new (fields: object) => unknown;
const Client = DeviceHive as unknown as (new (options: object) => any) & {
  models: { User: Model; UserToken: Model; query: { UserListQuery: Model; UserCountQuery: Model } };
};
const { User, UserToken } = Client.models;
const { UserListQuery, UserCountQuery } = Client.models.query;

let mock: RunningMock;
let admin: { login: string; password: string };
let counter = 0;

before(async () => {
  mock = await startTestMock(['devicehive']);
  admin = ((await mock.credentials()).devicehive as { admin: { login: string; password: string } }).admin;
});
after(() => mock.stop());

/** A connected client over ws://; closed after the test body, whatever it does. */
async function withClient(credentials: object, body: (client: any) => Promise<void>): Promise<void> {
  const client = new Client({ mainServiceURL: url(mock, 'devicehive', 'ws'), ...credentials });
  await client.connect();
  try {
    await body(client);
  } finally {
    await client.disconnect();
  }
}

const asAdmin = (body: (client: any) => Promise<void>) => withClient({ login: admin.login, password: admin.password }, body);
const freshLogin = () => `wsuser${process.pid}x${++counter}`;

test('ws admin: user.insert answers the submitted view; user.get shows the stored user', () =>
  asAdmin(async (client) => {
    const login = freshLogin();
    const created = await client.user.insert(new User({ login, password: 'secret123', role: 1, data: { team: 'ws' } }));
    assert.equal(typeof created.id, 'number');
    assert.deepEqual(
      { ...created, id: 0 },
      { id: 0, lastLogin: null, data: { team: 'ws' }, introReviewed: false, allDeviceTypesAvailable: true },
      'USER_SUBMITTED: no login, role or status echoed',
    );
    const fetched = await client.user.get(created.id);
    assert.deepEqual(
      [fetched.id, fetched.login, fetched.role, fetched.status, fetched.data, fetched.networks],
      [created.id, login, 1, 0, { team: 'ws' }, []],
    );
    await assert.rejects(client.user.insert(new User({ login, password: 'secret123', role: 1 })), (e) => e === 'User with such login already exists. Please, select another one');
    await assert.rejects(client.user.get(987654), (e) => e === 'User with id = 987654 not found');
  }));

test('ws admin: user.list filters, sorts and pages; user.count counts the same filter', () =>
  asAdmin(async (client) => {
    const prefix = `wslist${process.pid}`;
    const ids: number[] = [];
    for (const suffix of ['b', 'a', 'c']) ids.push((await client.user.insert(new User({ login: `${prefix}${suffix}`, password: 'secret123', role: 1 }))).id);
    const byLogin = await client.user.list(new UserListQuery({ loginPattern: `${prefix}%`, sortField: 'login', sortOrder: 'DESC' }));
    assert.deepEqual(byLogin.map((u: any) => u.login), [`${prefix}c`, `${prefix}b`, `${prefix}a`]);
    assert.deepEqual(Object.keys(byLogin[0]), ['id', 'login', 'role', 'status', 'lastLogin', 'data', 'introReviewed', 'allDeviceTypesAvailable'], 'USERS_LISTED has no networks');
    const page = await client.user.list(new UserListQuery({ loginPattern: `${prefix}%`, sortField: 'id', take: 1, skip: 1 }));
    assert.deepEqual(page.map((u: any) => u.id), [ids[1]]);
    const admins = await client.user.list(new UserListQuery({ role: 0 }));
    assert.ok(admins.some((u: any) => u.login === admin.login) && admins.every((u: any) => u.role === 0));
    assert.deepEqual(await client.user.count(new UserCountQuery({ loginPattern: `${prefix}%` })), { count: 3 });
    assert.deepEqual(await client.user.count(new UserCountQuery({ login: `${prefix}a`, role: 1 })), { count: 1 });
    await assert.rejects(client.user.list(new UserListQuery({ sortField: 'password' })), (e) => e === 'Invalid request parameters');
  }));

test('ws admin: user.update changes another user; user.delete removes it, and never the caller', () =>
  asAdmin(async (client) => {
    const { id } = await client.user.insert(new User({ login: freshLogin(), password: 'secret123', role: 1 }));
    assert.deepEqual(await client.user.update(new User({ id, status: 2, data: { v: 2 } })), {});
    const updated = await client.user.get(id);
    assert.deepEqual([updated.status, updated.data], [2, { v: 2 }]);
    assert.deepEqual(await client.user.delete(id), {});
    await assert.rejects(client.user.get(id), (e) => e === `User with id = ${id} not found`);
    await assert.rejects(client.user.delete(id), (e) => e === `User with id = ${id} not found`);
    const me = await client.user.getCurrent();
    await assert.rejects(client.user.delete(me.id), (e) => e === 'You can not delete a user or access key that you use to authenticate this request');
    assert.equal((await client.user.get(me.id)).login, admin.login);
  }));

test('ws admin: user.getCurrent and user.updateCurrent work on the caller', () =>
  asAdmin(async (client) => {
    await client.user.updateCurrent(new User({ data: { ws: 'admin', n: 7 } }));
    const current = await client.user.getCurrent();
    assert.deepEqual([current.login, current.role, current.data], [admin.login, 0, { ws: 'admin', n: 7 }]);
  }));

test('ws admin: token.createUserToken mints tokens for another user, token.refresh renews, and both tokens work', () =>
  asAdmin(async (client) => {
    const login = freshLogin();
    const { id } = await client.user.insert(new User({ login, password: 'secret123', role: 1 }));
    const minted = await client.token.createUserToken(new UserToken({ userId: id, actions: ['GetCurrentUser', 'UpdateCurrentUser'] }));
    assert.deepEqual(Object.keys(minted).sort(), ['accessToken', 'refreshToken']);
    const claims = JSON.parse(Buffer.from(minted.accessToken.split('.')[1], 'base64url').toString()).payload;
    assert.deepEqual([claims.u, claims.a, claims.t], [id, [10, 11], 1]);
    const refreshed = await client.token.refresh(minted.refreshToken);
    assert.deepEqual(Object.keys(refreshed), ['accessToken']);
    assert.equal(JSON.parse(Buffer.from(refreshed.accessToken.split('.')[1], 'base64url').toString()).payload.u, id);
    // The renewed access token authenticates a new session as that user.
    await withClient({ accessToken: refreshed.accessToken, autoUpdateSession: false }, async (other) => {
      assert.equal((await other.user.getCurrent()).login, login);
    });
    const pair = await client.token.login(login, 'secret123');
    assert.equal(JSON.parse(Buffer.from(pair.accessToken.split('.')[1], 'base64url').toString()).payload.u, id);
  }));

test('ws: info.getServerInfo answers apiVersion, serverTimestamp and the REST URL of the same host', () =>
  asAdmin(async (client) => {
    const info = await client.info.getServerInfo();
    const host = new URL(url(mock, 'devicehive', 'ws')).host;
    assert.deepEqual(Object.keys(info), ['apiVersion', 'serverTimestamp', 'restServerUrl']);
    assert.equal(info.apiVersion, '4.1.0');
    assert.match(info.serverTimestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
    assert.ok(Math.abs(Date.parse(`${info.serverTimestamp}Z`) - Date.now()) < 60_000);
    assert.equal(info.restServerUrl, `http://${host}/api/rest`);
  }));

test('http admin: the same client lists and counts over REST what it inserted over WebSocket', () =>
  asAdmin(async (wsClient) => {
    const login = freshLogin();
    const { id } = await wsClient.user.insert(new User({ login, password: 'secret123', role: 1 }));
    const mainServiceURL = url(mock, 'devicehive', 'http');
    const http = new Client({ mainServiceURL, authServiceURL: mainServiceURL, login: admin.login, password: admin.password });
    await http.connect();
    try {
      const listed = await http.user.list(new UserListQuery({ login }));
      assert.deepEqual(listed.map((u: any) => [u.id, u.login, u.role]), [[id, login, 1]]);
      assert.deepEqual(await http.user.count(new UserCountQuery({ login })), { count: 1 });
    } finally {
      await http.disconnect();
    }
  }));
