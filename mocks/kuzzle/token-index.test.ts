import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VersionedStore } from '../../src/core/store.ts';
import { createMock, createUser, http, login } from './test-support.ts';

/** Counts the full reads of any store (VersionedStore.all) while `run` runs: an indexed lookup makes none. */
async function scansDuring(run: () => Promise<void>): Promise<number> {
  const original = VersionedStore.prototype.all;
  let scans = 0;
  VersionedStore.prototype.all = function (this: VersionedStore<unknown>) {
    scans++;
    return original.call(this);
  } as typeof original;
  try {
    await run();
  } finally {
    VersionedStore.prototype.all = original;
  }
  return scans;
}

test('a login and a global logout read no list of every session: tokens are indexed by expiry and by user', async () => {
  const mock = createMock();
  const admin = await login(mock);
  await createUser(mock, admin, 'u1');
  for (let i = 0; i < 100; i++) await login(mock, 'u1-login', 'u1-secret');
  let token = '';
  const scans = await scansDuring(async () => {
    token = await login(mock, 'u1-login', 'u1-secret');
    const out = await http(mock, 'POST', '/_logout?global', { token });
    assert.equal(out.body.status, 200);
  });
  assert.equal(scans, 0);
  assert.equal((await http(mock, 'GET', '/_me', { token })).body.status, 401);
});

test('a global logout revokes every token of the user, those of a loaded state included, and no other user\'s', async () => {
  const mock = createMock();
  const admin = await login(mock);
  const first = await createUser(mock, admin, 'u1');
  const saved = mock.exportState();
  mock.reset();
  mock.importState(saved);
  const second = await login(mock, 'u1-login', 'u1-secret');
  const adminAfter = await login(mock);
  assert.equal((await http(mock, 'GET', '/_me', { token: first })).body.status, 200);
  assert.equal((await http(mock, 'POST', '/_logout?global', { token: second })).body.status, 200);
  for (const t of [first, second]) assert.equal((await http(mock, 'GET', '/_me', { token: t })).body.status, 401);
  for (const t of [admin, adminAfter]) assert.equal((await http(mock, 'GET', '/_me', { token: t })).body.status, 200);
});

test('tokens whose TTL ran out are dropped at the next login, as Redis drops them; a token that never expires stays', async () => {
  const clock = { now: Date.UTC(2024, 0, 1) };
  const mock = createMock([], { now: () => clock.now });
  const short = await login(mock, 'admin', 'admin-password', '?expiresIn=1s');
  const forever = await login(mock, 'admin', 'admin-password', '?expiresIn=-1');
  const sessions = () => (mock.exportState() as { tokens: Array<{ id: string }> }).tokens.map((t) => t.id);
  assert.deepEqual(sessions().sort(), [short, forever].sort());
  clock.now += 1000;
  const next = await login(mock);
  assert.deepEqual(sessions().sort(), [forever, next].sort());
  assert.equal((await http(mock, 'GET', '/_me', { token: forever })).body.status, 200);
});
