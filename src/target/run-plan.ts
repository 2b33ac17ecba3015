import fs from 'node:fs';
import path from 'node:path';
import type { Transport } from '../specs/families.ts';
import { escapeRegExp } from '../core/regex.ts';
import type { Target } from './target.ts';

/** One target of a Playwright run: one project, its own reports, its own circuit breaker. */
export interface PlannedTarget {
  /** The Playwright project: the family when one target (or the mock's families) is certified, unique per target. */
  project: string;
  /** The target, validated by conform before the run (the config and the reporters only read it). */
  target: Target;
  transports: Transport[];
  reportDir: string;
  baselineFile?: string;
  /** Only the tests this pattern matches, for this target alone (the deviation sweep's one requirement per target). */
  grep?: string;
  breakerFile: string;
  /** conform certify: where the reporter writes every test's transcript (redacted), one JSON file per test. */
  transcriptsDir?: string;
}

/**
 * What `conform test` hands to Playwright's processes (the config, the workers, the reporters): the targets and the
 * run's settings, in one file named by CONFORM_PLAN. A file, not variables: a target holds credentials (the file is
 * readable by this user only) and several targets do not fit in one variable each.
 */
export interface RunPlan {
  targets: PlannedTarget[];
  workers?: number;
  timeoutMs?: number;
  /** The console reporter: 'conform', 'quiet' or one of Playwright's. */
  reporter: string;
  /** With --shard: where the blob report goes. */
  blobDir?: string;
  /** The generative phase (suites/generative/): cases per operation and transport (0: skipped) and its seed. */
  generate?: GenerateSettings;
}

/** `conform test --generate <n> --generate-seed <n>`: the same seed and count give the same generated cases. */
export interface GenerateSettings {
  cases: number;
  seed: number;
}

/** Cases per operation and transport when --generate is not given: a small budget, a few seconds per family. */
export const DEFAULT_GENERATE_CASES = 5;

export const PLAN_VARIABLE = 'CONFORM_PLAN';

/** The folder, inside a target's report folder, of every test's transcript (conform certify). */
export const TRANSCRIPTS_DIR = 'transcripts';

/**
 * Workers when --workers is not given. The tests wait on the target far more than they compute, and each creates
 * its own fixtures under unique names, so several run side by side even on a small machine; a suite whose tests
 * share state limits its own project (suites/<family>/suite.json).
 */
export const DEFAULT_WORKERS = 4;

export function writePlan(dir: string, plan: RunPlan): string {
  const file = path.join(dir, '.conform-plan.json');
  fs.writeFileSync(file, JSON.stringify(plan), { mode: 0o600 });
  return file;
}

/**
 * The plan of this Playwright process: CONFORM_PLAN's, or one target from CONFORM_TARGET and its companions, which
 * `conform merge-reports` still sets (it runs the conformance reporter over blob reports, with no plan of its own).
 */
export function readPlan(env: NodeJS.ProcessEnv = process.env): RunPlan | undefined {
  const file = env[PLAN_VARIABLE];
  if (file) return JSON.parse(fs.readFileSync(file, 'utf8')) as RunPlan;
  const targetFile = env.CONFORM_TARGET;
  if (!targetFile || !fs.existsSync(targetFile)) return undefined;
  const target = { auth: {}, ...(JSON.parse(fs.readFileSync(targetFile, 'utf8')) as object) } as Target;
  const transports = (env.CONFORM_TRANSPORTS ?? 'http,ws,mqtt').split(',').filter(Boolean) as Transport[];
  const reportDir = env.CONFORM_REPORT_DIR ?? 'reports';
  return {
    targets: [{ project: target.api, target, transports, reportDir, ...(env.CONFORM_BASELINE ? { baselineFile: env.CONFORM_BASELINE } : {}), breakerFile: path.join(reportDir, '.conform-breaker') }],
    reporter: env.CONFORM_REPORTER ?? 'conform',
  };
}

/** The tag a test carries for its transport: the project's grep selects the transports its target offers. */
export const transportTag = (transport: Transport): string => `@transport:${transport}`;

/**
 * The project's grep: the tests of the transports the target offers and, for the sweep, of one requirement. Both
 * must hold, and Playwright ORs a list of patterns, so they are lookaheads of one pattern.
 */
export function projectGrep(planned: Pick<PlannedTarget, 'transports' | 'grep'>): RegExp {
  const transports = `(?=[\\s\\S]*(?:${planned.transports.map((t) => escapeRegExp(transportTag(t))).join('|')})(?:\\s|$))`;
  return new RegExp(`^${transports}${planned.grep ? `(?=[\\s\\S]*(?:${planned.grep}))` : ''}`);
}
