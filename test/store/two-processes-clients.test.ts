// Two `conform mock --store redis://…` processes on one redis-server: the real clients write through process A and
// read back through process B (needs `npm run build`: the processes run bin/conform.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import sdk from 'kuzzle-sdk';
import DeviceHive from 'devicehive';
import mqtt from 'mqtt';
import { nextMessage } from '../helpers/mqtt-message.ts';
import { skipWithoutRedis } from '../helpers/redis-server.ts';
import { portOf, startSharedPair, type SharedMock, type SharedPair } from '../helpers/shared-mocks.ts';

const { Kuzzle, Http, WebSocket } = sdk as unknown as {
  Kuzzle: new (protocol: unknown, options?: object) => any;
  Http: new (host: string, options: object) => unknown;
  WebSocket: new (host: string, options: object) => unknown;
};
const Client = DeviceHive as unknown as (new (options: object) => any) & { models: { User: new (fields: object) => unknown } };

let pair: SharedPair | undefined;
let a: SharedMock;
let b: SharedMock;

before(async () => {
  if (skipWithoutRedis) return;
  // No --jwt-secret: the processes must agree on one through Redis, or a token of A would be refused by B.
  pair = await startSharedPair();
  ({ a, b } = pair);
});
after(async () => {
  await pair?.stop();
});

function kuzzleOn(mock: SharedMock, protocol: 'Http' | 'WebSocket'): any {
  const Protocol = protocol === 'Http' ? Http : WebSocket;
  return new Kuzzle(new Protocol('127.0.0.1', { port: portOf(mock.urls['kuzzle http']!) }), { deprecationWarning: false });
}

test('kuzzle-sdk: a user, a profile and a login made through A (Http) are there through B (WebSocket); a logout on A is refused on B', { skip: skipWithoutRedis }, async () => {
  const admin = a.credentials.kuzzle.admin as { username: string; password: string };
  const onA = kuzzleOn(a, 'Http');
  const onB = kuzzleOn(b, 'WebSocket');
  await onA.connect();
  await onB.connect();
  try {
    await onA.auth.login('local', admin);
    const userId = `shared-${Date.now()}`;
    await onA.security.createUser(userId, { content: { profileIds: ['default'], fullname: 'Made on A' }, credentials: { local: { username: userId, password: 'secret-password' } } }, { refresh: 'wait_for' });
    const profileId = `shared-profile-${Date.now()}`;
    await onA.security.createProfile(profileId, { policies: [{ roleId: 'default' }] });
    await onA.security.updateProfile(profileId, { rateLimit: 7 });

    // The credentials were written on A: the login is on B.
    await onB.auth.login('local', { username: userId, password: 'secret-password' });
    const self = await onB.auth.updateSelf({ fullname: 'Changed on B' });
    assert.equal(self.content.fullname, 'Changed on B');
    const user = await onA.security.getUser(userId);
    assert.equal(user.content.fullname, 'Changed on B', 'an update through B is read through A');
    await onB.auth.logout();
    await onB.auth.login('local', admin);
    const profile = await onB.security.getProfile(profileId);
    assert.equal(profile.rateLimit, 7);

    // A token issued by A works on B (one JWT secret, one token store), and once A revokes it, B refuses it.
    const jwt = onA.jwt as string;
    const onB2 = kuzzleOn(b, 'Http');
    await onB2.connect();
    try {
      onB2.jwt = jwt;
      const current = await onB2.auth.getCurrentUser();
      assert.equal(current._id, admin.username);
      await onA.auth.logout();
      await assert.rejects(onB2.auth.getCurrentUser(), (error: { status?: number; id?: string }) => error.status === 401);
    } finally {
      onB2.disconnect();
    }
  } finally {
    onA.disconnect();
    onB.disconnect();
  }
});

test('devicehive client: updateCurrent through A over HTTP is what getCurrent answers through B over WebSocket', { skip: skipWithoutRedis }, async () => {
  const admin = a.credentials.devicehive.admin as { login: string; password: string };
  const httpA = a.urls['devicehive http']!;
  const onA = new Client({ mainServiceURL: httpA, authServiceURL: httpA, login: admin.login, password: admin.password });
  const onB = new Client({ mainServiceURL: b.urls['devicehive ws']!, login: admin.login, password: admin.password });
  await onA.connect();
  await onB.connect();
  try {
    const stamp = Date.now();
    await onA.user.updateCurrent(new Client.models.User({ data: { via: 'A', stamp } }));
    const current = await onB.user.getCurrent();
    assert.deepEqual(current.data, { via: 'A', stamp });
  } finally {
    await onA.disconnect();
    await onB.disconnect();
  }
});


test('MQTT.js: a Kuzzle login and updateSelf over A\'s broker are read back over B\'s broker', { skip: skipWithoutRedis }, async () => {
  const admin = a.credentials.kuzzle.admin as { username: string; password: string };
  const onA = await mqtt.connectAsync(a.urls['kuzzle mqtt']!, { clientId: 'shared-a', reconnectPeriod: 0 });
  const onB = await mqtt.connectAsync(b.urls['kuzzle mqtt']!, { clientId: 'shared-b', reconnectPeriod: 0 });
  try {
    const login = nextMessage(onA, 'Kuzzle/response');
    await onA.publishAsync('Kuzzle/request', JSON.stringify({ controller: 'auth', action: 'login', strategy: 'local', requestId: 'l', body: admin }));
    const jwt = (await login).result.jwt as string;
    const update = nextMessage(onA, 'Kuzzle/response');
    const fullname = `Over MQTT ${Date.now()}`;
    await onA.publishAsync('Kuzzle/request', JSON.stringify({ controller: 'auth', action: 'updateSelf', requestId: 'u', jwt, body: { fullname } }));
    assert.equal((await update).status, 200);
    const read = nextMessage(onB, 'Kuzzle/response');
    await onB.publishAsync('Kuzzle/request', JSON.stringify({ controller: 'auth', action: 'getCurrentUser', requestId: 'g', jwt }));
    const current = await read;
    assert.equal(current.status, 200);
    assert.equal(current.result._source.fullname, fullname);
  } finally {
    await Promise.all([onA.endAsync(true), onB.endAsync(true)]);
  }
});
