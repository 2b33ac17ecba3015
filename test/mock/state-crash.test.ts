import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMockProcess } from '../helpers/mock-process.ts';

const ADMIN = { login: 'dhadmin', password: 'dhadmin_#911' };
const TOTAL = 300;
const CONCURRENCY = 16;
/** SIGKILL once this many creations were acknowledged: the others are in flight or not yet sent. */
const KILL_AFTER = 150;

async function token(base: string): Promise<string> {
  const res = await fetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  assert.equal(res.status, 201);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

test('--state: every write acknowledged before a SIGKILL is there after a restart', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conform-crash-')), 'state.json');
  const first = startMockProcess(['--family', 'devicehive', '--state', file]);
  const base = (await first.ready)['devicehive http']!;
  const auth = { authorization: `Bearer ${await token(base)}`, 'content-type': 'application/json' };
  const acknowledged: number[] = [];
  let next = 0;
  let killed = false;
  // Bounded: TOTAL creations, CONCURRENCY at a time; a request cut by the kill just ends its worker.
  const worker = async () => {
    while (!killed && next < TOTAL) {
      const n = next++;
      try {
        const res = await fetch(`${base}/user`, { method: 'POST', headers: auth, body: JSON.stringify({ login: `crash-user-${n}`, password: 'crash-pass-1', role: 1 }) });
        const body = (await res.json()) as { id: number };
        if (killed) return; // an answer read after the kill was still acknowledged before it: count it too
        if (res.status === 201) acknowledged.push(body.id);
        if (acknowledged.length >= KILL_AFTER && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      } catch {
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const end = await first.exited;
  assert.equal(end.signal, 'SIGKILL', 'the mock was killed, not stopped cleanly');
  assert.ok(acknowledged.length >= KILL_AFTER);

  const second = startMockProcess(['--family', 'devicehive', '--state', file]);
  try {
    const again = (await second.ready)['devicehive http']!;
    const headers = { authorization: `Bearer ${await token(again)}` };
    const lost: number[] = [];
    for (const id of acknowledged) {
      const res = await fetch(`${again}/user/${id}`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) lost.push(id);
    }
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged creations lost`);
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
});
