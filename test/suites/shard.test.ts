// Sharding as the README and docs/ci.md describe it: two shards, then `conform merge-reports` over their blob
// folders, one report with every requirement; with the target file, and with only the family and endpoints on the
// command line (merging logs in nowhere, so CI needs no credentials in that job).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestMock } from '../helpers/start-mock.ts';
import { runConform } from '../helpers/run-conform.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

let mock: RunningMock;
before(async () => {
  mock = await startTestMock(['userapi'], { targetsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'conform-shard-t-')) });
});
after(() => mock.stop());

test('two shards merged with conform merge-reports give the report of a whole run', async () => {
  const targetFile = path.join(mock.config.targetsDir as string, 'userapi.json');
  const target = JSON.parse(fs.readFileSync(targetFile, 'utf8'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-shards-'));
  const counts: number[] = [];
  for (const shard of ['1/2', '2/2']) {
    const run = await runConform(['test', '--target', targetFile, '--shard', shard, '--quiet'], path.join(work, shard.replace('/', '-')));
    assert.equal(run.code, 0, run.stderr);
    counts.push(run.report?.summary.passed ?? 0);
  }
  const blobDirs = ['1-2', '2-2'].map((d) => path.join(work, d, `blob-${d.replace('-', '-of-')}`));

  const withFile = await runConform(['merge-reports', ...blobDirs, '--target', targetFile], path.join(work, 'merged'));
  assert.equal(withFile.code, 0, withFile.stderr);
  assert.match(withFile.stdout, /merged 2 blob report\(s\)/);
  const report = withFile.report;
  assert.ok(report);
  assert.equal(report.summary.notTested, 0);
  assert.equal(report.summary.passed, report.requirements.length);
  assert.ok(counts.every((c) => c > 0 && c < report.requirements.length), `each shard ran a share: ${counts.join(', ')}`);
  for (const file of ['conformance.html', 'junit.xml', 'summary.md']) assert.ok(fs.existsSync(path.join(withFile.reportDir, file)), file);

  const noCredentials = await runConform(['merge-reports', path.join(work), '--api', 'userapi', '--http', target.http, '--name', 'userapi staging'], path.join(work, 'merged-2'));
  assert.equal(noCredentials.code, 0, noCredentials.stderr);
  assert.equal(noCredentials.report?.target.name, 'userapi staging');
  assert.deepEqual(noCredentials.report?.transportsTested, ['http']);
  assert.equal(noCredentials.report?.summary.passed, report.summary.passed);
});
