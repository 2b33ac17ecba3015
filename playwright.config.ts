import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FAMILIES } from './src/specs/families.ts';
import { DEFAULT_WORKERS, projectGrep, readPlan, type PlannedTarget } from './src/target/run-plan.ts';
import type { SuiteOptions, SuiteSettings } from './suites/harness.ts';

const here = fileURLToPath(import.meta.url);
const root = path.dirname(here);
// The sources in a checkout (.ts, run by Playwright's own transform), the build in dist/ and in an installed package
// (.js): the reporter sits beside the config in both layouts.
const ext = path.extname(here);
const plan = readPlan();

/**
 * What the console shows (conform test --reporter, --quiet): conform's live line per test by default, one of
 * Playwright's own reporters, or nothing. The conformance reporter (the reports) runs in every case.
 */
function consoleReporter(): Array<[string] | [string, Record<string, unknown>]> {
  const chosen = plan?.reporter ?? 'conform';
  if (chosen === 'quiet') return [];
  if (chosen === 'conform') return [[path.join(root, 'src', 'reports', `live-reporter${ext}`)]];
  return [[chosen]];
}

/**
 * What a family's suite says about itself (suites/<family>/suite.ts, compiled beside this config in the build):
 * `workers` limits its parallelism when its tests share state on the target that they cannot create per test.
 */
async function suiteSettings(family: string): Promise<SuiteSettings> {
  const file = path.join(root, 'suites', family, `suite${ext}`);
  return fs.existsSync(file) ? ((await import(pathToFileURL(file).href)) as { default: SuiteSettings }).default : {};
}

type Project = NonNullable<PlaywrightTestConfig<SuiteOptions>['projects']>[number];

/** One project per target: its family's suite, its transports, its own output folder and circuit breaker. */
async function projectOf(planned: PlannedTarget): Promise<Project> {
  const { workers } = await suiteSettings(planned.target.api);
  return {
    name: planned.project,
    testDir: `./suites/${planned.target.api}`,
    outputDir: path.join(planned.reportDir, 'test-results'),
    grep: projectGrep(planned),
    ...(workers ? { workers } : {}),
    use: { target: planned.target, breakerFile: planned.breakerFile },
  };
}

/**
 * The conformance suites, run by `conform test`, which writes the plan (src/target/run-plan.ts): one project per
 * target, so one run certifies several targets side by side. Without a plan (Playwright's merge-reports), one
 * project per family. Tests are generated per requirement and per transport (suites/harness.ts); a project's grep
 * keeps those of the transports its target offers.
 */
export default defineConfig<SuiteOptions>({
  testDir: './suites',
  outputDir: './test-results',
  // Every test is its own unit: --shard splits a family by test, not by file (a family's suite may be one big file), and the
  // fixtures create what they need with unique names, so no test depends on another having run.
  fullyParallel: true,
  workers: plan?.workers ?? DEFAULT_WORKERS,
  timeout: plan?.timeoutMs ?? 20_000,
  retries: 0,
  reporter: [...consoleReporter(), [path.join(root, 'src', 'reports', `playwright-reporter${ext}`)], ...(plan?.blobDir ? [['blob', { outputDir: plan.blobDir }] as [string, Record<string, unknown>]] : [])],
  projects: plan ? await Promise.all(plan.targets.map(projectOf)) : FAMILIES.map((family) => ({ name: family, testDir: `./suites/${family}` })),
});
