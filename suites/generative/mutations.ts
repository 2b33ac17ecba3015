/**
 * Refused cases: a valid case changed in one constraint. fast-check draws which mutation and its detail from the
 * test's seed, so a seed names every refused case of a run.
 */
import fc from 'fast-check';

/** One way to break one constraint of a valid case. */
export interface Mutation<T> {
  /** What it breaks, for the failure message: "name with a digit". */
  name: string;
  /** The broken case; `pick` is a draw for the mutation's own choices (a position, a character). */
  apply(valid: T, pick: number): unknown;
}

/** `count` choices of a mutation and its draw, reproducible by `seed`. */
export function drawMutations<T>(mutations: ReadonlyArray<Mutation<T>>, count: number, seed: number): Array<{ mutation: Mutation<T>; pick: number }> {
  if (mutations.length === 0 || count === 0) return [];
  const arbitrary = fc.record({ index: fc.nat({ max: mutations.length - 1 }), pick: fc.nat({ max: 1_000_000 }) });
  return fc.sample(arbitrary, { seed, numRuns: count }).map(({ index, pick }) => ({ mutation: mutations[index] as Mutation<T>, pick }));
}

/** A draw as an index into a list. */
export const choose = <V>(list: readonly V[], pick: number): V => list[pick % list.length] as V;
