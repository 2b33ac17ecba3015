// Sharding as the README describes it: two shards, their blob reports merged by Playwright with the conformance
// reporter, one report with every requirement.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { startTestMock } from '../helpers/start-mock.ts';
import { runConform } from '../helpers/run-conform.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import type { ConformanceReport } from '../../src/reports/model.ts';
import { ROOT } from '../../src/specs/paths.ts';

let mock: RunningMock;
before(async () => {
  mock = await startTestMock(['userapi'], { targetsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'conform-shard-t-')) });
});
after(() => mock.stop());

test('two shards merged with playwright merge-reports give the report of a whole run', async () => {
  const target = path.join(mock.config.targetsDir as string, 'userapi.json');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-shards-'));
  const blobs = path.join(work, 'blobs');
  fs.mkdirSync(blobs);
  for (const shard of ['1/2', '2/2']) {
    const run = await runConform(['test', '--target', target, '--shard', shard], path.join(work, shard.replace('/', '-')));
    assert.equal(run.code, 0, run.stderr);
    const blobDir = path.join(run.reportDir, `blob-${shard.replace('/', '-of-')}`);
    for (const file of fs.readdirSync(blobDir)) fs.copyFileSync(path.join(blobDir, file), path.join(blobs, file));
  }
  const merged = path.join(work, 'merged');
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@playwright/test/package.json')), 'cli.js');
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [cli, 'merge-reports', '--config', path.join(ROOT, 'playwright.config.ts'), '--reporter', path.join(ROOT, 'src', 'reports', 'playwright-reporter.ts'), blobs], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, CONFORM_TARGET: target, CONFORM_REPORT_DIR: merged } });
    child.on('exit', resolve);
  });
  assert.equal(code, 0);
  const report = JSON.parse(fs.readFileSync(path.join(merged, 'conformance.json'), 'utf8')) as ConformanceReport;
  assert.equal(report.summary.passed, report.requirements.length);
  assert.equal(report.summary.notTested, 0);
});
