// conform history (issue 14): three runs of the userapi validation tests (the mock, the mock with one deviation,
// the mock again) in one folder; the history says the deviated requirement started failing in #2 and stopped in #3.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startTestMock } from '../helpers/start-mock.ts';
import { runConform } from '../helpers/run-conform.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';
import { ROOT } from '../../src/specs/paths.ts';
import { historyOf } from '../../src/reports/history.ts';
import type { ConformanceReport } from '../../src/reports/model.ts';

const DEVIATION = 'userapi.update.validation.surname-alphabetic';
const GREP = ['--grep', 'userapi\\.update\\.validation\\.'];
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'conform-history-'));
const runs = tempDir();
let clean: RunningMock;
let deviating: RunningMock;

before(async () => {
  clean = await startTestMock(['userapi'], { targetsDir: tempDir() });
  deviating = await startTestMock(['userapi'], { targetsDir: tempDir(), deviate: [DEVIATION] });
  const target = (mock: RunningMock) => path.join(mock.config.targetsDir as string, 'userapi.json');
  for (const [i, mock] of [clean, deviating, clean].entries()) {
    const run = await runConform(['test', '--target', target(mock), ...GREP], path.join(runs, `run-${i + 1}`));
    assert.ok(run.report, run.stderr);
  }
});
after(async () => {
  await clean.stop();
  await deviating.stop();
});

test('three runs: the deviated requirement started failing in #2 and stopped in #3; the page is written and self-contained', () => {
  const html = path.join(tempDir(), 'history.html');
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), 'history', runs, '--html', html], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^userapi: 3 run\(s\)/);
  const line = run.stdout.split('\n').find((l) => l.includes(DEVIATION));
  assert.ok(line, run.stdout);
  assert.match(line, /passed → failed → passed; started failing in #2 \(.+\), stopped failing in #3/);
  const page = fs.readFileSync(html, 'utf8');
  assert.ok(page.includes(DEVIATION));
  assert.ok(!/<script|src=|href=/.test(page), 'nothing fetched, nothing run');
});

test('the model: only requirements that changed or failed are listed, in run order whatever the order of the files', () => {
  const reports = [1, 2, 3].map((i) => JSON.parse(fs.readFileSync(path.join(runs, `run-${i}`, 'conformance.json'), 'utf8')) as ConformanceReport);
  const history = historyOf([reports[2]!, reports[0]!, reports[1]!]);
  assert.deepEqual(history.runs.map((r) => r.startedAt), reports.map((r) => r.startedAt));
  const deviated = history.trends.find((t) => t.id === DEVIATION);
  assert.deepEqual(deviated && [deviated.startedFailing, deviated.stoppedFailing], [[1], [2]]);
  const failedInTwo = reports[1]!.requirements.filter((r) => r.status === 'failed').map((r) => r.id).sort();
  assert.deepEqual(history.trends.map((t) => t.id).sort(), failedInTwo, 'nothing else changed');
});

test('a folder without any report is a usage error (exit 2)', () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), 'history', tempDir()], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /no conformance\.json found under/);
});
