/**
 * What a mock does where the documents leave a choice: the documented behaviour (the default), a real server's
 * profile, and deliberate deviations. Family code asks `deviates(requirementId)` at the one place that enforces
 * that requirement, so a deviation is a single, named switch.
 */
export interface Behaviour {
  /** "documented", or a profile name such as "<family>-<version>" (specs/profiles/). */
  readonly profile: string;
  deviates(requirementId: string): boolean;
  /** Every requirement this behaviour violates (profile deviations and --deviate ones). */
  readonly deviations: ReadonlySet<string>;
}

export function createBehaviour(profile: string, deviations: Iterable<string>): Behaviour {
  const set = new Set(deviations);
  return { profile, deviations: set, deviates: (id) => set.has(id) };
}

export const DOCUMENTED = createBehaviour('documented', []);

/**
 * The behaviour of one family: a profile ("documented", or a real server's, whose deviations
 * src/generated/profiles.ts lists) plus the family's own ids among `deviate`.
 */
export function behaviourFor(family: string, profile: string, deviate: readonly string[], profiles: Record<string, readonly string[]>): Behaviour {
  if (profile !== 'documented' && !profiles[profile]) throw new Error(`unknown profile "${profile}": expected documented, ${Object.keys(profiles).join(', ')}`);
  const own = profile === 'documented' ? [] : (profiles[profile] ?? []);
  return createBehaviour(profile, [...own, ...deviate.filter((id) => id.startsWith(`${family}.`))]);
}
