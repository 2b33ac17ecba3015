// The proof of the generative phase (issue 12): against the mock it finds nothing over several seeds, its seed is
// printed and recorded, --generate 0 skips it, and on its own (the hand-written tests left out) it catches a
// deviation of a validation requirement, naming the minimal case and the seed that reproduces it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runConform } from '../helpers/run-conform.ts';
import { startTestMock } from '../helpers/start-mock.ts';
import { FAMILIES } from '../../src/specs/families.ts';
import type { ConformanceReport } from '../../src/reports/model.ts';

/** The generated tests only: "<id> [<transport>] generated: …" (suites/generative/declare.ts). */
const GENERATED = '\\] generated: ';

const reportOf = (dir: string): ConformanceReport => JSON.parse(fs.readFileSync(path.join(dir, 'conformance.json'), 'utf8')) as ConformanceReport;

for (const seed of [7, 1234, 99991]) {
  test(`against the mock, --generate 5 --generate-seed ${seed}: every generated test passes, the seed is printed and recorded`, async () => {
    const started = performance.now();
    const run = await runConform(['test', '--mock', '--grep', GENERATED, '--generate', '5', '--generate-seed', String(seed)]);
    console.log(`seed ${seed}: the generative phase alone ran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    assert.match(run.stdout, new RegExp(`generative phase: 5 cases per operation and transport, seed ${seed}`));
    for (const family of FAMILIES) {
      const report = reportOf(path.join(run.reportDir, family));
      assert.deepEqual(report.generate, { cases: 5, seed });
      const failed = report.requirements.filter((r) => r.status === 'failed').map((r) => `${r.id}: ${r.failures[0]?.message ?? ''}`);
      assert.deepEqual(failed, [], `${family}, seed ${seed}`);
      const passed = report.requirements.filter((r) => r.status === 'passed');
      assert.ok(passed.length >= 5, `${family}: the generated tests cover at least 5 requirements (${passed.length})`);
    }
    assert.equal(run.code, 0, run.stderr);
  });
}

test('--generate 0 skips the phase: no generated test is declared', async () => {
  const run = await runConform(['test', '--mock', '--family', 'userapi', '--grep', GENERATED, '--generate', '0']);
  assert.match(run.stdout, /generative phase skipped \(--generate 0\)/);
  assert.match(run.stderr, /CONFORM_ERR_NO_TESTS/);
  assert.equal(run.code, 2);
});

test('a name-alphabetic deviation is caught by the generated tests alone, with the minimal case and the seed to reproduce it', async () => {
  const mock = await startTestMock(['userapi'], { deviate: ['userapi.update.validation.name-alphabetic'], targetsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'conform-gen-')) });
  try {
    const run = await runConform(['test', '--target', path.join(mock.config.targetsDir as string, 'userapi.json'), '--grep', GENERATED, '--generate-seed', '42']);
    assert.equal(run.code, 1, run.stdout);
    const report = run.report as ConformanceReport;
    assert.deepEqual(report.generate, { cases: 5, seed: 42 });
    // The MUST failure is the deviation's own requirement; error-status-400 (a SHOULD: every refusal is exactly 400)
    // may fail beside it when its draw includes a name mutation, as its hand-written test does.
    const failed = report.requirements.filter((r) => r.status === 'failed' && r.level === 'MUST');
    assert.deepEqual(failed.map((r) => r.id), ['userapi.update.validation.name-alphabetic']);
    const others = report.requirements.filter((r) => r.status === 'failed' && r.level !== 'MUST').map((r) => r.id);
    assert.ok(others.every((id) => id === 'userapi.update.validation.error-status-400'), others.join(', '));
    const failure = failed[0]?.failures[0];
    assert.match(failure?.test ?? '', /\] generated: /, 'only generated tests ran');
    assert.match(failure?.message ?? '', /generated case \d+ of 5 \(name [^)]*, test seed \d+\) failed/);
    assert.match(failure?.message ?? '', /minimal case: \{[^\n]*"name":/);
    assert.match(failure?.message ?? '', /reproduce: conform test --generate 5 --generate-seed 42 --grep 'userapi\.update\.validation\.name-alphabetic \.\*generated'/);
    // Every other requirement the generated tests cover still passes: the deviation is caught by its own requirement.
    assert.ok(report.requirements.filter((r) => r.status === 'passed').length >= 10);
  } finally {
    await mock.stop();
  }
});
