// A hot document over a real socket: 400 concurrent updateSelf of one user with one token and the default
// retryOnConflict (10) all succeed (kuzzle.updateSelf.default.retry-on-conflict-concurrency);
// with retryOnConflict=0 a conflict stays observable.
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import assert from 'node:assert/strict';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

let mock: RunningMock;
let base: string;
let token: string;
const JSON_TYPE = { 'content-type': 'application/json' };

before(async () => {
  mock = await startTestMock(['kuzzle']);
  base = url(mock, 'kuzzle');
  const { admin } = (await mock.credentials()).kuzzle as { admin: { username: string; password: string } };
  token = ((await (await fetch(`${base}/_login/local`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(admin) })).json()) as { result: { jwt: string } }).result.jwt;
});
after(() => mock.stop());

const updateSelf = (query: string, body: unknown) =>
  fetch(`${base}/_me${query}`, { method: 'PUT', headers: { ...JSON_TYPE, authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, json: (await r.json()) as any }));

test('400 concurrent updateSelf of one user without retryOnConflict: all 200, each with its own update', async () => {
  const answers = await Promise.all(Array.from({ length: 400 }, (_, i) => updateSelf('', { hot: i })));
  const failed = answers.filter((a) => a.status !== 200);
  assert.equal(failed.length, 0, `${failed.length} failed, first: ${JSON.stringify(failed[0]?.json?.error)}`);
  answers.forEach((a, i) => assert.equal(a.json.result._source.hot, i, 'each answer shows its own update'));
  const current = (await (await fetch(`${base}/_me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { result: { _source: { hot: number } } };
  assert.ok(current.result._source.hot >= 0 && current.result._source.hot < 400);
});

test('200 updateSelf sent at once on one WebSocket (one event-loop turn) without retryOnConflict: all 200', async () => {
  const socket = new WebSocket(url(mock, 'kuzzle', 'ws'));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  try {
    const answers = new Map<string, { status: number; error?: { id: string } }>();
    const all = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { requestId: string; status: number; error?: { id: string } };
        answers.set(message.requestId, message);
        if (answers.size === 200) resolve();
      }),
    );
    for (let i = 0; i < 200; i++) socket.send(JSON.stringify({ controller: 'auth', action: 'updateSelf', jwt: token, requestId: `hot-${i}`, body: { ws: i } }));
    await all;
    const failed = [...answers.values()].filter((a) => a.status !== 200);
    assert.equal(failed.length, 0, `${failed.length} of 200 failed, first: ${failed[0]?.error?.id}`);
  } finally {
    socket.close();
  }
});

test('with retryOnConflict=0, updates sent together can still conflict: 500 services.storage.too_many_changes', async () => {
  const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => updateSelf('?retryOnConflict=0', { cold: i })));
  const conflicts = answers.filter((a) => a.status === 500);
  assert.ok(conflicts.length >= 1, 'no conflict was observable');
  for (const c of conflicts) assert.equal(c.json.error.id, 'services.storage.too_many_changes');
});

test('--conflict-window: a second retryOnConflict=0 update of one user arriving within the window gets 500 too_many_changes', async () => {
  const { configFromFlags } = await import('../../src/cli/mock-options.ts');
  const windowed = await startTestMock(['kuzzle'], configFromFlags({ conflictWindow: 1500 }));
  try {
    const at = url(windowed, 'kuzzle');
    const { admin } = (await windowed.credentials()).kuzzle as { admin: { username: string; password: string } };
    const jwt = ((await (await fetch(`${at}/_login/local`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(admin) })).json()) as { result: { jwt: string } }).result.jwt;
    const put = (body: unknown) =>
      fetch(`${at}/_me?retryOnConflict=0`, { method: 'PUT', headers: { ...JSON_TYPE, authorization: `Bearer ${jwt}` }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, json: (await r.json()) as any }));
    // Sequential on the client side: the first is still in its window (1.5 s) when the second, sent 50 ms later, arrives.
    const first = put({ windowed: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await put({ windowed: 2 });
    assert.equal((await first).status, 200);
    assert.equal(second.status, 500);
    assert.equal(second.json.error.id, 'services.storage.too_many_changes');
    assert.equal(second.json.error.code, 16842784);
    const alone = await put({ windowed: 3 });
    assert.equal(alone.status, 200, 'an update alone in its window succeeds');
    assert.equal(alone.json.result._source.windowed, 3);
  } finally {
    await windowed.stop();
  }
});
