// A uniqueness rule holds across processes on one Redis as it does in one process: two users taking the same new
// address at the same moment, one through process A and one through B, never both keep it (bin/conform.mjs:
// `npm run build` first). A commit is refused when a store the exchange scanned (the address check reads every
// user) was written by another process meanwhile, so one of the two runs again and sees the other's address.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipWithoutRedis } from '../helpers/redis-server.ts';
import { startSharedPair, type SharedMock, type SharedPair } from '../helpers/shared-mocks.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
let pair: SharedPair | undefined;
let a: SharedMock;
let b: SharedMock;

before(async () => {
  if (skipWithoutRedis) return;
  pair = await startSharedPair(['--family', 'userapi']);
  ({ a, b } = pair);
});
after(async () => {
  await pair?.stop();
});

async function login(base: string, user: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/login`, { method: 'POST', headers: FORM, body: `json=${encodeURIComponent(JSON.stringify({ email: user.email, password: user.password }))}` });
  const text = await res.text();
  assert.equal(res.status, 200, text);
  const body = JSON.parse(text) as { token?: string } | string;
  return typeof body === 'string' ? body : (body.token as string);
}

function update(base: string, token: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${base}/api/user/update`, { method: 'PUT', headers: { ...FORM, authorization: token }, body: `json=${encodeURIComponent(JSON.stringify(fields))}` });
}

test('two users taking one new address at once through two processes: exactly one keeps it, in every round', { skip: skipWithoutRedis }, async () => {
  const [alice, bob] = a.credentials.userapi.users as Array<{ email: string; password: string }>;
  const viaA = a.urls['userapi http']!;
  const viaB = b.urls['userapi http']!;
  const [aliceToken, bobToken] = [await login(viaA, alice!), await login(viaB, bob!)];
  for (let round = 0; round < 30; round++) {
    const email = `shared-${round}@example.com`;
    const [x, y] = await Promise.all([update(viaA, aliceToken, { name: 'Alice', surname: 'Example', email }), update(viaB, bobToken, { name: 'Bob', surname: 'Example', email })]);
    assert.deepEqual([x.status, y.status].sort(), [200, 400], `round ${round}: ${await x.text()} / ${await y.text()}`);
    const [winnerBase, winnerToken, winner] = x.status === 200 ? [viaA, aliceToken, alice!] : [viaB, bobToken, bob!];
    assert.equal((await update(winnerBase, winnerToken, { name: winner === alice ? 'Alice' : 'Bob', surname: 'Example', email: winner.email })).status, 200);
  }
});
