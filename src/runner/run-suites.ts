import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../specs/paths.ts';
import type { Transport } from '../specs/families.ts';
import type { ConformanceReport } from '../reports/model.ts';
import { ToolError } from '../core/tool-error.ts';
import type { Target } from '../target/target.ts';
import { trippedBecause } from './circuit-breaker.ts';
import { onStopSignal, type StopSignal } from './signals.ts';
import { markStopped, writeNotRunReports } from './stopped-report.ts';
import { readBaseline } from '../target/baseline.ts';
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
  /** The console reporter: conform's line per test (default) or one of Playwright's (list, line, dot, github). */
  reporter?: string;
}

/**
 * The Playwright config beside this module's tree: playwright.config.ts in a checkout run through tsx,
 * dist/playwright.config.js in the build and in an installed package (whose suites are compiled beside it).
 */
export function playwrightConfig(): string {
  const here = fileURLToPath(import.meta.url);
  return path.resolve(path.dirname(here), '..', '..', `playwright.config${path.extname(here)}`);
}

/** After SIGINT, how long Playwright may take to stop its workers and write the reports before its group is killed. */
export const STOP_GRACE_MS = 10_000;
const BREAKER_POLL_MS = 200;

/** The conformance reporter (the reports), beside the config in both layouts. */
export function conformanceReporter(): string {
  const here = fileURLToPath(import.meta.url);
  return path.resolve(path.dirname(here), '..', 'reports', `playwright-reporter${path.extname(here)}`);
}

export function playwrightCli(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@playwright/test/package.json')), 'cli.js');
}

/** Signals the whole process group (Playwright, its workers, anything they started); false when it is gone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the family's Playwright project against the target and returns the report its reporter wrote. Playwright's
 * own exit code is not the verdict: the report is (MUST failures, baseline), see reports/model.ts.
 *
 * Playwright runs in its own process group, so that it and every worker can be stopped together: on SIGINT/SIGTERM
 * to conform, or when the circuit breaker trips, the group gets SIGINT (what a terminal's Ctrl-C sends: Playwright
 * stops its workers and its reporters write what completed), then SIGKILL after STOP_GRACE_MS, and SIGKILL in any
 * case should conform itself exit first. The returned report's `stopped` says why a run ended early.
 */
export async function runSuites(run: SuiteRun): Promise<ConformanceReport> {
  const reportDir = path.resolve(run.reportDir);
  fs.mkdirSync(reportDir, { recursive: true });
  const reportFile = path.join(reportDir, 'conformance.json');
  const redactor = new Redactor().addAll(run.target.auth);
  fs.rmSync(reportFile, { force: true });
  const breakerFile = path.join(reportDir, '.conform-breaker');
  for (const f of [breakerFile, `${breakerFile}.tripped`]) fs.rmSync(f, { force: true });
  const args = [playwrightCli(), 'test', '--config', playwrightConfig(), '--project', run.target.api];
  if (run.grep) args.push('--grep', run.grep);
  if (run.shard) args.push('--shard', run.shard);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONFORM_TARGET: path.resolve(run.targetFile),
    CONFORM_REPORT_DIR: reportDir,
    CONFORM_TRANSPORTS: run.transports.join(','),
    CONFORM_OUTPUT_DIR: path.join(reportDir, 'test-results'),
    CONFORM_BREAKER_FILE: breakerFile,
    CONFORM_REPORTER: run.stdio === 'ignore' ? 'quiet' : (run.reporter ?? 'conform'),
    ...(run.workers ? { CONFORM_WORKERS: String(run.workers) } : {}),
    ...(run.timeoutMs ? { CONFORM_TEST_TIMEOUT_MS: String(run.timeoutMs) } : {}),
    ...(run.baseline ? { CONFORM_BASELINE: path.resolve(run.baseline) } : {}),
    ...(run.shard ? { CONFORM_BLOB_DIR: path.join(reportDir, `blob-${run.shard.replace('/', '-of-')}`) } : {}),
  };

  let signal: StopSignal | undefined;
  let tripped: string | undefined;
  const code = await new Promise<number | null>((resolve) => {
    // Playwright's output goes through the redactor, line by line (colours kept when our own output is a terminal).
    const quiet = run.stdio === 'ignore';
    const colour = !quiet && process.stdout.isTTY && !('FORCE_COLOR' in env) && !('NO_COLOR' in env) ? { FORCE_COLOR: '1' } : {};
    const output = quiet ? 'ignore' : 'pipe';
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, ...colour }, detached: true, stdio: ['ignore', output, output] });
    child.stdout?.pipe(redactingStream(redactor)).pipe(process.stdout, { end: false });
    child.stderr?.pipe(redactingStream(redactor)).pipe(process.stderr, { end: false });
    let killTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (killTimer) return;
      signalGroup(child, 'SIGINT');
      killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), STOP_GRACE_MS);
    };
    const killOnExit = () => signalGroup(child, 'SIGKILL');
    process.on('exit', killOnExit);
    const unlisten = onStopSignal((s, count) => {
      signal ??= s;
      if (count > 1) signalGroup(child, 'SIGKILL'); // a second signal: stop now
      else stop();
    });
    const poll = setInterval(() => {
      tripped ??= trippedBecause(breakerFile);
      if (tripped) stop();
    }, BREAKER_POLL_MS);
    let exitCode: number | null = null;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearInterval(poll);
      clearTimeout(killTimer);
      unlisten();
      process.off('exit', killOnExit);
      resolve(exitCode);
    };
    child.once('exit', (c) => {
      exitCode = c;
      // Whatever a worker or a test's own child left behind goes with the group; its pipes then close, and the
      // last of Playwright's output has been written when 'close' comes (a second at most).
      signalGroup(child, 'SIGKILL');
      setTimeout(finish, 1_000).unref();
    });
    child.once('close', finish);
    child.once('error', finish);
  });
  tripped ??= trippedBecause(breakerFile);
  // Playwright's outputDir (attachments, error-context.md) is written by the workers: redacted once more here.
  redactTree(path.join(reportDir, 'test-results'), redactor);

  const stopped = signal
    ? { stage: 'run' as const, code: signal, reason: `stopped by ${signal}: the tests that had not completed were not run` }
    : tripped
      ? { stage: 'run' as const, code: 'CONFORM_ERR_UNREACHABLE', reason: `not run: the target stopped answering (${tripped})` }
      : undefined;
  if (!fs.existsSync(reportFile)) {
    if (stopped) return writeNotRunReports(reportDir, run.target, run.baseline ? readBaseline(run.baseline) : {}, stopped);
    throw new ToolError('CONFORM_ERR_RUN', `the suites ended (Playwright exit code ${code}) without writing ${reportFile}`);
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ConformanceReport;
  return stopped ? markStopped(reportDir, report, stopped) : report;
}
