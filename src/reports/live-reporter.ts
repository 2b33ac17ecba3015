import type { FullConfig, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { readCatalogue } from '../specs/catalogue.ts';
import type { Family } from '../specs/families.ts';
import { readBaseline } from '../target/baseline.ts';
import { readPlan } from '../target/run-plan.ts';
import { Redactor } from '../core/redact.ts';
import { liveLine, type LiveVerdict } from './live-line.ts';

const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

/**
 * conform's own console reporter: one line per test as it ends (verdict, time, requirement id, transport, title), the
 * first line of a failure under it. Unlike Playwright's list reporter it says what a failure means for the verdict:
 * a MUST failure fails the run, a SHOULD/MAY failure warns, a baseline entry is a known deviation.
 */
export default class LiveReporter implements Reporter {
  private total = 0;
  private done = 0;
  private levels = new Map<string, string>();
  private known = new Set<string>();
  private readonly redactor = new Redactor();
  private readonly colour = Boolean(process.env.FORCE_COLOR) && !process.env.NO_COLOR;

  /** The projects whose lines name them: several targets of one family (the requirement id names the family). */
  private readonly named = new Set<string>();

  constructor() {
    const targets = readPlan()?.targets ?? [];
    for (const planned of targets) if (targets.some((t) => t !== planned && t.target.api === planned.target.api)) this.named.add(planned.project);
    for (const planned of targets) {
      this.redactor.addAll(planned.target.auth);
      // Requirement ids start with their family's name, so the catalogues of several families share one map.
      for (const r of readCatalogue(planned.target.api as Family).requirements) this.levels.set(r.id, r.level);
      if (planned.baselineFile) for (const id of Object.keys(readBaseline(planned.baselineFile))) this.known.add(id);
    }
  }

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.total = suite.allTests().length;
    process.stdout.write(`running ${this.total} test(s) with ${config.workers} worker(s)\n`);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return; // the retry decides
    this.done += 1;
    const ids = test.annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '');
    const verdict = this.verdictOf(ids, result);
    const skipReason = [...(result.annotations ?? []), ...test.annotations].find((a) => a.type === 'skip')?.description;
    const message =
      result.status === 'timedOut' ? `timed out after ${test.timeout} ms` : result.status === 'skipped' ? `not applicable (${skipReason ?? 'no reason given'})` : plain(result.errors[0]?.message ?? '');
    process.stdout.write(`${liveLine({ index: this.done, total: this.total, verdict, durationMs: result.duration, title: this.named.has(test.parent.project()?.name ?? '') ? `${test.parent.project()?.name} › ${test.title}` : test.title, message: this.redactor.text(message), colour: this.colour })}\n`);
  }

  onError(error: TestError): void {
    process.stderr.write(`${this.redactor.text(plain(error.message ?? String(error.value ?? '')))}\n`);
  }

  private verdictOf(ids: string[], result: TestResult): LiveVerdict {
    if (result.status === 'passed') return 'passed';
    if (result.status === 'skipped') return 'skipped';
    if (ids.some((id) => this.known.has(id))) return 'known';
    return ids.some((id) => this.levels.get(id) === 'MUST') ? 'must-failed' : 'warned';
  }
}
