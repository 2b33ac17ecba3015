import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VersionedStore, VersionConflictError } from './store.ts';

function store(updateWindowMs = 0, refreshDelayMs = 1000) {
  let now = 1_000_000;
  const s = new VersionedStore<{ n: number }>({ refreshDelayMs, updateWindowMs, now: () => now });
  return { s, advance: (ms: number) => (now += ms) };
}

test('each write bumps the version; a get sees it at once', async () => {
  const { s } = store();
  s.create('a', { n: 1 }, { waitForRefresh: true });
  const updated = await s.update('a', (c) => ({ n: c.n + 1 }), { waitForRefresh: true, retryOnConflict: 0 });
  assert.equal(updated?.version, 2);
  assert.deepEqual(s.get('a')?.source, { n: 2 });
});

test('without wait_for, searches see the previous version until the refresh delay has passed', async () => {
  const { s, advance } = store();
  s.create('a', { n: 1 }, { waitForRefresh: true });
  await s.update('a', () => ({ n: 5 }), { waitForRefresh: false, retryOnConflict: 0 });
  assert.deepEqual(s.search().map((h) => h.source.n), [1]);
  advance(1000);
  assert.deepEqual(s.search().map((h) => h.source.n), [5]);
  s.create('b', { n: 9 }, { waitForRefresh: false });
  assert.equal(s.search((d) => d.n === 9).length, 0, 'a new document is invisible until refreshed');
});

test('concurrent updates conflict: with retries they all apply, without they fail', async () => {
  const { s } = store(5);
  s.create('a', { n: 0 }, { waitForRefresh: true });
  const inc = (retryOnConflict: number) => s.update('a', (c) => ({ n: c.n + 1 }), { waitForRefresh: true, retryOnConflict });
  const results = await Promise.allSettled([inc(10), inc(10), inc(10)]);
  assert.ok(results.every((r) => r.status === 'fulfilled'));
  assert.equal(s.get('a')?.source.n, 3);
  const racing = await Promise.allSettled([inc(0), inc(0)]);
  assert.equal(racing.filter((r) => r.status === 'rejected').length, 1);
});

test('with the default window (one event-loop turn) updates sent together still conflict', async () => {
  const { s } = store(0);
  s.create('a', { n: 0 }, { waitForRefresh: true });
  const racing = await Promise.allSettled([0, 0, 0].map(() => s.update('a', (c) => ({ n: c.n + 1 }), { waitForRefresh: true, retryOnConflict: 0 })));
  assert.equal(racing.filter((r) => r.status === 'fulfilled').length, 1);
  assert.ok((racing.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason instanceof VersionConflictError);
});

test('a burst of 50 updates of one document with retries all succeed, versions strictly increasing; without retries they race', async () => {
  const { s } = store(0);
  s.create('a', { n: 0 }, { waitForRefresh: true });
  const burst = await Promise.allSettled(Array.from({ length: 50 }, () => s.update('a', (c) => ({ n: c.n + 1 }), { waitForRefresh: true, retryOnConflict: 10 })));
  assert.equal(burst.filter((r) => r.status === 'fulfilled').length, 50);
  const versions = burst.map((r) => (r as PromiseFulfilledResult<{ version: number } | undefined>).value?.version ?? 0);
  assert.deepEqual([...versions].sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i + 2), 'each version once');
  assert.equal(s.get('a')?.source.n, 50, 'no update lost');
  const racing = await Promise.allSettled(Array.from({ length: 5 }, () => s.update('a', (c) => ({ n: c.n + 1 }), { waitForRefresh: true, retryOnConflict: 0 })));
  assert.equal(racing.filter((r) => r.status === 'fulfilled').length, 1);
});

test('an update whose change throws writes nothing', async () => {
  const { s } = store();
  s.create('a', { n: 1 }, { waitForRefresh: true });
  await assert.rejects(s.update('a', () => { throw new Error('invalid'); }, { waitForRefresh: true, retryOnConflict: 0 }), /invalid/);
  assert.equal(s.get('a')?.version, 1);
});

test('an update with retries is applied in the caller turn: a queued update never waits for the event loop', async () => {
  const { s } = store(50);
  s.create('a', { n: 0 }, { waitForRefresh: true });
  const pending = Array.from({ length: 50 }, () => s.update('a', (c) => ({ n: c.n + 1 }), { waitForRefresh: true, retryOnConflict: 10 }));
  assert.equal(s.get('a')?.source.n, 50, 'all 50 applied before any await');
  assert.equal(s.get('a')?.version, 51);
  const versions = (await Promise.all(pending)).map((d) => d?.version);
  assert.deepEqual(versions, Array.from({ length: 50 }, (_, i) => i + 2), 'in arrival order, each version once');
});

test('the conflict window: an update without retries conflicts with any write of the document inside it', async () => {
  const { s } = store(200);
  s.create('a', { n: 0 }, { waitForRefresh: true });
  const first = s.update('a', () => ({ n: 1 }), { waitForRefresh: true, retryOnConflict: 0 });
  await new Promise((resolve) => setImmediate(resolve));
  const second = s.update('a', () => ({ n: 2 }), { waitForRefresh: true, retryOnConflict: 0 });
  assert.equal((await first)?.version, 2, 'the first one in its window wins');
  await assert.rejects(second, VersionConflictError, 'the second, arriving inside the first one\'s window, conflicts');
  assert.deepEqual(s.get('a')?.source, { n: 1 });
  const racer = s.update('a', () => ({ n: 3 }), { waitForRefresh: true, retryOnConflict: 0 });
  await s.update('a', () => ({ n: 4 }), { waitForRefresh: true, retryOnConflict: 10 });
  await assert.rejects(racer, VersionConflictError, 'a write with retries inside the window makes it conflict too');
  assert.deepEqual(s.get('a')?.source, { n: 4 });
});
