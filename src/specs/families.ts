/** The vocabulary of the catalogue, in one place. */
export const FAMILIES = ['kuzzle', 'devicehive', 'userapi'] as const;
export type Family = (typeof FAMILIES)[number];

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
  return (FAMILIES as readonly string[]).includes(value);
}
