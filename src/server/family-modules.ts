import type { FamilyModule } from '../core/family.ts';
import type { Family } from '../specs/families.ts';
import userapi, { notDeviable as userapiNotDeviable } from '../../mocks/userapi/index.ts';
import devicehive, { notDeviable as devicehiveNotDeviable } from '../../mocks/devicehive/index.ts';
import kuzzle, { notDeviable as kuzzleNotDeviable } from '../../mocks/kuzzle/index.ts';

/** Every family's mock module. Static imports, so bundlers (MSW in a browser) see them too. */
export const FAMILY_MODULES: Record<Family, FamilyModule | undefined> = {
  kuzzle,
  devicehive,
  userapi,
};

/** Per family: MUST requirements no black-box client could see violated, with why. */
export const NOT_DEVIABLE: Record<Family, Readonly<Record<string, string>> | undefined> = {
  kuzzle: kuzzleNotDeviable,
  devicehive: devicehiveNotDeviable,
  userapi: userapiNotDeviable,
};

export function familyModule(family: Family): FamilyModule {
  const module = FAMILY_MODULES[family];
  if (!module) throw new Error(`the ${family} mock is not available yet`);
  return module;
}

/** Every deviation any family implements, by requirement id. */
export function allDeviations(): Map<string, { family: Family; description: string }> {
  const all = new Map<string, { family: Family; description: string }>();
  for (const module of Object.values(FAMILY_MODULES)) {
    if (!module) continue;
    for (const [id, description] of Object.entries(module.deviations)) all.set(id, { family: module.family, description });
  }
  return all;
}
