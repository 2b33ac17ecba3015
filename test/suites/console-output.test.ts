// What conform test prints: a live line per test (verdict, time, requirement id, transport, title) and then the
// summary, in every mode; --reporter hands the console to one of Playwright's reporters; --quiet keeps the summary.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestMock } from '../helpers/start-mock.ts';
import { runConform } from '../helpers/run-conform.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

const LIVE = /^\[\s*(\d+)\/(\d+)\] (✔ pass|✘ FAIL|⚠ warn|~ known|- skip)\s+\d+ ms {2}(userapi\.[\w.-]+) \[http\] \S/;
const SUMMARY = /│ target .*│ api .*│ passed/;
// A MUST requirement the mock violates on purpose (a failure line and its reason) and one the selection keeps passing.
const GREP = 'userapi\\.update\\.(auth\\.raw-token|validation\\.name-required)';

let mock: RunningMock;
let target = '';
before(async () => {
  mock = await startTestMock(['userapi'], { targetsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'conform-console-')), deviate: ['userapi.update.auth.raw-token'] });
  target = path.join(mock.config.targetsDir as string, 'userapi.json');
});
after(() => mock.stop());

const liveLines = (stdout: string) => stdout.split('\n').filter((l) => LIVE.test(l));

test('a live line per test, failures with their reason under them, then the summary', async () => {
  const run = await runConform(['test', '--target', target, '--grep', GREP]);
  assert.equal(run.code, 1, run.stderr);
  const lines = liveLines(run.stdout);
  const total = Number(/running (\d+) test\(s\)/.exec(run.stdout)?.[1]);
  assert.ok(total > 0);
  assert.equal(lines.length, total, run.stdout);
  assert.deepEqual(lines.map((l) => Number(LIVE.exec(l)?.[1])).sort((a, b) => a - b), Array.from({ length: total }, (_, i) => i + 1));
  const failed = lines.filter((l) => l.includes('✘ FAIL'));
  assert.ok(failed.length > 0 && failed.every((l) => l.includes('userapi.update.auth.raw-token')), failed.join('\n'));
  const reason = run.stdout.split('\n')[run.stdout.split('\n').indexOf(failed[0] as string) + 1] ?? '';
  assert.match(reason, /^\s+└ \S/);
  assert.ok(lines.some((l) => l.includes('✔ pass') && l.includes('validation.name-required')));
  assert.ok(run.stdout.search(SUMMARY) > run.stdout.lastIndexOf(lines.at(-1) as string), 'the summary comes after the lines');
});

test('--quiet prints the summary alone; --reporter dot gives the console to Playwright; the reports are the same', async () => {
  const quiet = await runConform(['test', '--target', target, '--grep', GREP, '--quiet']);
  const dot = await runConform(['test', '--target', target, '--grep', GREP, '--reporter', 'dot']);
  for (const run of [quiet, dot]) {
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(liveLines(run.stdout), []);
    assert.match(run.stdout, SUMMARY);
    assert.equal(run.report?.summary.mustFailed, 1);
  }
  assert.doesNotMatch(quiet.stdout, /running \d+ test|Running \d+ test/);
  assert.match(dot.stdout, /Running \d+ tests? using/);
  assert.match(dot.stdout, /^[·F×°±]+/m);
});

test('conform test --mock prints the live lines too', async () => {
  const run = await runConform(['test', '--mock', '--family', 'userapi', '--grep', GREP]);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  const lines = liveLines(run.stdout);
  assert.ok(lines.length >= 2, run.stdout);
  assert.match(run.stdout, /certifying userapi/);
});
