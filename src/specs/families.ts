/** The vocabulary of the catalogue, in one place; the families come from the registry (src/families/registry.ts). */
import { FAMILY_NAMES, isRegisteredFamily } from '../families/lookup.ts';
import type { Family } from '../families/registry.ts';

export type { Family };
export const FAMILIES: readonly Family[] = FAMILY_NAMES;

export const TRANSPORTS = ['http', 'ws', 'mqtt'] as const;
export type Transport = (typeof TRANSPORTS)[number];

export const LEVELS = ['MUST', 'SHOULD', 'MAY'] as const;
export type Level = (typeof LEVELS)[number];

export const CATEGORIES = [
  'route',
  'deprecated-alias',
  'default',
  'field-exclusion',
  'role-restriction',
  'envelope',
  'validation',
  'auth',
  'transport',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function isFamily(value: string): value is Family {
  return isRegisteredFamily(value);
}
