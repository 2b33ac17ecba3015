import { defineConfig } from '@playwright/test';

/**
 * The conformance suites (suites/) are Playwright Test projects: one test file runs against several targets,
 * chosen with option fixtures per project, never with conditionals inside tests. The suites arrive with the
 * conformance issue; this configuration is their home.
 */
export default defineConfig({
  testDir: './suites',
  outputDir: './test-results',
  fullyParallel: true,
  reporter: [['list']],
  timeout: 15_000,
});
