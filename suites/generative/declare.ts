/**
 * Declares a generated test: one per requirement and transport, like the hand-written ones (suites/harness.ts), named
 * "<id> [<transport>] generated: <title>", its cases drawn from the run's seed. Nothing is declared with --generate 0.
 */
import { conformance, type BaseFixtures, type test } from '../harness.ts';
import type { Family, Transport } from '../../src/specs/families.ts';
import { generateSettings, testSeed } from './settings.ts';
import { runCases, type GeneratedCase } from './run-cases.ts';

export interface GeneratedTest<F> {
  /** The test's cases: `count` of them, drawn from `seed` (json-schema-faker for bodies, fast-check for mutations). */
  cases(fixtures: F & { transport: Transport }, count: number, seed: number): GeneratedCase[] | Promise<GeneratedCase[]>;
  /** Sends one case and asserts the documented outcome (it throws when the target does otherwise). */
  check(fixtures: F & { transport: Transport }, c: GeneratedCase): Promise<void>;
  /** The transports it covers (default: HTTP only). */
  transports?: readonly Transport[];
}

export function generated<F extends BaseFixtures>(testFn: typeof test | ReturnType<typeof test.extend<F>>, family: Family, id: string, title: string, spec: GeneratedTest<F>): void {
  const settings = generateSettings();
  if (settings.cases === 0) return;
  conformance<F>(
    testFn,
    family,
    id,
    `generated: ${title}`,
    async (fixtures) => {
      const seed = testSeed(settings.seed, id, fixtures.transport);
      const cases = await spec.cases(fixtures, settings.cases, seed);
      await runCases({ id, cases: settings.cases, runSeed: settings.seed, seed }, cases, (c) => spec.check(fixtures, c));
    },
    { transports: spec.transports ?? ['http'] },
  );
}
