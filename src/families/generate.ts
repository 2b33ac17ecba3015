import type { GenerateRequest } from '../core/generate.ts';
import { FAMILY_MODULES } from './registry.ts';
import { findFamilyModule } from './lookup.ts';

/** Every record kind some family generates ("users", "profiles"), for the flag's check. */
export function generatedKinds(): Set<string> {
  return new Set(FAMILY_MODULES.flatMap((m) => ('generator' in m && m.generator ? m.generator.kinds : [])));
}

/**
 * A family's seed with the requested records added: each count applies to the families that have that kind, so
 * `users=1000,profiles=50` gives every family its users and the families with profiles their profiles too. No request: the seed as given.
 */
export function seedWithGenerated(family: string, seed: unknown, request: GenerateRequest | undefined): unknown {
  const generator = findFamilyModule(family)?.generator;
  if (!request || !generator) return seed;
  const counts = Object.fromEntries(Object.entries(request.counts).filter(([kind]) => generator.kinds.includes(kind)));
  return Object.keys(counts).length === 0 ? seed : generator.seedWith(seed, counts, request.seed ?? 1);
}
