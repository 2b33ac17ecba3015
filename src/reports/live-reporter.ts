import type { FullConfig, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import fs from 'node:fs';
import { readCatalogue } from '../specs/catalogue.ts';
import type { Family } from '../specs/families.ts';
import { readBaseline } from '../target/baseline.ts';
import { readTarget } from '../target/target.ts';
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

  constructor() {
    const targetFile = process.env.CONFORM_TARGET;
    if (targetFile && fs.existsSync(targetFile)) {
      try {
        const target = readTarget(targetFile, { credentials: false });
        this.redactor.addAll(target.auth);
        this.levels = new Map(readCatalogue(target.api as Family).requirements.map((r) => [r.id, r.level]));
      } catch {
        // conform itself reports an invalid target; lines then carry no level.
      }
    }
    if (process.env.CONFORM_BASELINE) this.known = new Set(Object.keys(readBaseline(process.env.CONFORM_BASELINE)));
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
    const message = result.status === 'timedOut' ? `timed out after ${test.timeout} ms` : plain(result.errors[0]?.message ?? '');
    process.stdout.write(`${liveLine({ index: this.done, total: this.total, verdict, durationMs: result.duration, title: test.title, message: this.redactor.text(message), colour: this.colour })}\n`);
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
