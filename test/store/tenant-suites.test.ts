// `conform test --tenant a` and `--tenant b` in parallel against one shared mock on Redis (userapi, the fastest
// suite): both pass, and each wrote in its own tenant only (bin/conform.mjs: `npm run build` first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRedis, skipWithoutRedis } from '../helpers/redis-server.ts';
import { startTestMock } from '../helpers/start-mock.ts';
import { runConform } from '../helpers/run-conform.ts';

test('the userapi suite passes in tenants a and b at once on one shared mock; the default tenant is left alone', { skip: skipWithoutRedis }, async () => {
  const redis = await startRedis();
  const targetsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-tenants-'));
  const mock = await startTestMock(['userapi'], { store: redis.url, targetsDir });
  try {
    const target = path.join(targetsDir, 'userapi.json');
    const [a, b] = await Promise.all([runConform(['test', '--target', target, '--tenant', 'a', '--quiet']), runConform(['test', '--target', target, '--tenant', 'b', '--quiet'])]);
    for (const [name, run] of [['a', a], ['b', b]] as const) {
      assert.equal(run.code, 0, `tenant ${name}: ${run.stdout}\n${run.stderr}`);
      const notPassed = run.report!.requirements.filter((r) => r.status !== 'passed').map((r) => r.id);
      assert.deepEqual(notPassed, [], `tenant ${name}`);
      assert.match(JSON.stringify(run.report!.target), new RegExp(`/__tenant/${name}`));
    }
    const redisClient = mock.shared!.redis;
    assert.ok((await redisClient.xlen('conform:a:userapi:log')) > 0, 'tenant a was written');
    assert.ok((await redisClient.xlen('conform:b:userapi:log')) > 0, 'tenant b was written');
    assert.equal(await redisClient.xlen('conform:default:userapi:log'), 0, 'the default tenant was not');
  } finally {
    await mock.stop();
    await redis.stop();
  }
});
