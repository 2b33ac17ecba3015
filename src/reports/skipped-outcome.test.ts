// A test skipped at run time (test.skip(condition, reason): the target's setup makes the check meaningless) reaches
// the reports as "not applicable (reason)", never as a pass; a test the run interrupted is "not finished".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import ConformanceReporter from './playwright-reporter.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { PLAN_VARIABLE, writePlan } from '../target/run-plan.ts';
import type { ConformanceReport } from './model.ts';
import type { Target } from '../target/target.ts';

const SKIPPED = 'kuzzle.updateProfile.auth.anonymous-unauthorized';
const PASSED = 'kuzzle.updateProfile.auth.token';
const INTERRUPTED = 'kuzzle.updateSelf.route.me';
const REASON = 'the anonymous role of this target allows security:updateProfile (a fresh, unrestricted Kuzzle)';

function testCase(id: string, transport: string): TestCase {
  return {
    title: `${id} [${transport}] a check`,
    annotations: [{ type: 'requirement', description: id }, { type: 'transport', description: transport }],
    timeout: 20_000,
    parent: { project: () => ({ name: 'kuzzle' }) },
  } as unknown as TestCase;
}

function result(status: TestResult['status'], annotations: TestResult['annotations'] = []): TestResult {
  return { status, annotations, attachments: [], errors: [], duration: 5, retry: 0 } as unknown as TestResult;
}

/** The conformance reporter, run over these results for a one-target plan (HTTP only): the report it wrote. */
function reportOf(results: Array<[TestCase, TestResult]>, errors: string[] = []): ConformanceReport {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-skip-'));
  const target = { api: 'kuzzle', name: 'skips', http: 'http://127.0.0.1:9', auth: {} } as Target;
  const plan = writePlan(dir, { targets: [{ project: 'kuzzle', target, transports: ['http'], reportDir: dir, breakerFile: path.join(dir, '.breaker') }], reporter: 'quiet' });
  const saved = process.env[PLAN_VARIABLE];
  process.env[PLAN_VARIABLE] = plan;
  try {
    const reporter = new ConformanceReporter();
    reporter.onBegin();
    for (const message of errors) reporter.onError({ message });
    for (const [c, r] of results) reporter.onTestEnd(c, r);
    reporter.onEnd({ status: 'passed' } as never);
  } finally {
    if (saved === undefined) delete process.env[PLAN_VARIABLE];
    else process.env[PLAN_VARIABLE] = saved;
  }
  return JSON.parse(fs.readFileSync(path.join(dir, 'conformance.json'), 'utf8')) as ConformanceReport;
}

test('a conditional test.skip is "not applicable (reason)" in every report and is not counted as passed', () => {
  const report = reportOf([
    [testCase(SKIPPED, 'http'), result('skipped', [{ type: 'skip', description: REASON }])],
    [testCase(PASSED, 'http'), result('passed')],
  ]);
  const skipped = report.requirements.find((r) => r.id === SKIPPED);
  assert.equal(skipped?.status, 'skipped');
  assert.equal(skipped?.verdict, 'skipped');
  assert.deepEqual(skipped?.transports, { http: 'skipped', ws: 'not-tested', mqtt: 'not-tested' });
  assert.equal(skipped?.notApplicable, REASON);
  assert.equal(report.summary.passed, 1, 'only the test that ran and passed');
  assert.equal(report.summary.skipped, 1);
  assert.equal(report.requirements.find((r) => r.id === PASSED)?.notApplicable, undefined);
  const md = renderMarkdown(report);
  assert.ok(md.includes(`| ⏭️ \`${SKIPPED}\` | ${skipped?.level} | http | not applicable (${REASON}) |`), md);
  const junit = renderJunit(report);
  assert.ok(junit.includes(`not applicable (${REASON})`), junit.slice(0, 2000));
});

test('a skip without a reason still says it was skipped', () => {
  const report = reportOf([[testCase(SKIPPED, 'http'), result('skipped')]]);
  assert.equal(report.requirements.find((r) => r.id === SKIPPED)?.notApplicable, 'skipped by the test, no reason given');
});

test('a test the run interrupted (--global-timeout, a signal) is failed as "not finished", never passed', () => {
  const report = reportOf([[testCase(INTERRUPTED, 'http'), result('interrupted')]]);
  const r = report.requirements.find((x) => x.id === INTERRUPTED);
  assert.equal(r?.status, 'failed');
  assert.match(r?.failures[0]?.message ?? '', /^not finished: the run was stopped while this test ran/);
});

test('suites that cannot be loaded run nothing: the report says the run failed and why (CONFORM_ERR_RUN), not "no test"', () => {
  const report = reportOf([], ["Error: Cannot find package 'fast-check' imported from /x/suites/generative/mutations.js"]);
  assert.equal(report.stopped?.code, 'CONFORM_ERR_RUN');
  assert.match(report.stopped?.reason ?? '', /^the suites could not be loaded: Error: Cannot find package 'fast-check'/);
  const ran = reportOf([[testCase(PASSED, 'http'), result('passed')]], ['Error: a warning outside any test']);
  assert.equal(ran.stopped, undefined, 'tests ran: an error outside them does not stop the report');
  assert.equal(reportOf([], ['Error: No tests found']).stopped, undefined, 'a selection matching nothing is "no test", said by conform test');
});
