import fs from 'node:fs';
import os from 'node:os';
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
import { Redactor } from '../core/redact.ts';
import { redactingStream } from './redact-stream.ts';
import { redactTree } from './redact-files.ts';
import { PLAN_VARIABLE, TRANSCRIPTS_DIR, writePlan, type GenerateSettings, type RunPlan } from '../target/run-plan.ts';

/** One target of a run. */
export interface SuiteTarget {
  /** The target, validated (Playwright's processes get it in the run plan, never read a target file again). */
  target: Target;
  transports: Transport[];
  reportDir: string;
  baseline?: string;
  /** With several targets: this target's project (default: its family). */
  project?: string;
  /** With several targets: only this target's tests that match (Playwright's --grep applies to every target). */
  only?: string;
}

/** What every target of a run shares. */
export interface RunSettings {
  grep?: string;
  workers?: number;
  shard?: string;
  timeoutMs?: number;
  /**
   * How long the whole run may take: then it is stopped as on SIGINT (the reporters write what completed, the
   * running tests end "interrupted") and every report's `stopped` says CONFORM_ERR_TIMEOUT. Default: no limit.
   */
  globalTimeoutMs?: number;
  /** Where Playwright's own output goes: ours (redacted) by default; 'ignore' for quiet runs. */
  stdio?: 'inherit' | 'ignore';
  /** The console reporter: conform's line per test (default) or one of Playwright's (list, line, dot, github). */
  reporter?: string;
  /** The generative phase's budget and seed (default: DEFAULT_GENERATE_CASES, seed chosen by the caller). */
  generate?: GenerateSettings;
  /** conform certify: every test's transcript is written to <reportDir>/transcripts/ (the reports keep only failures'). */
  transcripts?: boolean;
}

export interface SuiteRun extends SuiteTarget, RunSettings {}

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

/** Runs the family's Playwright project against one target and returns the report: see runTargets. */
export async function runSuites(run: SuiteRun): Promise<ConformanceReport> {
  const [report] = await runTargets([run], run, run.reportDir);
  return report as ConformanceReport;
}

interface Prepared extends SuiteTarget {
  reportFile: string;
  breakerFile: string;
}

/** Empties what a target's earlier run left (its report, its breaker). */
function prepare(run: SuiteTarget): Prepared {
  const reportDir = path.resolve(run.reportDir);
  fs.mkdirSync(reportDir, { recursive: true });
  const reportFile = path.join(reportDir, 'conformance.json');
  const breakerFile = path.join(reportDir, '.conform-breaker');
  for (const f of [reportFile, breakerFile, `${breakerFile}.tripped`]) fs.rmSync(f, { force: true });
  return { ...run, reportDir, reportFile, breakerFile };
}

function planOf(targets: Prepared[], settings: RunSettings, blobDir: string | undefined): RunPlan {
  return {
    targets: targets.map((t) => ({
      project: t.project ?? t.target.api,
      target: t.target,
      transports: t.transports,
      reportDir: t.reportDir,
      breakerFile: t.breakerFile,
      ...(t.baseline ? { baselineFile: path.resolve(t.baseline) } : {}),
      ...(t.only ? { grep: t.only } : {}),
      ...(settings.transcripts ? { transcriptsDir: path.join(t.reportDir, TRANSCRIPTS_DIR) } : {}),
    })),
    reporter: settings.stdio === 'ignore' ? 'quiet' : (settings.reporter ?? 'conform'),
    ...(settings.workers ? { workers: settings.workers } : {}),
    ...(settings.timeoutMs ? { timeoutMs: settings.timeoutMs } : {}),
    ...(blobDir ? { blobDir } : {}),
    ...(settings.generate ? { generate: settings.generate } : {}),
  };
}

/**
 * Runs one Playwright process over the targets, one project each and side by side, and returns the report of each
 * (in order) its reporter wrote. Playwright's own exit code is not the verdict: the reports are (MUST failures,
 * baseline), see reports/model.ts.
 *
 * Playwright runs in its own process group, so that it and every worker can be stopped together: on SIGINT/SIGTERM
 * to conform, or when the circuit breakers of every target tripped, the group gets SIGINT (what a terminal's Ctrl-C
 * sends: Playwright stops its workers and its reporters write what completed), then SIGKILL after STOP_GRACE_MS,
 * and SIGKILL in any case should conform itself exit first. A target whose breaker tripped while others still answer
 * has its remaining tests fail at once (suites/harness.ts). A report's `stopped` says why its target ended early.
 */
export async function runTargets(runs: SuiteTarget[], settings: RunSettings, rootDir: string): Promise<ConformanceReport[]> {
  const targets = runs.map(prepare);
  const redactor = new Redactor();
  for (const t of targets) redactor.addAll(t.target.auth);
  const args = [playwrightCli(), 'test', '--config', playwrightConfig()];
  if (settings.grep) args.push('--grep', settings.grep);
  if (settings.shard) args.push('--shard', settings.shard);
  const blobDir = settings.shard ? path.join(path.resolve(rootDir), `blob-${settings.shard.replace('/', '-of-')}`) : undefined;
  // The plan holds the targets' credentials: a private folder, removed when the run ends.
  const planDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-plan-'));
  const env: NodeJS.ProcessEnv = { ...process.env, [PLAN_VARIABLE]: writePlan(planDir, planOf(targets, settings, blobDir)) };

  let signal: StopSignal | undefined;
  let timedOut = false;
  const tripped = new Map<string, string>();
  const checkBreakers = () => {
    for (const t of targets) {
      const why = tripped.get(t.breakerFile) ?? trippedBecause(t.breakerFile);
      if (why) tripped.set(t.breakerFile, why);
    }
    return tripped.size === targets.length;
  };
  const code = await new Promise<number | null>((resolve) => {
    // Playwright's output goes through the redactor, line by line (colours kept when our own output is a terminal).
    const quiet = settings.stdio === 'ignore';
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
      if (checkBreakers()) stop();
    }, BREAKER_POLL_MS);
    const deadline = settings.globalTimeoutMs
      ? setTimeout(() => {
          timedOut = true;
          stop();
        }, settings.globalTimeoutMs)
      : undefined;
    let exitCode: number | null = null;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearInterval(poll);
      clearTimeout(killTimer);
      clearTimeout(deadline);
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
  fs.rmSync(planDir, { recursive: true, force: true });
  checkBreakers();
  return targets.map((t) => {
    // Playwright's outputDir (attachments, error-context.md) is written by the workers: redacted once more here.
    redactTree(path.join(t.reportDir, 'test-results'), redactor);
    const why = tripped.get(t.breakerFile);
    const stopped = signal
      ? { stage: 'run' as const, code: signal, reason: `stopped by ${signal}: the tests that had not completed were not run` }
      : timedOut
        ? { stage: 'run' as const, code: 'CONFORM_ERR_TIMEOUT', reason: `stopped after the global timeout of ${Math.round((settings.globalTimeoutMs ?? 0) / 1000)} s (--global-timeout): the tests that had not completed are marked not finished or not tested` }
        : why
        ? { stage: 'run' as const, code: 'CONFORM_ERR_UNREACHABLE', reason: `not run: the target stopped answering (${why})` }
        : undefined;
    if (!fs.existsSync(t.reportFile)) {
      if (stopped) return writeNotRunReports(t.reportDir, t.target, t.baseline ? readBaseline(t.baseline) : {}, stopped);
      throw new ToolError('CONFORM_ERR_RUN', `the suites ended (Playwright exit code ${code}) without writing ${t.reportFile}`);
    }
    const report = JSON.parse(fs.readFileSync(t.reportFile, 'utf8')) as ConformanceReport;
    return stopped ? markStopped(t.reportDir, report, stopped) : report;
  });
}
