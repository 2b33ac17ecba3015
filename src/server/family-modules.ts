import type { FamilyModule } from '../core/family.ts';
import { findFamilyModule, perFamily } from '../families/lookup.ts';
import { FAMILY_MODULES, type Family } from '../families/registry.ts';

/** Every family's mock module, by name (read from the registry). */
export const FAMILY_MODULES_BY_NAME: Record<Family, FamilyModule> = perFamily((_, module) => module);
export { FAMILY_MODULES_BY_NAME as FAMILY_MODULES };

/** Per family: MUST requirements no black-box client could see violated, with why. */
export const NOT_DEVIABLE: Record<Family, Readonly<Record<string, string>>> = perFamily((_, module) => module.notDeviable);

export function familyModule(family: Family): FamilyModule {
  const module = findFamilyModule(family);
  if (!module) throw new Error(`the ${family} mock is not available yet`);
  return module;
}

/** Every deviation any family implements, by requirement id. */
export function allDeviations(): Map<string, { family: Family; description: string }> {
  const all = new Map<string, { family: Family; description: string }>();
  for (const module of FAMILY_MODULES) {
    for (const [id, description] of Object.entries(module.deviations)) all.set(id, { family: module.family, description });
  }
  return all;
}
