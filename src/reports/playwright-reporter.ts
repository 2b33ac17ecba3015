import type { FullResult, Reporter, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import fs from 'node:fs';
import path from 'node:path';
import { readCatalogue } from '../specs/catalogue.ts';
import { publicTarget, offeredTransports } from '../target/target.ts';
import { readPlan, type PlannedTarget, type RunPlan } from '../target/run-plan.ts';
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

  /** The transcript files written so far per folder, so two tests whose names sanitize alike never share one. */
  private readonly transcriptNames = new Map<string, Set<string>>();

  private plannedOf(test: TestCase): PlannedTarget | undefined {
    const targets = this.plan?.targets ?? [];
    return targets.length === 1 ? targets[0] : targets.find((t) => t.project === test.parent.project()?.name);
  }

  /**
   * conform certify: the test's transcript as a file of its own, redacted once more (the reports keep only the
   * failures' exchanges; a certificate shows every exchange its verdict rests on). Named after the test: its first
   * requirement id and transport lead the title, so the files sort by requirement.
   */
  private writeTranscript(test: TestCase, transport: Transport, status: string, exchanges: unknown[]): void {
    const dir = this.plannedOf(test)?.transcriptsDir;
    if (!dir) return;
    const taken = this.transcriptNames.get(dir) ?? new Set<string>();
    this.transcriptNames.set(dir, taken);
    const base = test.title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'test';
    let name = `${base}.json`;
    for (let n = 2; taken.has(name) && n < 10_000; n++) name = `${base}-${n}.json`;
    taken.add(name);
    fs.mkdirSync(dir, { recursive: true });
    const record = { test: test.title, transport, status, exchanges: this.redactor.value(exchanges) };
    fs.writeFileSync(path.join(dir, name), `${this.redactor.text(JSON.stringify(record, null, 2))}\n`);
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

  /** Errors outside any test: a spec that cannot be loaded (a missing package, a syntax error) runs nothing. */
  private readonly globalErrors: string[] = [];

  onError(error: TestError): void {
    const first = plain(error.message ?? String(error.value ?? 'unknown error')).split('\n')[0] ?? '';
    // A selection that matches nothing is reported as an error too: that is "no test", said by the caller.
    if (/^Error: No tests found/.test(first)) return;
    if (this.globalErrors.length < 5) this.globalErrors.push(this.redactor.text(first));
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
    this.writeTranscript(test, transport, status, exchanges);
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
      // Nothing ran because the suites did not load: the run failed, it did not find "no test" (exit 2, said why).
      const outcomes = this.outcomes.get(single ? '' : planned.project) ?? [];
      const stopped = outcomes.length === 0 && this.globalErrors.length > 0 && !report.stopped ? { stopped: { stage: 'run' as const, code: 'CONFORM_ERR_RUN', reason: `the suites could not be loaded: ${this.globalErrors.join('; ')}` } } : {};
      writeReports(planned.reportDir, { ...report, ...stopped }, this.redactor);
    }
  }

  printsToStdio(): boolean {
    return false;
  }
}
