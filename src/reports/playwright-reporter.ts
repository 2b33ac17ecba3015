import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import fs from 'node:fs';
import path from 'node:path';
import { readCatalogue } from '../specs/catalogue.ts';
import { readTarget, publicTarget, offeredTransports } from '../target/target.ts';
import type { Transport } from '../specs/families.ts';
import { ROOT } from '../specs/paths.ts';
import { buildReport, type Baseline, type TestOutcome } from './model.ts';
import { writeReports } from './write-reports.ts';
import { readBaseline } from '../target/baseline.ts';
import { Redactor } from '../core/redact.ts';

/** Strips terminal colours from Playwright's error messages, for files. */
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

/**
 * Turns Playwright's results into the conformance report: the requirement and transport annotations of each test,
 * its outcome, its transcript. Runs in Playwright's process; the reports are written even when tests fail.
 */
export default class ConformanceReporter implements Reporter {
  private readonly outcomes: TestOutcome[] = [];
  private startedAt = new Date();
  /**
   * The target's auth values and the patterns (JWTs, Authorization values, secret fields). The workers redact at the
   * source; this catches what they could not (a fixture's setup error, a server echoing a password).
   */
  private readonly redactor = new Redactor();

  constructor() {
    const targetFile = process.env.CONFORM_TARGET;
    if (targetFile && fs.existsSync(targetFile)) {
      try {
        this.redactor.addAll(readTarget(targetFile, { credentials: false }).auth);
      } catch {
        // An invalid target is reported by conform itself; the patterns still apply.
      }
    }
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
      result.status === 'timedOut'
        ? `timed out after ${test.timeout} ms${result.errors[0]?.message ? `: ${plain(result.errors[0].message)}` : ''}`
        : result.errors.map((e) => plain(e.message ?? String(e.value ?? ''))).join('\n');
    // A retried test counts by its last attempt.
    const previous = this.outcomes.findIndex((o) => o.title === test.title && o.transport === transport);
    if (previous !== -1) this.outcomes.splice(previous, 1);
    this.outcomes.push({ title: test.title, requirements, transport, status, message: status === 'failed' ? this.redactor.text(message) : undefined, exchanges: status === 'failed' ? this.redactor.value(exchanges) : undefined, durationMs: result.duration });
  }

  onEnd(_result: FullResult): void {
    const targetFile = process.env.CONFORM_TARGET;
    const dir = process.env.CONFORM_REPORT_DIR ?? path.join(ROOT, 'reports');
    if (!targetFile) return;
    const target = readTarget(targetFile, { credentials: false });
    const wanted = (process.env.CONFORM_TRANSPORTS ?? 'http,ws,mqtt').split(',') as Transport[];
    const baseline: Baseline = process.env.CONFORM_BASELINE ? readBaseline(process.env.CONFORM_BASELINE) : {};
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
    const report = buildReport({
      catalogue: readCatalogue(target.api),
      outcomes: this.outcomes,
      transportsTested: offeredTransports(target, wanted),
      target: publicTarget(target),
      baseline,
      startedAt: this.startedAt,
      durationMs: Date.now() - this.startedAt.getTime(),
      version,
    });
    writeReports(dir, report, this.redactor);
  }

  printsToStdio(): boolean {
    return false;
  }
}
