// A target that dies after the pre-flight: the circuit breaker shared by the workers trips after a few consecutive
// transport failures, the run stops, the reports record why, and conform exits 2 with CONFORM_ERR_UNREACHABLE.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runConform, writeTarget } from '../helpers/run-conform.ts';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

let mock: RunningMock;
let proxy: net.Server;
let proxyPort = 0;
let dead = false;
const open = new Set<net.Socket>();

before(async () => {
  mock = await startTestMock(['userapi'], { targetsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'conform-breaker-t-')) });
  const upstream = new URL(url(mock, 'userapi'));
  // Forwards to the mock until `dead`; then resets every connection, open or new: a server that crashed mid-run.
  proxy = net.createServer((client) => {
    client.on('error', () => {});
    if (dead) return client.resetAndDestroy();
    const server = net.connect(Number(upstream.port), upstream.hostname);
    server.on('error', () => client.destroy());
    open.add(client);
    client.on('close', () => open.delete(client));
    client.pipe(server).pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyPort = (proxy.address() as net.AddressInfo).port;
});
after(async () => {
  proxy.close();
  await mock.stop();
});

test('a target that stops answering mid-run: the run stops within a minute, exit 2, the report says why', async () => {
  const target = JSON.parse(fs.readFileSync(path.join(mock.config.targetsDir as string, 'userapi.json'), 'utf8'));
  target.http = `http://127.0.0.1:${proxyPort}`;
  const started = Date.now();
  // Die once a few tests have passed (their folders appear in test-results as they start).
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-breaker-r-'));
  const watcher = setInterval(() => {
    const results = path.join(reportDir, 'test-results');
    if (!dead && fs.existsSync(results) && fs.readdirSync(results).length >= 5) {
      dead = true;
      for (const s of open) s.resetAndDestroy();
    }
  }, 50);
  const run = await runConform(['test', '--target', writeTarget(target)], reportDir);
  clearInterval(watcher);
  const seconds = (Date.now() - started) / 1000;
  console.log(`# target dead mid-run: exit ${run.code} after ${seconds.toFixed(1)} s`);
  assert.ok(dead, 'the target died during the run');
  assert.equal(run.code, 2, run.stderr);
  assert.ok(seconds < 60, `${seconds} s`);
  assert.match(run.stderr, /not run: the target stopped answering \(.+\) \[CONFORM_ERR_UNREACHABLE\]/);
  assert.equal(run.report?.stopped?.code, 'CONFORM_ERR_UNREACHABLE');
  assert.equal(run.report?.stopped?.stage, 'run');
  assert.ok((run.report?.summary.passed ?? 0) > 0, 'the tests before the death passed');
  assert.ok((run.report?.summary.notTested ?? 0) > 0, 'the tests after it were not run');
});
