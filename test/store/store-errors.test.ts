// What a user sees when the store is wrong or goes away: a malformed --store or an unreachable Redis refuse the
// start (exit 2, CONFORM_ERR_STORE, no password printed); a Redis lost while running makes requests get the family's
// server error, never a success, and the mock serves again once Redis is back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startRedis, skipWithoutRedis } from '../helpers/redis-server.ts';
import { startMockProcess } from '../helpers/mock-process.ts';
import { startTestMock, url } from '../helpers/start-mock.ts';
import { parseStore } from '../../src/store/redis-connection.ts';

test('malformed --store values are refused with a precise CONFORM_ERR_STORE', () => {
  assert.deepEqual(parseStore('memory'), { kind: 'memory' });
  assert.deepEqual(parseStore('redis://127.0.0.1:6390/3'), { kind: 'redis', url: 'redis://127.0.0.1:6390/3', db: 3, host: '127.0.0.1', port: 6390 });
  const cases: Array<[string, RegExp]> = [
    ['mongodb://x', /scheme must be redis:\/\//],
    ['redis://h:1/abc', /database "\/abc" must be a number/],
    ['redis://h:1/16', /database 16 must be from 0 to 15/],
    ['nonsense', /neither "memory" nor a URL/],
    ['redis://h:1/0?x=1', /no query/],
  ];
  for (const [value, message] of cases) assert.throws(() => parseStore(value), (e: Error & { code?: string }) => e.code === 'CONFORM_ERR_STORE' && message.test(e.message), value);
  assert.throws(() => parseStore('redis://user:hunter2secret@h:1/x'), (e: Error) => !e.message.includes('hunter2secret'));
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

test('conform mock --store redis://… with no Redis there: exit 2, CONFORM_ERR_STORE, the URL without its password', async () => {
  const port = await closedPort();
  const child = startMockProcess(['--store', `redis://someone:hunter2secret@127.0.0.1:${port}/0`]);
  const end = await child.exited;
  assert.equal(end.code, 2);
  assert.match(end.stderr, /CONFORM_ERR_STORE/);
  assert.match(end.stderr, new RegExp(`redis://\\*\\*\\*@127\\.0\\.0\\.1:${port}/0`));
  assert.doesNotMatch(end.stdout + end.stderr, /hunter2secret/);
});

test('conform mock --store with a malformed value: exit 2 with the reason', async () => {
  const end = await startMockProcess(['--store', 'redis://127.0.0.1:1/99']).exited;
  assert.equal(end.code, 2);
  assert.match(end.stderr, /CONFORM_ERR_STORE.*|database 99 must be from 0 to 15/);
  assert.match(end.stderr, /database 99 must be from 0 to 15/);
});

test('Redis lost while running: the family\'s server error (never a success), the mock keeps serving, and works again once Redis is back', { skip: skipWithoutRedis }, async () => {
  let redis = await startRedis();
  const mock = await startTestMock(['userapi'], { store: redis.url });
  try {
    const { users } = (await mock.credentials()).userapi as { users: Array<{ token: string; id: number }> };
    const base = url(mock, 'userapi');
    const update = (surname: string) =>
      fetch(`${base}/api/user/update`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${users[0]!.token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ json: JSON.stringify({ name: 'Alice', surname, email: 'alice@example.com' }) }).toString(),
      });
    assert.equal((await update('Before')).status, 200);
    await redis.stop();
    const lost = await update('During');
    assert.equal(lost.status, 500, 'not acknowledged while Redis is away');
    assert.deepEqual(await lost.json(), { message: 'Server Error' }, "the family's own server error (Laravel's)");
    assert.equal((await fetch(`${base}/__conform/health`)).status, 200, 'the process keeps serving');
    redis = await startRedis(redis.port);
    // ioredis reconnects on its own (at most 2 s between tries); the replica seeds the empty Redis again.
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await update('After')).status;
    }
    assert.equal(status, 200, 'served again once Redis is back');
    const detail = (await (await fetch(`${base}/api/user/detail/${users[0]!.id}`)).json()) as { user: { surname: string } };
    assert.equal(detail.user.surname, 'After');
  } finally {
    await mock.stop();
    await redis.stop();
  }
});
