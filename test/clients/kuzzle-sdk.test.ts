// The official kuzzle-sdk 7 against the mock over real loopback sockets, with both of its protocols.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import sdk from 'kuzzle-sdk';
import { startTestMock } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

const { Kuzzle, Http, WebSocket } = sdk as unknown as {
  Kuzzle: new (protocol: unknown, options?: object) => any;
  Http: new (host: string, options: object) => unknown;
  WebSocket: new (host: string, options: object) => unknown;
};

let mock: RunningMock;
let port: number;
let admin: { username: string; password: string };

before(async () => {
  mock = await startTestMock(['kuzzle']);
  port = Number(new URL(mock.listeners.find((l) => l.family === 'kuzzle' && l.transport === 'http')!.url).port);
  admin = ((await mock.credentials()).kuzzle as { admin: { username: string; password: string } }).admin;
});
after(() => mock.stop());

for (const [name, Protocol] of [['Http', () => Http], ['WebSocket', () => WebSocket]] as const) {
  test(`kuzzle-sdk over ${name}: connect, login, updateSelf, getCurrentUser, createProfile, updateProfile`, async () => {
    const kuzzle = new Kuzzle(new (Protocol())('127.0.0.1', { port }), { deprecationWarning: false });
    await kuzzle.connect();
    try {
      const userId = `sdk-${name.toLowerCase()}-${Date.now()}`;
      await kuzzle.auth.login('local', admin);
      await kuzzle.security.createUser(userId, { content: { profileIds: ['default'], fullname: 'Walter White' }, credentials: { local: { username: userId, password: 'secret-password' } } }, { refresh: 'wait_for' });
      await kuzzle.auth.logout();
      await kuzzle.auth.login('local', { username: userId, password: 'secret-password' });
      const updated = await kuzzle.auth.updateSelf({ fullname: 'Walter Smith', foo: 'bar' });
      assert.equal(updated._id, userId);
      assert.equal(updated.content.fullname, 'Walter Smith');
      assert.deepEqual(updated.content.profileIds, ['default']);
      const current = await kuzzle.auth.getCurrentUser();
      assert.equal(current._id, userId);
      assert.equal(current.content.foo, 'bar');
      await assert.rejects(kuzzle.auth.updateSelf({ profileIds: ['admin'] }), (error: { id?: string; status?: number }) => error.id === 'api.assert.forbidden_argument' && error.status === 400);
      await kuzzle.auth.logout();

      await kuzzle.auth.login('local', admin);
      const profileId = `sdk-profile-${name.toLowerCase()}-${Date.now()}`;
      const created = await kuzzle.security.createProfile(profileId, { policies: [{ roleId: 'default' }] });
      assert.equal(created._id, profileId);
      const profile = await kuzzle.security.updateProfile(profileId, { rateLimit: 5 });
      assert.equal(profile._id, profileId);
      assert.equal(profile.rateLimit, 5);
      assert.deepEqual(profile.policies, [{ roleId: 'default' }]);
      await kuzzle.security.deleteProfile(profileId);
      await kuzzle.security.deleteUser(userId);
    } finally {
      kuzzle.disconnect();
    }
  });
}

// kuzzle-sdk's re-login logic runs on its tokenExpired event. Over Http it fires after an answer with
// security.token.invalid (what the real 2.56.0 answers for an expired token); over WebSocket the server's TokenExpired
// notification fires it before any call (kuzzle-observed-2.json #195, #197). A client tested against the mock must see
// both, or its re-login code never runs.
function eventWithin(kuzzle: any, event: string, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    kuzzle.on(event, () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

test('kuzzle-sdk over Http: a call with an expired token is 401 security.token.invalid, then tokenExpired fires and the jwt is cleared', async () => {
  const kuzzle = new Kuzzle(new Http('127.0.0.1', { port }), { deprecationWarning: false });
  await kuzzle.connect();
  try {
    await kuzzle.auth.login('local', admin, '1s');
    assert.equal(typeof kuzzle.jwt, 'string');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const expired = eventWithin(kuzzle, 'tokenExpired', 5_000);
    await assert.rejects(kuzzle.auth.updateSelf({ fullname: 'late' }), (error: { id?: string; status?: number }) => error.id === 'security.token.invalid' && error.status === 401);
    assert.equal(await expired, true, 'tokenExpired was not emitted');
    assert.equal(kuzzle.jwt, null);
  } finally {
    kuzzle.disconnect();
  }
});

test('kuzzle-sdk over WebSocket: when the token expires, tokenExpired fires without a call and the jwt is cleared', async () => {
  const kuzzle = new Kuzzle(new WebSocket('127.0.0.1', { port }), { deprecationWarning: false });
  await kuzzle.connect();
  try {
    const expired = eventWithin(kuzzle, 'tokenExpired', 6_000);
    await kuzzle.auth.login('local', admin, '1s');
    assert.equal(typeof kuzzle.jwt, 'string');
    assert.equal(await expired, true, 'tokenExpired was not emitted');
    assert.equal(kuzzle.jwt, null);
  } finally {
    kuzzle.disconnect();
  }
});
