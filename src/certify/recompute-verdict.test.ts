import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleReport, SAMPLE } from '../../test/helpers/sample-report.ts';
import { recomputeVerdict, summaryOf } from './recompute-verdict.ts';

const baseline = { [SAMPLE.known]: { why: 'sample' } };

test('a report as buildReport made it recomputes to its own summary and verdict, without a problem', () => {
  const report = sampleReport();
  assert.deepEqual(summaryOf(report.requirements), report.summary, 'summaryOf counts as buildReport does');
  const recomputed = recomputeVerdict(report, baseline, 'conformance.json');
  assert.deepEqual(recomputed.problems, []);
  assert.equal(recomputed.result, 'failed');
});

test('each statement the results do not support is a problem naming the requirement', () => {
  const report = sampleReport();
  const must = report.requirements.find((r) => r.id === SAMPLE.mustFailed)!;
  must.verdict = 'warning';
  const passed = report.requirements.find((r) => r.status === 'passed')!;
  passed.failures.push({ ...must.failures[0]!, transport: 'http' });
  const problems = recomputeVerdict(report, {}, 'r.json').problems;
  assert.ok(problems.includes(`r.json: ${SAMPLE.mustFailed} has the verdict warning, but failed at level MUST is failed`), problems.join('\n'));
  assert.ok(problems.includes(`r.json: ${passed.id} records a failure on http, but says http passed`), problems.join('\n'));
  assert.ok(problems.includes(`r.json: ${SAMPLE.known} is a known deviation on ws, but the bundle's baseline does not list it`), problems.join('\n'));
});

test('a run that stopped, or ran nothing, is incomplete whatever its counts', () => {
  const report = sampleReport();
  report.stopped = { stage: 'run', code: 'SIGINT', reason: 'stopped' };
  assert.equal(recomputeVerdict(report, baseline, 'r.json').result, 'incomplete');
});
