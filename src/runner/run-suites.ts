import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT } from '../specs/paths.ts';
import type { Transport } from '../specs/families.ts';
import type { ConformanceReport } from '../reports/model.ts';
import { ToolError } from '../cli/errors.ts';
import type { Target } from './target.ts';
import { Redactor, redactingStream } from '../core/redact.ts';
import { redactTree } from './redact-files.ts';

export interface SuiteRun {
  targetFile: string;
  target: Target;
  transports: Transport[];
  reportDir: string;
  baseline?: string;
  grep?: string;
  workers?: number;
  shard?: string;
  timeoutMs?: number;
  /** Where Playwright's own output goes: ours (redacted) by default; 'ignore' for quiet runs. */
  stdio?: 'inherit' | 'ignore';
}

function playwrightCli(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@playwright/test/package.json')), 'cli.js');
}

/**
 * Runs the family's Playwright project against the target and returns the report its reporter wrote. Playwright's
 * own exit code is not the verdict: the report is (MUST failures, baseline), see reports/model.ts.
 */
export async function runSuites(run: SuiteRun): Promise<ConformanceReport> {
  const reportDir = path.resolve(run.reportDir);
  fs.mkdirSync(reportDir, { recursive: true });
  const reportFile = path.join(reportDir, 'conformance.json');
  const redactor = new Redactor().addAll(run.target.auth);
  fs.rmSync(reportFile, { force: true });
  const args = [playwrightCli(), 'test', '--config', path.join(ROOT, 'playwright.config.ts'), '--project', run.target.api];
  if (run.grep) args.push('--grep', run.grep);
  if (run.shard) args.push('--shard', run.shard);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONFORM_TARGET: path.resolve(run.targetFile),
    CONFORM_REPORT_DIR: reportDir,
    CONFORM_TRANSPORTS: run.transports.join(','),
    CONFORM_OUTPUT_DIR: path.join(reportDir, 'test-results'),
    ...(run.workers ? { CONFORM_WORKERS: String(run.workers) } : {}),
    ...(run.timeoutMs ? { CONFORM_TEST_TIMEOUT_MS: String(run.timeoutMs) } : {}),
    ...(run.baseline ? { CONFORM_BASELINE: path.resolve(run.baseline) } : {}),
    ...(run.shard ? { CONFORM_BLOB_DIR: path.join(reportDir, `blob-${run.shard.replace('/', '-of-')}`) } : {}),
  };
  const code = await new Promise<number | null>((resolve) => {
    // Playwright's output goes through the redactor, line by line (colours kept when our own output is a terminal).
    const quiet = run.stdio === 'ignore';
    const colour = !quiet && process.stdout.isTTY && !('FORCE_COLOR' in env) && !('NO_COLOR' in env) ? { FORCE_COLOR: '1' } : {};
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, ...colour }, stdio: ['ignore', quiet ? 'ignore' : 'pipe', quiet ? 'ignore' : 'pipe'] });
    child.stdout?.pipe(redactingStream(redactor)).pipe(process.stdout, { end: false });
    child.stderr?.pipe(redactingStream(redactor)).pipe(process.stderr, { end: false });
    child.on('close', resolve);
  });
  // Playwright's outputDir (attachments, error-context.md) is written by the workers: redacted once more here.
  redactTree(path.join(reportDir, 'test-results'), redactor);
  if (!fs.existsSync(reportFile)) {
    throw new ToolError('CONFORM_ERR_RUN', `the suites ended (Playwright exit code ${code}) without writing ${reportFile}`);
  }
  return JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ConformanceReport;
}
