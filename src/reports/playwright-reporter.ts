import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import fs from 'node:fs';
import path from 'node:path';
import { readCatalogue } from '../specs/catalogue.ts';
import { publicTarget, offeredTransports } from '../target/target.ts';
import { readPlan, type RunPlan } from '../target/run-plan.ts';
import type { Transport } from '../specs/families.ts';
import { ROOT } from '../specs/paths.ts';
import { buildReport, type Baseline, type TestOutcome } from './model.ts';
import { writeReports } from './write-reports.ts';
import { readBaseline } from '../target/baseline.ts';
import { Redactor } from '../core/redact.ts';

/** Strips terminal colours from Playwright's error messages, for files. */
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

/**
 * Turns Playwright's results into the conformance reports, one per target of the plan (its project): the
 * requirement and transport annotations of each test, its outcome, its transcript. Runs in Playwright's process; the
 * reports are written even when tests fail.
 */
export default class ConformanceReporter implements Reporter {
  /** The outcomes by project; with a single target, every outcome is its (a merged blob's project may be named otherwise). */
  private readonly outcomes = new Map<string, TestOutcome[]>();
  private readonly plan: RunPlan | undefined = readPlan();
  private startedAt = new Date();
  /**
   * The target's auth values and the patterns (JWTs, Authorization values, secret fields). The workers redact at the
   * source; this catches what they could not (a fixture's setup error, a server echoing a password).
   */
  private readonly redactor = new Redactor();

  constructor() {
    for (const planned of this.plan?.targets ?? []) this.redactor.addAll(planned.target.auth);
  }

  private outcomesOf(test: TestCase): TestOutcome[] {
    const project = this.plan?.targets.length === 1 ? '' : (test.parent.project()?.name ?? '');
    let list = this.outcomes.get(project);
    if (!list) this.outcomes.set(project, (list = []));
    return list;
  }

  onBegin(): void {
    this.startedAt = new Date();
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const requirements = test.annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '');
    const transport = test.annotations.find((a) => a.type === 'transport')?.description as Transport | undefined;
    if (requirements.length === 0 || !transport) return;
    const transcript = result.attachments.find((a) => a.name === 'transcript');
    let exchanges: unknown[] = [];
    if (transcript?.body) exchanges = JSON.parse(transcript.body.toString()) as unknown[];
    else if (transcript?.path && fs.existsSync(transcript.path)) exchanges = JSON.parse(fs.readFileSync(transcript.path, 'utf8')) as unknown[];
    const status = result.status === 'passed' ? 'passed' : result.status === 'skipped' ? 'skipped' : 'failed';
    const message =
      result.status === 'interrupted'
        ? 'not finished: the run was stopped while this test ran (--global-timeout, a signal, or a target that stopped answering; see the report\'s "stopped")'
        : result.status === 'timedOut'
        ? `timed out after ${test.timeout} ms${result.errors[0]?.message ? `: ${plain(result.errors[0].message)}` : ''}`
        : result.errors.map((e) => plain(e.message ?? String(e.value ?? ''))).join('\n');
    // A retried test counts by its last attempt.
    const outcomes = this.outcomesOf(test);
    const previous = outcomes.findIndex((o) => o.title === test.title && o.transport === transport);
    if (previous !== -1) outcomes.splice(previous, 1);
    // test.skip(condition, reason) at run time lands in the result's annotations; a static skip in the test's.
    const skipReason = [...(result.annotations ?? []), ...test.annotations].find((a) => a.type === 'skip')?.description;
    outcomes.push({ title: test.title, requirements, transport, status, ...(status === 'skipped' && skipReason ? { skipReason: this.redactor.text(skipReason) } : {}), message: status === 'failed' ? this.redactor.text(message) : undefined, exchanges: status === 'failed' ? this.redactor.value(exchanges) : undefined, durationMs: result.duration });
  }

  onEnd(_result: FullResult): void {
    if (!this.plan) return;
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
    const single = this.plan.targets.length === 1;
    for (const planned of this.plan.targets) {
      const report = buildReport({
        catalogue: readCatalogue(planned.target.api),
        outcomes: this.outcomes.get(single ? '' : planned.project) ?? [],
        transportsTested: offeredTransports(planned.target, planned.transports),
        target: publicTarget(planned.target),
        baseline: planned.baselineFile ? readBaseline(planned.baselineFile) : ({} as Baseline),
        startedAt: this.startedAt,
        durationMs: Date.now() - this.startedAt.getTime(),
        version,
        ...(this.plan.generate ? { generate: this.plan.generate } : {}),
      });
      writeReports(planned.reportDir, report, this.redactor);
    }
  }

  printsToStdio(): boolean {
    return false;
  }
}
