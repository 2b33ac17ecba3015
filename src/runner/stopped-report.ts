import fs from 'node:fs';
import path from 'node:path';
import { readCatalogue } from '../specs/catalogue.ts';
import { ROOT } from '../specs/paths.ts';
import { buildReport, type Baseline, type ConformanceReport } from '../reports/model.ts';
import { writeReports } from '../reports/write-reports.ts';
import { publicTarget, type Target } from '../target/target.ts';

export type Stopped = NonNullable<ConformanceReport['stopped']>;

/**
 * The reports of a run that ran no test (the pre-flight failed, or a signal came first): every requirement
 * not-tested, and why in `stopped`, so a CI job that publishes reports still has something that says what happened.
 */
export function writeNotRunReports(dir: string, target: Target, baseline: Baseline, stopped: Stopped): ConformanceReport {
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
  const report = buildReport({ catalogue: readCatalogue(target.api), outcomes: [], transportsTested: [], target: publicTarget(target), baseline, startedAt: new Date(), durationMs: 0, version });
  report.stopped = stopped;
  writeReports(dir, report);
  return report;
}

/** Records why a run that wrote its reports ended early, and writes them again. */
export function markStopped(dir: string, report: ConformanceReport, stopped: Stopped): ConformanceReport {
  const marked = { ...report, stopped };
  writeReports(dir, marked);
  return marked;
}
