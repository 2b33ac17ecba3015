/**
 * What every conformance suite shares: the target (a worker-scoped option, set per project by the Playwright
 * config), the requirement catalogue, one test per requirement and transport with the ids as annotations, and a
 * transcript of every exchange, attached to the test so a report can show the request and the response that failed.
 */
import { test as base, expect } from '@playwright/test';
import { readCatalogue, type Requirement } from '../src/specs/catalogue.ts';
import type { Family, Transport } from '../src/specs/families.ts';
import type { Target } from '../src/target/target.ts';
import { transportTag } from '../src/target/run-plan.ts';
import { trippedBecause, useBreakerFile } from '../src/runner/circuit-breaker.ts';
import { redactor, Transcript } from './clients/transcript.ts';

export { expect };
export { httpCall, type HttpAnswer } from './clients/http.ts';
export { redactor, secret, Transcript, type Exchange } from './clients/transcript.ts';

const catalogues = new Map<Family, Map<string, Requirement>>();
export function requirementOf(family: Family, id: string): Requirement {
  let byId = catalogues.get(family);
  if (!byId) {
    byId = new Map(readCatalogue(family).requirements.map((r) => [r.id, r]));
    catalogues.set(family, byId);
  }
  const r = byId.get(id);
  if (!r) throw new Error(`${id} is not a requirement of ${family}`);
  return r;
}

/** A unique name for a fixture, so parallel runs and earlier runs never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface BaseFixtures {
  target: Target;
  transcript: Transcript;
}

/** What a family's suite may say about itself, in suites/<family>/suite.ts (read by the Playwright config). */
export interface SuiteSettings {
  /** At most this many workers for the family's project: its tests share state they cannot create per test. */
  workers?: number;
}

/** What the Playwright config sets per project (one project per target). */
export interface SuiteOptions {
  target: Target;
  breakerFile: string | undefined;
}

export const test = base.extend<{ transcript: Transcript; breaker: void }, SuiteOptions & { worker: void }>({
  target: [undefined as unknown as Target, { option: true, scope: 'worker' }],
  breakerFile: [undefined, { option: true, scope: 'worker' }],
  // Once per worker: its target's credentials are secrets from now on, and its breaker is the target's.
  worker: [
    async ({ target, breakerFile }, use) => {
      if (!target) throw new Error('no target: run the suites with `conform test --target <file>` (its Playwright config sets one per project)');
      redactor.addAll(target.auth);
      useBreakerFile(breakerFile);
      await use();
    },
    { scope: 'worker', auto: true },
  ],
  // The circuit breaker (src/runner/circuit-breaker.ts): once the target stopped answering, a test only waits.
  breaker: [
    async ({}, use) => {
      const tripped = trippedBecause();
      if (tripped) throw new Error(`not run: the target stopped answering (${tripped})`);
      await use();
    },
    { auto: true },
  ],
  transcript: async ({}, use, testInfo) => {
    const transcript = new Transcript();
    await use(transcript);
    await transcript.attach(testInfo);
  },
});

/**
 * Declares the tests of requirements (the family's test object must provide a fixture named `api`): one per transport that both the requirement and the target have, named
 * "<id> [<transport>] <title>" and annotated with every requirement id it checks and its transport.
 */
export function conformance<F extends BaseFixtures>(
  testFn: typeof test | ReturnType<typeof test.extend<F>>,
  family: Family,
  ids: string | string[],
  title: string,
  body: (fixtures: F & { transport: Transport }) => Promise<void>,
  options: { transports?: readonly Transport[] } = {},
): void {
  const list = Array.isArray(ids) ? ids : [ids];
  const primary = requirementOf(family, list[0] as string);
  // A failure fails every id the test lists: mixing levels would let a SHOULD failure fail a MUST (and the run).
  const mixed = list.filter((id) => requirementOf(family, id).level !== primary.level);
  if (mixed.length > 0) throw new Error(`"${title}": ${mixed.join(', ')} ${mixed.length > 1 ? 'are' : 'is'} not ${primary.level} like ${primary.id}; a test may only check requirements of one level (write a test per level)`);
  // Every transport of the requirement: the project's grep keeps those its target offers (playwright.config.ts).
  // A test may cover fewer transports than its requirement (the generative phase starts with HTTP).
  for (const transport of primary.transports.filter((t) => !options.transports || options.transports.includes(t))) {
    const annotation = [...list.map((id) => ({ type: 'requirement', description: id })), { type: 'transport', description: transport }];
    // Playwright reads the fixture names from the destructuring pattern, so every family names its fixture `api`.
    // Tags make every checked id selectable: conform test --grep '@<family>\.<operation>\.<category>\.<name>'.
    const tag = [...list.map((id) => `@${id}`), transportTag(transport)];
    (testFn as typeof test)(`${list[0]} [${transport}] ${title}`, { annotation, tag }, async ({ target, transcript, api }: any) => {
      try {
        await body({ target, transcript, api, transport } as unknown as F & { transport: Transport });
      } catch (error) {
        throw redactedError(error);
      }
    });
  }
}

/**
 * A family's `check` (suites/<family>/fixtures.ts): conformance() bound to its test object and family, its bodies
 * typed by the family's fixtures, so no spec builds its own declaration helper.
 */
export function checksFor<F extends BaseFixtures>(testFn: Parameters<typeof conformance<F>>[0], family: Family) {
  return (ids: string | string[], title: string, body: (fixtures: F & { transport: Transport }) => Promise<void>): void => conformance<F>(testFn, family, ids, title, body);
}

/** The error a test failed with, its message and stack redacted (Playwright prints and reports both). */
function redactedError(error: unknown): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? redactor.text(error) : error;
  error.message = redactor.text(error.message);
  if (error.stack) error.stack = redactor.text(error.stack);
  return error;
}
