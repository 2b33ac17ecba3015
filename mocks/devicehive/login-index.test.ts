import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VersionedStore } from '../../src/core/store.ts';
import { ADMIN, adminToken, createTestMock, rest } from './test-support.ts';

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

test('creating a user and logging in look the login up in an index, not by reading every user', async () => {
  const { mock } = createTestMock();
  const admin = await adminToken(mock);
  for (let i = 0; i < 200; i++) assert.equal((await rest(mock, 'POST', '/user', { token: admin, body: { login: `user${i}`, password: 'secret123', role: 1 } })).status, 201);
  const scans = await scansDuring(async () => {
    assert.equal((await rest(mock, 'POST', '/user', { token: admin, body: { login: 'user-new', password: 'secret123', role: 1 } })).status, 201);
    assert.equal((await rest(mock, 'POST', '/user', { token: admin, body: { login: 'user7', password: 'secret123', role: 1 } })).status, 403);
    assert.equal((await rest(mock, 'POST', '/token', { body: { login: 'user150', password: 'secret123' } })).status, 201);
    assert.equal((await rest(mock, 'POST', '/token', { body: { login: 'nobody', password: 'secret123' } })).status, 401);
  });
  assert.equal(scans, 0);
});

test('the login index follows renames, deletions, reset and a state load', async () => {
  const { mock } = createTestMock();
  const admin = await adminToken(mock);
  const created = await rest(mock, 'POST', '/user', { token: admin, body: { login: 'before', password: 'secret123', role: 1 } });
  const id = created.body.id as number;
  assert.equal((await rest(mock, 'PUT', `/user/${id}`, { token: admin, body: { login: 'after' } })).status, 204);
  assert.equal((await rest(mock, 'POST', '/token', { body: { login: 'before', password: 'secret123' } })).status, 401);
  assert.equal((await rest(mock, 'POST', '/token', { body: { login: 'after', password: 'secret123' } })).status, 201);
  // The old login is free again, the new one is taken.
  assert.equal((await rest(mock, 'POST', '/user', { token: admin, body: { login: 'after', password: 'secret123', role: 1 } })).status, 403);
  const reused = await rest(mock, 'POST', '/user', { token: admin, body: { login: 'before', password: 'secret123', role: 1 } });
  assert.equal(reused.status, 201);

  const saved = mock.exportState();
  assert.equal((await rest(mock, 'DELETE', `/user/${reused.body.id}`, { token: admin })).status, 204);
  assert.equal((await rest(mock, 'POST', '/token', { body: { login: 'before', password: 'secret123' } })).status, 401);
  mock.importState(saved);
  assert.equal((await rest(mock, 'POST', '/token', { body: { login: 'before', password: 'secret123' } })).status, 201);

  mock.reset();
  assert.equal((await rest(mock, 'POST', '/token', { body: { login: 'after', password: 'secret123' } })).status, 401);
  assert.equal((await rest(mock, 'POST', '/token', { body: ADMIN })).status, 201);
});
