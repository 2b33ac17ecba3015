// Baselines that go stale (issue 14): an entry whose requirement now passes fails the run (exit 1, named) unless
// --allow-stale-baseline; an entry past its expiry date stops excusing; a malformed date is refused at start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runConform } from '../helpers/run-conform.ts';
import { buildReport, exitCodeOf, type TestOutcome } from '../../src/reports/model.ts';
import { readCatalogue } from '../../src/specs/catalogue.ts';

const ROUTE = 'userapi.update.route.put-user-update';
const GREP = ['--grep', ROUTE.replace(/\./g, '\\.')];

function baselineFile(entries: object): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conform-baseline-')), 'baseline.json');
  fs.writeFileSync(file, JSON.stringify(entries));
  return file;
}

function reportWith(status: TestOutcome['status'], entry: { why: string; expires?: string }, startedAt = new Date('2026-12-04T10:00:00Z')) {
  const outcomes: TestOutcome[] = [{ title: `${ROUTE} [http] t`, requirements: [ROUTE], transport: 'http', status, durationMs: 1, ...(status === 'failed' ? { message: 'expected 200, got 404' } : {}) }];
  return buildReport({ catalogue: readCatalogue('userapi'), outcomes, transportsTested: ['http'], target: { name: 't', endpoints: { http: 'http://127.0.0.1:1' } }, baseline: { [ROUTE]: entry }, startedAt, durationMs: 1, version: '0' });
}

test('the model: a listed requirement that passes is stale; one that fails is known; past its date it fails again', () => {
  const stale = reportWith('passed', { why: 'was broken' });
  assert.deepEqual(stale.baseline, { stale: [ROUTE], expired: [] });
  assert.equal(exitCodeOf(stale), 1);
  assert.equal(exitCodeOf(stale, { allowStaleBaseline: true }), 0);
  const known = reportWith('failed', { why: 'is broken', expires: '2026-12-04' });
  assert.equal(known.baseline, undefined, 'an entry counts through the whole of its expiry day');
  assert.equal(known.requirements.find((r) => r.id === ROUTE)?.status, 'known-deviation');
  assert.equal(exitCodeOf(known), 0);
  const expired = reportWith('failed', { why: 'is broken', expires: '2026-12-03' });
  assert.deepEqual(expired.baseline, { stale: [], expired: [{ id: ROUTE, expires: '2026-12-03' }] });
  assert.equal(expired.requirements.find((r) => r.id === ROUTE)?.status, 'failed');
  assert.equal(exitCodeOf(expired), 1, 'a MUST failure no longer excused');
});

test('conform test: a baseline entry that now passes exits 1 and names it; --allow-stale-baseline exits 0 and still says so', async () => {
  const baseline = baselineFile({ [ROUTE]: { why: 'the route was missing in 1.0' } });
  const run = await runConform(['test', '--mock', '--family', 'userapi', '--baseline', baseline, ...GREP]);
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, new RegExp(`known deviation ${ROUTE.replace(/\./g, '\\.')} now passes: remove it from the baseline \\[CONFORM_STALE_BASELINE\\]`));
  const report = JSON.parse(fs.readFileSync(path.join(run.reportDir, 'userapi', 'conformance.json'), 'utf8'));
  assert.deepEqual(report.baseline.stale, [ROUTE]);
  const allowed = await runConform(['test', '--mock', '--family', 'userapi', '--baseline', baseline, '--allow-stale-baseline', ...GREP]);
  assert.equal(allowed.code, 0, allowed.stderr);
  assert.match(allowed.stderr, /now passes: remove it from the baseline \(allowed by --allow-stale-baseline\)/);
});

test('conform test: an expired entry is said and excuses nothing (not reported stale either); a bad date is a usage error (exit 2)', async () => {
  const expired = baselineFile({ [ROUTE]: { why: 'fixed in 2.0', expires: '2020-01-31' } });
  const run = await runConform(['test', '--mock', '--family', 'userapi', '--baseline', expired, ...GREP]);
  assert.equal(run.code, 0, 'the requirement passes on the mock: with the entry expired there is nothing to excuse and nothing stale');
  assert.match(run.stderr, /the baseline entry for userapi\.update\.route\.put-user-update expired on 2020-01-31: its failures count again \[CONFORM_EXPIRED_BASELINE\]/);
  assert.doesNotMatch(run.stderr, /now passes/);
  const bad = await runConform(['test', '--mock', '--family', 'userapi', '--baseline', baselineFile({ [ROUTE]: { why: 'x', expires: '2026-02-30' } }), ...GREP]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /has expires "2026-02-30": expected a date YYYY-MM-DD \[CONFORM_ERR_BASELINE\]/);
});

test('--update-baseline records each failure with how it answered; a failure that answers otherwise is new (exit 1), not known', async () => {
  const { startTestMock } = await import('../helpers/start-mock.ts');
  const DEVIATION = 'userapi.update.validation.name-alphabetic';
  const deviating = await startTestMock(['userapi'], { targetsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'conform-t-')), deviate: [DEVIATION] });
  try {
    const target = path.join(deviating.config.targetsDir as string, 'userapi.json');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conform-baseline-')), 'server.json');
    const grep = ['--grep', 'userapi\\.update\\.validation\\.'];
    const recorded = await runConform(['test', '--target', target, '--baseline', file, '--update-baseline', ...grep]);
    assert.equal(recorded.code, 0, recorded.stderr);
    assert.match(recorded.stderr, /baseline .*server\.json written: \d+ entries \(\d+ added, 0 refreshed, 0 removed: now passing\)/);
    const baseline = JSON.parse(fs.readFileSync(file, 'utf8'));
    const failedThen = recorded.report!.requirements.filter((r) => r.status === 'failed').map((r) => r.id).sort();
    assert.deepEqual(Object.keys(baseline).sort(), failedThen, 'one entry per requirement the run failed');
    assert.deepEqual(baseline[DEVIATION].transports, ['http']);
    assert.deepEqual(baseline[DEVIATION].failures, { http: ['200'] }, 'the deviation accepts the bad name: the answer was 200');
    const again = await runConform(['test', '--target', target, '--baseline', file, ...grep]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.report!.requirements.find((r) => r.id === DEVIATION)?.status, 'known-deviation');
    // The entry now says the server failed with a server error; the run's success answer is another failure.
    fs.writeFileSync(file, JSON.stringify({ ...baseline, [DEVIATION]: { ...baseline[DEVIATION], failures: { http: ['500'] } } }));
    const otherwise = await runConform(['test', '--target', target, '--baseline', file, ...grep]);
    assert.equal(otherwise.code, 1, otherwise.stderr);
    assert.match(otherwise.stderr, new RegExp(`${DEVIATION.replace(/\./g, '\\.')} fails on http otherwise than its baseline entry records \\(known: 500; now: 200\\): a new failure \\[CONFORM_BASELINE_MISMATCH\\]`));
    const result = otherwise.report!.requirements.find((r) => r.id === DEVIATION)!;
    assert.equal(result.status, 'failed');
    assert.deepEqual(result.baselineMismatch, [{ transport: 'http', known: ['500'], now: ['200'] }]);
  } finally {
    await deviating.stop();
  }
});

test('--update-baseline without --baseline, with --mock, or onto a profile is a usage error (exit 2)', async () => {
  const none = await runConform(['test', '--mock', '--family', 'userapi', '--update-baseline', ...GREP]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /--update-baseline records one target's run/);
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conform-t-')), 't.json');
  fs.writeFileSync(target, JSON.stringify({ api: 'userapi', http: 'http://127.0.0.1:9', auth: { users: [{ token: 'a.b.c', email: 'a@example.com' }, { token: 'a.b.c', email: 'b@example.com' }] } }));
  const missing = await runConform(['test', '--target', target, '--update-baseline', ...GREP]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--update-baseline needs --baseline <file>/);
  const profile = await runConform(['test', '--target', target, '--baseline', 'specs/profiles/userapi-laravel.yaml', '--update-baseline', ...GREP]);
  assert.equal(profile.code, 2);
  assert.match(profile.stderr, /--update-baseline writes JSON/);
});
