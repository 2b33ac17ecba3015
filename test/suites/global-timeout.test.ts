// conform test --global-timeout: a run that does not end in time is stopped, its reports are written with the
// unfinished tests marked, and conform exits 2 with CONFORM_ERR_TIMEOUT. The target is the Kuzzle mock made slow
// (every answer a second late), so that its suite cannot end within the few seconds allowed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runConform } from '../helpers/run-conform.ts';
import { startTestMock } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

let slow: RunningMock;
before(async () => {
  slow = await startTestMock(['kuzzle'], { latency: { fixedMs: 1_000 }, targetsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'conform-gt-')) });
});
after(() => slow.stop());

test('--global-timeout stops a run that does not end: exit 2, CONFORM_ERR_TIMEOUT, the reports written with the unfinished tests marked', async () => {
  const target = path.join(slow.config.targetsDir as string, 'kuzzle.json');
  const run = await runConform(['test', '--target', target, '--global-timeout', '8', '--quiet']);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /stopped after the global timeout of 8 s \(--global-timeout\).*\[CONFORM_ERR_TIMEOUT\]/);
  assert.equal(run.report?.stopped?.code, 'CONFORM_ERR_TIMEOUT');
  for (const file of ['conformance.json', 'conformance.html', 'junit.xml', 'summary.md']) assert.ok(fs.existsSync(path.join(run.reportDir, file)), file);
  // The suite did not get through: what never ran is not tested, and the only failures are the tests it interrupted.
  assert.ok(run.report.summary.notTested > 0, JSON.stringify(run.report.summary));
  const failures = run.report.requirements.flatMap((r) => r.failures.map((f) => `${r.id}: ${f.message}`));
  console.log(`stopped by the global timeout: ${run.report.summary.passed} passed, ${failures.length} not finished, ${run.report.summary.notTested} not tested`);
  assert.deepEqual(failures.filter((f) => !/: not finished: the run was stopped while this test ran/.test(f)), []);
});

test('--global-timeout takes whole seconds from 1', async () => {
  const target = path.join(slow.config.targetsDir as string, 'kuzzle.json');
  const run = await runConform(['test', '--target', target, '--global-timeout', '0']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--global-timeout/);
  assert.equal(run.report, undefined, 'a usage error runs nothing');
});
