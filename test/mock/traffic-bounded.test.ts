import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestMock, url } from '../helpers/start-mock.ts';

interface Entry {
  transport: string;
  direction: string;
  summary: string;
  status?: number;
  body?: string;
  truncated?: { bytes: number };
}

const ONE_MB = 1_000_000;

test('the traffic log keeps 4 KiB of each refused 1 MB body, over HTTP and WebSocket, with the length it had', async () => {
  const mock = await startTestMock(['kuzzle']);
  try {
    const base = url(mock, 'kuzzle');
    // Not JSON: Kuzzle refuses it with 400, after the whole megabyte was read (and recorded).
    const body = `{${'x '.repeat(ONE_MB / 2)}`.slice(0, ONE_MB);
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${base}/_login/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      assert.equal(res.status, 400);
      await res.arrayBuffer();
    }
    const ws = new WebSocket(url(mock, 'kuzzle', 'ws'));
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = reject;
    });
    const answered = new Promise((resolve) => (ws.onmessage = resolve));
    ws.send(body);
    await answered;
    ws.close();

    const listed = (await (await fetch(`${base}/__conform/traffic?family=kuzzle`)).json()) as { entries: Entry[] };
    const big = listed.entries.filter((e) => e.direction === 'in' && e.truncated);
    assert.equal(big.filter((e) => e.transport === 'http').length, 5);
    assert.equal(big.filter((e) => e.transport === 'ws').length, 1);
    for (const e of big) {
      assert.deepEqual(e.truncated, { bytes: ONE_MB });
      assert.ok(e.body!.length <= 4096 + 40, `${e.body!.length} characters kept`);
      assert.match(e.body!, /^\{x x /);
      assert.match(e.body!, /… \(1000000 bytes\)$/);
    }
  } finally {
    await mock.stop();
  }
});
