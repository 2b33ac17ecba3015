import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExpiryQueue, IndexedStore, KeyIndex } from './store-index.ts';

interface Doc {
  owner: string;
  expiresAt: number;
}

const write = { waitForRefresh: true };

function store(now = () => 0) {
  const owners = new KeyIndex<Doc, string>((d) => d.owner);
  const expiry = new ExpiryQueue<Doc>((d) => (d.expiresAt === -1 ? undefined : d.expiresAt));
  return { owners, expiry, docs: new IndexedStore<Doc>({ refreshDelayMs: 0, updateWindowMs: 0, now }, [owners, expiry]) };
}

test('the key index follows every write: create, put with a new key, delete, clear, import', async () => {
  const { owners, docs } = store();
  docs.create('a', { owner: 'ann', expiresAt: -1 }, write);
  docs.create('a', { owner: 'bob', expiresAt: -1 }, write); // refused: the id exists, nothing changes
  docs.put('b', { owner: 'ann', expiresAt: -1 }, write);
  assert.deepEqual([...owners.ids('ann')], ['a', 'b']);
  assert.deepEqual([...owners.ids('bob')], []);
  docs.put('a', { owner: 'bob', expiresAt: -1 }, write);
  assert.deepEqual([...owners.ids('ann')], ['b']);
  assert.deepEqual([...owners.ids('bob')], ['a']);
  await docs.update('b', (d) => ({ ...d, owner: 'cy' }), { ...write, retryOnConflict: 1 });
  assert.deepEqual([...owners.ids('ann')], []);
  assert.deepEqual([...owners.ids('cy')], ['b']);
  assert.equal(docs.delete('a'), true);
  assert.equal(docs.delete('a'), false);
  assert.deepEqual([...owners.ids('bob')], []);
  docs.import([{ id: 'x', version: 3, source: { owner: 'dee', expiresAt: -1 } }]);
  assert.deepEqual([...owners.ids('cy')], []);
  assert.deepEqual([...owners.ids('dee')], ['x']);
  docs.clear();
  assert.deepEqual([...owners.ids('dee')], []);
});

test('the expiry queue gives what is due, soonest first, and skips what was deleted or given another expiry', () => {
  const { expiry, docs } = store();
  for (const [id, at] of [['t5', 5], ['t1', 1], ['t3', 3], ['never', -1], ['t2', 2], ['t4', 4]] as const) docs.put(id, { owner: 'o', expiresAt: at }, write);
  docs.delete('t2');
  docs.put('t3', { owner: 'o', expiresAt: 10 }, write);
  docs.put('t4', { owner: 'o', expiresAt: -1 }, write);
  assert.deepEqual(expiry.due(0), []);
  assert.deepEqual(expiry.due(5), ['t1', 't5']);
  assert.deepEqual(expiry.due(5), []);
  assert.equal(expiry.size, 1);
  assert.deepEqual(expiry.due(Number.MAX_SAFE_INTEGER), ['t3']);
  docs.import([{ id: 'i', version: 1, source: { owner: 'o', expiresAt: 7 } }]);
  assert.deepEqual(expiry.due(100), ['i']);
});

test('the expiry queue stays bounded when documents are replaced and deleted before they expire', () => {
  const { expiry, docs } = store();
  for (let i = 0; i < 20_000; i++) {
    docs.put(`t${i % 10}`, { owner: 'o', expiresAt: 1_000_000 + i }, write);
    if (i % 3 === 0) docs.delete(`t${i % 10}`);
  }
  assert.ok((expiry as unknown as { heap: { size(): number } }).heap.size() <= 2 * 10 + 1024 + 1);
  const left = [...Array(10).keys()].map((k) => `t${k}`).filter((id) => docs.has(id));
  assert.deepEqual(expiry.due(Number.MAX_SAFE_INTEGER).sort(), left.sort());
});

test('a lookup by key reads no other document: the index answers, not a scan', () => {
  const { owners, docs } = store();
  for (let i = 0; i < 1000; i++) docs.put(`d${i}`, { owner: `u${i}`, expiresAt: -1 }, write);
  let scans = 0;
  const all = docs.all.bind(docs);
  docs.all = () => {
    scans++;
    return all();
  };
  assert.deepEqual([...owners.ids('u500')], ['d500']);
  assert.equal(scans, 0);
});
