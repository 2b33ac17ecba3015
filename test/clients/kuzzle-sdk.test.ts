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
