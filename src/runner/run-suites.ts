import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../specs/paths.ts';
import type { Transport } from '../specs/families.ts';
import type { ConformanceReport } from '../reports/model.ts';
import { ToolError } from '../cli/errors.ts';
import type { Target } from './target.ts';

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
  /** Where Playwright's own output goes: inherited by default; 'ignore' for quiet runs. */
  stdio?: 'inherit' | 'ignore';
}

/**
 * The Playwright config beside this module's tree: playwright.config.ts in a checkout run through tsx,
 * dist/playwright.config.js in the build and in an installed package (whose suites are compiled beside it).
 */
export function playwrightConfig(): string {
  const here = fileURLToPath(import.meta.url);
  return path.resolve(path.dirname(here), '..', '..', `playwright.config${path.extname(here)}`);
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
  fs.rmSync(reportFile, { force: true });
  const args = [playwrightCli(), 'test', '--config', playwrightConfig(), '--project', run.target.api];
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
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', run.stdio ?? 'inherit', run.stdio ?? 'inherit'] });
    child.on('exit', resolve);
  });
  if (!fs.existsSync(reportFile)) {
    throw new ToolError('CONFORM_ERR_RUN', `the suites ended (Playwright exit code ${code}) without writing ${reportFile}`);
  }
  return JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ConformanceReport;
}
