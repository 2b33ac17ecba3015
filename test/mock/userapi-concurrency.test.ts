// userapi under contention, over a real socket: concurrent updates of one user each get their own answer (never
// "json field is required"), and two users taking one new address at the same moment never both keep it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

let mock: RunningMock;
let base: string;
let users: Array<{ id: number; email: string; token: string }>;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

before(async () => {
  mock = await startTestMock(['userapi']);
  base = url(mock, 'userapi');
  users = ((await mock.credentials()).userapi as { users: typeof users }).users;
});
after(() => mock.stop());

function update(user: { token: string }, fields: Record<string, string>) {
  return fetch(`${base}/api/user/update`, { method: 'PUT', headers: { ...FORM, authorization: user.token }, body: `json=${encodeURIComponent(JSON.stringify(fields))}` });
}

test('200 concurrent updates of one user: every one is 200 with its own changes, and the last one stored is one of them', async () => {
  const [alice] = users;
  const names = Array.from({ length: 200 }, (_, i) => `Alice${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
  const answers = await Promise.all(names.map(async (name) => {
    const res = await update(alice!, { name, surname: 'Example', email: alice!.email });
    return { status: res.status, body: (await res.json()) as { changes?: { name?: string }; message?: string } };
  }));
  const wrong = answers.filter((a, i) => a.status !== 200 || a.body.changes?.name !== names[i]);
  assert.deepEqual(wrong.slice(0, 3), [], `${wrong.length} of 200 answers were not their own success`);
  const stored = ((await (await fetch(`${base}/api/user/detail/${alice!.id}`)).json()) as { user: { name: string } }).user.name;
  assert.ok(names.includes(stored));
});

test('two users taking the same new address at once: exactly one keeps it, in every round', async () => {
  const [alice, bob] = users;
  for (let round = 0; round < 50; round++) {
    const email = `shared-${round}@example.com`;
    const [a, b] = await Promise.all([
      update(alice!, { name: 'Alice', surname: 'Example', email }),
      update(bob!, { name: 'Bob', surname: 'Example', email }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 400], `round ${round}`);
    // Put the winner back on its own address so the next round starts clean.
    const winner = a.status === 200 ? alice! : bob!;
    assert.equal((await update(winner, { name: winner === alice ? 'Alice' : 'Bob', surname: 'Example', email: winner.email })).status, 200);
  }
});
