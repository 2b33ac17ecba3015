import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Table from 'cli-table3';
import { FAMILIES, TRANSPORTS, type Family, type Transport } from '../specs/families.ts';
import type { ConformanceReport } from '../reports/model.ts';
import { exitCodeOf } from '../reports/model.ts';
import type { Baseline } from '../reports/model.ts';
import { offeredTransports, readTarget, type Target } from '../target/target.ts';
import { resolveTarget, type TargetOverrides } from '../runner/target-overrides.ts';
import { readBaseline, readBaselineFor, updatedBaseline } from '../target/baseline.ts';
import { preflight, type PreflightProblem } from '../runner/preflight.ts';
import { runTargets } from '../runner/run-suites.ts';
import { DEFAULT_GENERATE_CASES, type GenerateSettings } from '../target/run-plan.ts';
import { exitCodeOfSignal, installSignalHandlers, receivedSignal } from '../runner/signals.ts';
import { writeNotRunReports } from '../runner/stopped-report.ts';
import { ToolError } from './errors.ts';

/** How long a whole run may take by default: generous (the three suites against a slow real server take minutes). */
export const DEFAULT_GLOBAL_TIMEOUT_S = 600;
import type { Output } from './specs-command.ts';

export interface TestFlags {
  /** One target file, or several (--target repeated) certified side by side in one run. */
  target?: string | string[];
  mock?: boolean;
  family?: string[];
  transport?: string[];
  reportDir?: string;
  baseline?: string;
  /** A baseline entry whose requirement now passes is reported but does not fail the run. */
  allowStaleBaseline?: boolean;
  /** Write the --baseline file from this run (single target). */
  updateBaseline?: boolean;
  grep?: string;
  workers?: number;
  shard?: string;
  timeout?: number;
  /** Seconds the whole run may take (DEFAULT_GLOBAL_TIMEOUT_S): then it is stopped, its reports written, exit 2. */
  globalTimeout?: number;
  api?: string;
  name?: string;
  http?: string;
  ws?: string;
  mqtt?: string;
  tenant?: string;
  auth?: string;
  username?: string;
  password?: string;
  reporter?: string;
  quiet?: boolean;
  /** Generated cases per operation and transport (DEFAULT_GENERATE_CASES; 0 skips the generative phase). */
  generate?: number;
  /** The generative phase's seed: random when not given, printed and recorded in the report. */
  generateSeed?: number;
  /** conform certify: every test's transcript is written beside the reports (<report-dir>/transcripts/). */
  transcripts?: boolean;
}

/** The generative phase's settings: the given seed, or a random one (printed, so any run can be reproduced). */
export function generateSettingsOf(flags: TestFlags): GenerateSettings {
  return { cases: flags.generate ?? DEFAULT_GENERATE_CASES, seed: flags.generateSeed ?? Math.floor(Math.random() * 2_147_483_647) };
}

function transportsOf(flags: TestFlags): Transport[] {
  const wanted = flags.transport ?? [...TRANSPORTS];
  const unknown = wanted.filter((t) => !(TRANSPORTS as readonly string[]).includes(t));
  if (unknown.length > 0) throw new ToolError('CONFORM_ERR_USAGE', `unknown transport ${unknown.map((u) => `"${u}"`).join(', ')}: expected one of ${TRANSPORTS.join(', ')}`);
  return wanted as Transport[];
}

/** One line per family: the counts, and where the page is. */
export function renderSummary(reports: Array<{ report: ConformanceReport; dir: string }>): string {
  const table = new Table({ head: ['target', 'api', 'passed', 'failed MUST', 'failed SHOULD/MAY', 'known', 'skipped', 'not tested', 'transports'], style: { head: [], border: [] } });
  for (const { report } of reports) {
    const s = report.summary;
    table.push([report.target.name, report.api, s.passed, s.mustFailed, s.shouldFailed, s.knownDeviations, s.skipped, s.notTested, report.transportsTested.join(',')]);
  }
  const failed = reports.flatMap(({ report }) => report.requirements.filter((r) => r.status === 'failed').map((r) => `  ${r.level.padEnd(6)} ${r.id} [${Object.entries(r.transports).filter(([, st]) => st === 'failed').map(([t]) => t).join(',')}]: ${(r.failures[0]?.message ?? '').split('\n')[0]?.slice(0, 140)}`));
  const pages = reports.map(({ dir }) => `  ${path.join(dir, 'conformance.html')}`);
  return [table.toString(), ...(failed.length ? ['failed requirements:', ...failed] : []), 'reports:', ...pages].join('\n');
}

/** What a run selects, in words, for the "no test matched" message. */
function selection(flags: TestFlags, transports: Transport[]): string {
  const parts = [flags.grep ? `--grep ${JSON.stringify(flags.grep)}` : '', flags.shard ? `--shard ${flags.shard}` : '', `transports ${transports.join(', ')}`].filter(Boolean);
  return parts.join(', ');
}

interface Certified {
  report: ConformanceReport;
  exitCode: number;
}

/** A target to certify, and where its reports go. */
interface Entry {
  target: Target;
  reportDir: string;
  /** Its Playwright project when several targets run together. */
  project?: string;
}

/**
 * Targets, each pre-flighted, then the suites of those that passed, side by side in one Playwright run. The reports
 * are written whatever happens; a target's exit code is 2 when it does not answer or refuses the credentials (before
 * or during the run) and for a selection that runs no test, 128+n for a signal, else its report's verdict.
 */
async function certify(flags: TestFlags, entries: Entry[], rootDir: string, io: Output, baselineFamilies?: Family[]): Promise<Certified[]> {
  const results = new Map<Entry, Certified>();
  const ready: Array<Entry & { transports: Transport[]; baseline: Baseline }> = [];
  for (const entry of entries) {
    const { target, reportDir } = entry;
    const transports = offeredTransports(target, transportsOf(flags));
    const baseline: Baseline = flags.baseline ? readBaselineFor(flags.baseline, baselineFamilies ?? [target.api]) : {};
    const problems = await preflight(target, transports);
    if (problems.length > 0) {
      for (const p of problems) io.err(`conform: ${p.message} [${p.code}]`);
      const report = writeNotRunReports(reportDir, target, baseline, { stage: 'pre-flight', code: (problems[0] as PreflightProblem).code, reason: problems.map((p) => p.message).join('; ') });
      results.set(entry, { report, exitCode: 2 });
    } else ready.push({ ...entry, transports, baseline });
  }
  const early = receivedSignal();
  if (early) {
    for (const r of ready) results.set(r, { report: writeNotRunReports(r.reportDir, r.target, r.baseline, { stage: 'run', code: early, reason: `stopped by ${early} before the tests started` }), exitCode: exitCodeOfSignal(early) });
  } else if (ready.length > 0) {
    const generate = generateSettingsOf(flags);
    if (!flags.quiet) io.out(generate.cases === 0 ? 'conform: generative phase skipped (--generate 0)' : `conform: generative phase: ${generate.cases} cases per operation and transport, seed ${generate.seed} (reproduce with --generate ${generate.cases} --generate-seed ${generate.seed})`);
    const runs = ready.map((r) => ({ target: r.target, transports: r.transports, reportDir: r.reportDir, ...(r.project ? { project: r.project } : {}), ...(flags.baseline ? { baseline: flags.baseline } : {}) }));
    const reports = await runTargets(runs, { grep: flags.grep, workers: flags.workers, shard: flags.shard, timeoutMs: flags.timeout, globalTimeoutMs: (flags.globalTimeout ?? DEFAULT_GLOBAL_TIMEOUT_S) * 1000, stdio: flags.quiet ? 'ignore' : 'inherit', reporter: flags.reporter, generate, transcripts: flags.transcripts }, rootDir);
    ready.forEach((r, i) => results.set(entries.find((e) => e.reportDir === r.reportDir) as Entry, verdictOf(flags, r.target, r.transports, reports[i] as ConformanceReport, io)));
  }
  return entries.map((e) => results.get(e) as Certified);
}

/** A run's report as an exit code: a signal, a target that stopped answering, no test run, or the verdict. */
function verdictOf(flags: TestFlags, target: Target, transports: Transport[], report: ConformanceReport, io: Output): Certified {
  if (report.stopped?.code === 'SIGINT' || report.stopped?.code === 'SIGTERM') return { report, exitCode: exitCodeOfSignal(report.stopped.code) };
  if (report.stopped) {
    io.err(`conform: ${report.stopped.reason} [${report.stopped.code}]`);
    return { report, exitCode: 2 };
  }
  const s = report.summary;
  if (s.passed + s.failed + s.skipped + s.knownDeviations === 0) {
    io.err(`conform: no test matched ${selection(flags, transports)} for ${target.api} [CONFORM_ERR_NO_TESTS]`);
    return { report, exitCode: 2 };
  }
  reportBaselineFindings(report, io, { allowStale: Boolean(flags.allowStaleBaseline || flags.shard) });
  return { report, exitCode: exitCodeOf(report, { allowStaleBaseline: Boolean(flags.allowStaleBaseline || flags.shard) }) };
}

/**
 * Says what is wrong with the baseline: a stale entry fails the run (unless allowed: a shard sees only part of a
 * requirement's tests, so merge-reports judges staleness), an expired one no longer excuses its failures.
 */
export function reportBaselineFindings(report: ConformanceReport, io: Output, options: { allowStale: boolean }): void {
  for (const id of report.baseline?.stale ?? []) {
    io.err(`conform: known deviation ${id} now passes: remove it from the baseline${options.allowStale ? ' (allowed by --allow-stale-baseline)' : ''} [CONFORM_STALE_BASELINE]`);
  }
  for (const r of report.requirements) {
    for (const m of r.baselineMismatch ?? []) {
      io.err(`conform: ${r.id} fails on ${m.transport} otherwise than its baseline entry records (known: ${m.known.join(', ')}; now: ${m.now.join(', ')}): a new failure [CONFORM_BASELINE_MISMATCH]`);
    }
  }
  for (const { id, expires } of report.baseline?.expired ?? []) {
    io.err(`conform: the baseline entry for ${id} expired on ${expires}: its failures count again [CONFORM_EXPIRED_BASELINE]`);
  }
}

/** The worst exit code over the targets: 2 before 1 before 0 (a signal's 128+n is returned by the caller first). */
function worst(codes: number[]): number {
  const signalled = codes.find((c) => c > 2);
  if (signalled !== undefined) return signalled;
  return codes.includes(2) ? 2 : codes.includes(1) ? 1 : 0;
}

/** --shard i/n, strictly: Playwright prints a stack trace for 3/2. */
function checkShard(shard: string | undefined): void {
  if (shard === undefined) return;
  const m = /^(\d+)\/(\d+)$/.exec(shard);
  const [i, n] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || n < 1 || i < 1 || i > n) throw new ToolError('CONFORM_ERR_USAGE', `--shard ${JSON.stringify(shard)} must be i/n with 1 ≤ i ≤ n, e.g. 1/2 and 2/2`);
}

const OVERRIDE_FLAGS = ['api', 'name', 'http', 'ws', 'mqtt', 'auth', 'username', 'password', 'tenant'] as const;

function overridesOf(flags: TestFlags): TargetOverrides {
  return Object.fromEntries(OVERRIDE_FLAGS.filter((k) => flags[k] !== undefined).map((k) => [k, flags[k]]));
}

/**
 * `conform test --target <file>` (or a target given by flags and CONFORM_TARGET_* variables): exit 0 when no MUST
 * requirement failed (baseline entries excepted), 1 when one did, 2 for usage, configuration or connection errors,
 * 130/143 when stopped by SIGINT/SIGTERM. The reports are written in every case but a usage error.
 */
export async function runTest(flags: TestFlags, io: Output): Promise<number> {
  installSignalHandlers();
  checkShard(flags.shard);
  const overrides = overridesOf(flags);
  if (flags.updateBaseline && (flags.mock || (Array.isArray(flags.target) && flags.target.length > 1))) {
    throw new ToolError('CONFORM_ERR_USAGE', '--update-baseline records one target\'s run: give one --target (not --mock or several targets)');
  }
  if (flags.mock) {
    const given = [flags.target ? '--target' : '', ...Object.keys(overrides).map((k) => `--${k}`)].filter(Boolean);
    if (given.length > 0) throw new ToolError('CONFORM_ERR_USAGE', `--mock certifies the built-in mock: it takes no ${given.join(', ')} (leave out --mock to certify a target)`);
    return runAgainstMock(flags, io);
  }
  const files = typeof flags.target === 'string' ? [flags.target] : (flags.target ?? []);
  if (files.length > 1) return runSeveral(files, overrides, flags, io);
  const target = resolveTarget(files[0], overrides);
  checkOffers(target, flags);
  if (flags.updateBaseline) prepareBaselineUpdate(flags);
  if (flags.baseline) readBaselineFor(flags.baseline, target.api);
  const reportDir = flags.reportDir ?? 'reports';
  const [{ report, exitCode }] = (await certify(flags, [{ target, reportDir }], reportDir, io)) as [Certified];
  io.out(renderSummary([{ report, dir: reportDir }]));
  if (!flags.updateBaseline || exitCode > 1) return exitCode;
  writeUpdatedBaseline(flags.baseline as string, report, io);
  // Every failure of the run is now in the baseline and nothing in it is stale: the run, so recorded, passes.
  return 0;
}

/** --update-baseline needs the file to write (created empty when missing, so the run can read it) and one target. */
function prepareBaselineUpdate(flags: TestFlags): void {
  if (!flags.baseline) throw new ToolError('CONFORM_ERR_USAGE', '--update-baseline needs --baseline <file>: the file to write (it is created when missing)');
  if (flags.shard) throw new ToolError('CONFORM_ERR_USAGE', '--update-baseline needs the whole run: a shard sees only part of it (update from conform merge-reports output instead)');
  if (!/\.json$/i.test(flags.baseline)) throw new ToolError('CONFORM_ERR_USAGE', `--update-baseline writes JSON: ${flags.baseline} is not a .json file (a profile is kept by hand)`);
  if (!fs.existsSync(flags.baseline)) fs.writeFileSync(flags.baseline, '{}\n');
}

function writeUpdatedBaseline(file: string, report: ConformanceReport, io: Output): void {
  const { baseline, added, refreshed, removed } = updatedBaseline(readBaseline(file), report);
  fs.writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
  io.err(`conform: baseline ${file} written: ${Object.keys(baseline).length} entries (${added.length} added, ${refreshed.length} refreshed, ${removed.length} removed: now passing)`);
}

/** --transport must leave something the target offers. */
function checkOffers(target: Target, flags: TestFlags): void {
  const wanted = transportsOf(flags);
  if (offeredTransports(target, wanted).length === 0) {
    const offered = offeredTransports(target);
    throw new ToolError('CONFORM_ERR_USAGE', `--transport ${wanted.join(',')} selects nothing the target offers (it offers ${offered.join(', ') || 'no endpoint'})`);
  }
}

/** A project name per target file: its base name, numbered when two files share one. */
export function projectNames(files: string[]): string[] {
  const seen = new Map<string, number>();
  return files.map((file) => {
    const base = path.basename(file).replace(/\.json$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'target';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/**
 * Where a run's reports go, one folder per target, in the order of the targets: the report folder itself for one
 * target, <report-dir>/<family>/ for the mock's families, <report-dir>/<project>/ for several target files.
 */
export function reportDirs(flags: TestFlags): string[] {
  const root = flags.reportDir ?? 'reports';
  if (flags.mock) return (flags.family ?? [...FAMILIES]).map((family) => path.join(root, family));
  const files = typeof flags.target === 'string' ? [flags.target] : (flags.target ?? []);
  return files.length > 1 ? projectNames(files).map((name) => path.join(root, name)) : [root];
}

/**
 * `conform test --target a.json --target b.json`: the targets side by side in one run, each with its reports in
 * <report-dir>/<its file's base name>/; the exit code is the worst over the targets.
 */
async function runSeveral(files: string[], overrides: TargetOverrides, flags: TestFlags, io: Output): Promise<number> {
  const given = Object.keys(overrides).map((k) => `--${k}`);
  if (given.length > 0) throw new ToolError('CONFORM_ERR_USAGE', `${given.join(', ')} would apply to every one of ${files.length} targets: give each its own file instead`);
  if (flags.shard) throw new ToolError('CONFORM_ERR_USAGE', '--shard certifies one target: run it once per target file');
  const rootDir = flags.reportDir ?? 'reports';
  const names = projectNames(files);
  const dirs = reportDirs(flags);
  const entries = files.map((file, i) => {
    const target = resolveTarget(file, {});
    checkOffers(target, flags);
    return { target, project: names[i] as string, reportDir: dirs[i] as string };
  });
  if (flags.baseline) readBaselineFor(flags.baseline, [...new Set(entries.map((e) => e.target.api))]);
  const results = await certify(flags, entries, rootDir, io, [...new Set(entries.map((e) => e.target.api))]);
  io.out(renderSummary(results.map((r, i) => ({ report: r.report, dir: (entries[i] as Entry).reportDir }))));
  const signal = receivedSignal();
  if (signal) return exitCodeOfSignal(signal);
  return worst(results.map((r) => r.exitCode));
}

/** The main job on the embedded default: the built-in mock on free ports, every family and transport certified. */
async function runAgainstMock(flags: TestFlags, io: Output): Promise<number> {
  const { resolveMockConfig, ephemeralPorts } = await import('../config/mock-config.ts');
  const { allDeviations } = await import('../server/family-modules.ts');
  const { startMock } = await import('../server/mock-server.ts');
  const families = (flags.family ?? [...FAMILIES]) as Family[];
  const unknown = families.filter((f) => !(FAMILIES as readonly string[]).includes(f));
  if (unknown.length > 0) throw new ToolError('CONFORM_ERR_USAGE', `unknown family ${unknown.map((u) => `"${u}"`).join(', ')}: expected one of ${FAMILIES.join(', ')}`);
  transportsOf(flags);
  if (flags.baseline) readBaselineFor(flags.baseline, families);
  const targetsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-targets-'));
  const mock = await startMock(resolveMockConfig({ flags: { families, ports: ephemeralPorts(), targetsDir } }, new Set(allDeviations().keys())));
  const say = (line: string) => (flags.quiet ? undefined : io.out(line));
  say(`conform: the built-in mock is serving ${families.join(', ')} on ${mock.listeners.map((l) => l.url).join(', ')}`);
  say(`conform: certifying ${families.join(', ')}…`);
  let results: Array<{ report: ConformanceReport; dir: string; exitCode: number }>;
  try {
    const dirs = reportDirs({ ...flags, family: families });
    const entries = families.map((family, i) => ({ target: readTarget(path.join(targetsDir, `${family}.json`)), project: family, reportDir: dirs[i] as string }));
    const certified = await certify(flags, entries, flags.reportDir ?? 'reports', io, families);
    results = certified.map((c, i) => ({ ...c, dir: (entries[i] as Entry).reportDir }));
  } finally {
    await mock.stop();
    fs.rmSync(targetsDir, { recursive: true, force: true });
  }
  io.out(renderSummary(results));
  const signal = receivedSignal();
  if (signal) return exitCodeOfSignal(signal);
  return worst(results.map((r) => r.exitCode));
}
