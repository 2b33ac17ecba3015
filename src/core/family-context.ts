import type { Behaviour } from './behaviour.ts';

/**
 * What every family's operations receive, whatever else the family adds: the behaviour switches (profile and
 * deviations) and the clock. Each family's own context extends it and is named `<Family>Context`, in
 * `mocks/<family>/context.ts`, so a reader finds it in the same place in every family.
 */
export interface FamilyContext {
  readonly behaviour: Behaviour;
  now: () => number;
}
