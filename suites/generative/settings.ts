/**
 * The generative phase's budget and seed, as `conform test` put them in the run plan (--generate, --generate-seed).
 * Without a plan's settings (the deviation sweep, merge-reports) the default budget and seed 1: reproducible.
 */
import { DEFAULT_GENERATE_CASES, readPlan, type GenerateSettings } from '../../src/target/run-plan.ts';

export function generateSettings(): GenerateSettings {
  return readPlan()?.generate ?? { cases: DEFAULT_GENERATE_CASES, seed: 1 };
}

/**
 * The seed of one generated test: the run's seed mixed with the test's requirement id and transport (FNV-1a), so
 * each test draws its own cases, and the same run seed gives every test the same cases again.
 */
export function testSeed(runSeed: number, ...parts: string[]): number {
  let h = 0x811c9dc5 ^ (runSeed | 0);
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0) as number;
    h = Math.imul(h, 0x01000193);
  }
  // json-schema-faker and fast-check both take a 31-bit seed.
  return (h >>> 1) & 0x7fffffff;
}
