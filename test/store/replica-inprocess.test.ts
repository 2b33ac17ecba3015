import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startRedis, skipWithoutRedis } from '../helpers/redis-server.ts';
import { startTestMock, url } from '../helpers/start-mock.ts';

test('two mocks on one Redis (in one process): a userapi update through one is read back through the other', { skip: skipWithoutRedis }, async () => {
  const redis = await startRedis();
  const a = await startTestMock(['userapi'], { store: redis.url });
  const b = await startTestMock(['userapi'], { store: redis.url });
  try {
    const creds = (await a.credentials()).userapi as { users: Array<{ token: string; id: number }> };
    const token = creds.users[0]!.token;
    const put = await fetch(`${url(a, 'userapi')}/api/user/update`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ json: JSON.stringify({ name: 'Changed', surname: 'Elsewhere', email: 'alice@example.com' }) }).toString() });
    assert.equal(put.status, 200, await put.clone().text());
    const got = await fetch(`${url(b, 'userapi')}/api/user/detail/${creds.users[0]!.id}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await got.text();
    assert.match(text, /Elsewhere/);
  } finally {
    await a.stop();
    await b.stop();
    await redis.stop();
  }
});
