import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAMILIES } from './src/specs/families.ts';

const here = fileURLToPath(import.meta.url);
const root = path.dirname(here);
// The sources in a checkout (.ts, run by Playwright's own transform), the build in dist/ and in an installed package
// (.js): the reporter sits beside the config in both layouts.
const ext = path.extname(here);
const shards = process.env.CONFORM_BLOB_DIR ? [['blob', { outputDir: process.env.CONFORM_BLOB_DIR }] as const] : [];

/**
 * What the console shows (conform test --reporter, --quiet): conform's live line per test by default, one of
 * Playwright's own reporters, or nothing. The conformance reporter (the reports) runs in every case.
 */
function consoleReporter(): Array<[string] | [string, Record<string, unknown>]> {
  const chosen = process.env.CONFORM_REPORTER ?? 'conform';
  if (chosen === 'quiet') return [];
  if (chosen === 'conform') return [[path.join(root, 'src', 'reports', `live-reporter${ext}`)]];
  return [[chosen]];
}

/**
 * The conformance suites: one project per family (suites/<family>/), run by `conform test`, which chooses the
 * project from the target file and passes the target in CONFORM_TARGET. Tests are generated per requirement and
 * per transport the target offers (suites/harness.ts).
 */
export default defineConfig({
  testDir: './suites',
  outputDir: process.env.CONFORM_OUTPUT_DIR ?? './test-results',
  // Every test is its own unit: --shard splits a family by test, not by file (userapi is one big file), and the
  // fixtures create what they need with unique names, so no test depends on another having run.
  fullyParallel: true,
  workers: Number(process.env.CONFORM_WORKERS ?? 1),
  timeout: Number(process.env.CONFORM_TEST_TIMEOUT_MS ?? 20_000),
  retries: 0,
  reporter: [...consoleReporter(), [path.join(root, 'src', 'reports', `playwright-reporter${ext}`)], ...shards],
  projects: FAMILIES.map((family) => ({ name: family, testDir: `./suites/${family}` })),
});
