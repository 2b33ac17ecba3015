import type fc from 'fast-check';

/**
 * One transport of one family under the property: its generated cases, and the check of one case, which sends it,
 * asserts the answer's shape, the process's health and the stored record, and throws (an assertion) on a violation.
 */
export interface Surface<Case> {
  cases: fc.Arbitrary<Case>;
  check(testCase: Case): Promise<void>;
  close(): Promise<void>;
}

/** Which generator a case came from: only `valid` cases must succeed; the rest may succeed or be refused. */
export type Kind = 'valid' | 'near-valid' | 'garbage';
