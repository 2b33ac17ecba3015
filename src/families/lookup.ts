import type { FamilyManifest } from '../core/manifest.ts';
import type { FamilyModule } from '../core/family.ts';
import { FAMILY_MODULES, type Family } from './registry.ts';

/** The family names, in the registry's order. */
export const FAMILY_NAMES = FAMILY_MODULES.map((m) => m.manifest.family) as readonly Family[];

const BY_NAME = new Map<string, FamilyModule>(FAMILY_MODULES.map((m) => [m.family, m]));

export function isRegisteredFamily(value: string): value is Family {
  return BY_NAME.has(value);
}

/** The module of a family, or undefined for a name the registry does not list. */
export function findFamilyModule(family: string): FamilyModule | undefined {
  return BY_NAME.get(family);
}

export function manifestOf(family: Family): FamilyManifest {
  return (BY_NAME.get(family) as FamilyModule).manifest;
}

/** Every family's manifest, in the registry's order. */
export function manifests(): FamilyManifest[] {
  return FAMILY_MODULES.map((m) => m.manifest);
}

/** A record with one entry per family, made from its manifest (and module). */
export function perFamily<T>(make: (manifest: FamilyManifest, module: FamilyModule) => T): Record<Family, T> {
  return Object.fromEntries(FAMILY_MODULES.map((m) => [m.family, make(m.manifest, m)])) as Record<Family, T>;
}
