import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { ConformanceReport } from '../reports/model.ts';
import { exitCodeOf } from '../reports/model.ts';
import { offeredTransports } from '../target/target.ts';
import { resolveTarget, writeTemporaryTarget, type TargetOverrides } from '../runner/target-overrides.ts';
import { readBaselineFor } from '../target/baseline.ts';
import { conformanceReporter, playwrightCli, playwrightConfig } from '../runner/run-suites.ts';
import { ROOT } from '../specs/paths.ts';
import { TRANSPORTS, type Transport } from '../specs/families.ts';
import { ToolError } from './errors.ts';
import { renderSummary, reportBaselineFindings } from './test-command.ts';
import type { Output } from './specs-command.ts';

export interface MergeFlags extends Pick<TargetOverrides, 'api' | 'name' | 'http' | 'ws' | 'mqtt'> {
  target?: string;
  transport?: string[];
  reportDir?: string;
  baseline?: string;
  allowStaleBaseline?: boolean;
}

/** Every blob report (.zip) under the given folders or files; shards' folders are gathered by CI artifact downloads. */
export function blobReports(inputs: string[]): string[] {
  const found: string[] = [];
  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new ToolError('CONFORM_ERR_USAGE', `${input} does not exist: give the folders (or .zip files) the shards wrote (<report-dir>/blob-<i>-of-<n>/)`);
    if (fs.statSync(input).isFile()) {
      if (input.endsWith('.zip')) found.push(path.resolve(input));
      continue;
    }
    for (const entry of fs.readdirSync(input, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.zip')) found.push(path.resolve(entry.parentPath, entry.name));
    }
  }
  if (found.length === 0) throw new ToolError('CONFORM_ERR_USAGE', `no blob report (.zip) in ${inputs.join(', ')}: run the shards with conform test --shard i/n, which writes <report-dir>/blob-<i>-of-<n>/`);
  return [...new Set(found)];
}

/**
 * `conform merge-reports <blob-dir…>`: the shards' blob reports become one set of reports (JSON, HTML, JUnit,
 * Markdown), through Playwright's merger and the conformance reporter. Merging logs in nowhere, so the target needs
 * its family and endpoints (the same --target file, flags and CONFORM_TARGET_* variables as conform test) and no
 * credentials. Exit code as conform test: 0, 1 when a MUST requirement failed, 2 when nothing could be merged.
 */
export async function runMerge(inputs: string[], flags: MergeFlags, io: Output): Promise<number> {
  const blobs = blobReports(inputs);
  const overrides = Object.fromEntries((['api', 'name', 'http', 'ws', 'mqtt'] as const).filter((k) => flags[k] !== undefined).map((k) => [k, flags[k]]));
  const target = resolveTarget(flags.target, overrides, undefined, { credentials: false });
  const wanted = (flags.transport ?? [...TRANSPORTS]) as Transport[];
  if (flags.baseline) readBaselineFor(flags.baseline, target.api);
  const reportDir = path.resolve(flags.reportDir ?? 'reports');
  fs.mkdirSync(reportDir, { recursive: true });
  const reportFile = path.join(reportDir, 'conformance.json');
  fs.rmSync(reportFile, { force: true });

  // Playwright merges one folder: the shards' files are gathered into one, numbered so equal names cannot collide.
  const gathered = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-blobs-'));
  blobs.forEach((file, i) => fs.copyFileSync(file, path.join(gathered, `${i + 1}-${path.basename(file)}`)));
  const targetFile = writeTemporaryTarget(target);
  let stderr = '';
  try {
    const env = { ...process.env, CONFORM_TARGET: targetFile.file, CONFORM_REPORT_DIR: reportDir, CONFORM_TRANSPORTS: offeredTransports(target, wanted).join(','), ...(flags.baseline ? { CONFORM_BASELINE: path.resolve(flags.baseline) } : {}) };
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [playwrightCli(), 'merge-reports', '--config', playwrightConfig(), '--reporter', conformanceReporter(), gathered], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.on('data', (d) => (stderr += d));
      child.once('close', resolve);
      child.once('error', () => resolve(null));
    });
    if (!fs.existsSync(reportFile)) throw new ToolError('CONFORM_ERR_RUN', `Playwright's merge-reports ended (exit code ${code}) without the conformance report: ${stderr.trim().split('\n').slice(-3).join(' ') || 'no message'}`);
  } finally {
    targetFile.remove();
    fs.rmSync(gathered, { recursive: true, force: true });
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ConformanceReport;
  io.out(`conform: merged ${blobs.length} blob report(s)`);
  io.out(renderSummary([{ report, dir: reportDir }]));
  const s = report.summary;
  if (s.passed + s.failed + s.skipped + s.knownDeviations === 0) {
    io.err(`conform: the blob reports hold no ${target.api} test: were they written for another family? [CONFORM_ERR_NO_TESTS]`);
    return 2;
  }
  reportBaselineFindings(report, io, { allowStale: Boolean(flags.allowStaleBaseline) });
  return exitCodeOf(report, { allowStaleBaseline: Boolean(flags.allowStaleBaseline) });
}
