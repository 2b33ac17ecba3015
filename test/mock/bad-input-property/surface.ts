import type fc from 'fast-check';

/**
 * One transport of one family under the property: its generated cases, and the check of one case, which sends it,
 * asserts the answer's shape, the process's health and the stored record, and throws (an assertion) on a violation.
 */
export interface Surface<Case> {
  cases: fc.Arbitrary<Case>;
  /** What the cases got, so a run shows the property was not vacuous (all refused, say). */
  tally: Tally;
  check(testCase: Case): Promise<void>;
  close(): Promise<void>;
}

/** Which generator a case came from: only `valid` cases must succeed; the rest may succeed or be refused. */
export type Kind = 'valid' | 'near-valid' | 'garbage';

/** Counts of "<kind> <outcome>" (e.g. "near-valid 400", "garbage no answer"). */
export class Tally {
  private readonly counts = new Map<string, number>();

  add(kind: Kind, outcome: string | number): void {
    const key = `${kind} ${outcome}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  toString(): string {
    return [...this.counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}: ${n}`).join(', ');
  }
}
