import { schemaValidator, firstError } from '../../src/core/validation.ts';
import { BUILTIN_PROFILES, BUILTIN_ROLES } from './builtins.ts';
import type { Policy, RoleControllers } from './state.ts';

export interface SeedUser {
  _id: string;
  profileIds: string[];
  content?: Record<string, unknown>;
  credentials?: { local?: { username: string; password: string } };
}

export interface KuzzleSeed {
  roles?: Record<string, { controllers: RoleControllers } & Record<string, unknown>>;
  profiles?: Record<string, { policies: Policy[]; rateLimit?: number } & Record<string, unknown>>;
  users: SeedUser[];
  indexes?: Record<string, string[]>;
}

/** A restricted Kuzzle with one administrator, as the brief's target files expect. */
export const DEFAULT_SEED: KuzzleSeed = {
  users: [{ _id: 'admin', profileIds: ['admin'], content: {}, credentials: { local: { username: 'admin', password: 'admin-password' } } }],
};

/** The seed schema, from the schema bundle (src/generated/schemas.ts). */
function seedValidator() {
  return schemaValidator('mock/kuzzle-seed.json');
}

function fail(message: string): never {
  throw new Error(`kuzzle seed: ${message}`);
}

/** What the schema cannot say: references between documents, and Kuzzle's own invariants. */
function checkReferences(seed: KuzzleSeed): void {
  const roles = new Set([...Object.keys(BUILTIN_ROLES), ...Object.keys(seed.roles ?? {})]);
  const profiles = { ...BUILTIN_PROFILES, ...seed.profiles };
  for (const [id, profile] of Object.entries(profiles)) {
    profile.policies.forEach((policy, i) => {
      if (!roles.has(policy.roleId)) fail(`profiles.${id}.policies[${i}].roleId names the unknown role "${policy.roleId}"`);
    });
  }
  if (!profiles.anonymous?.policies.some((p) => p.roleId === 'anonymous')) fail('profiles.anonymous.policies must include the anonymous role');
  const kuids = new Set<string>();
  const usernames = new Set<string>();
  seed.users.forEach((user, i) => {
    if (user._id === '-1' || user._id === 'anonymous') fail(`users[${i}]._id "${user._id}" is the anonymous user's`);
    if (kuids.has(user._id)) fail(`users[${i}]._id "${user._id}" is given twice`);
    kuids.add(user._id);
    user.profileIds.forEach((profileId, j) => {
      if (!Object.hasOwn(profiles, profileId)) fail(`users[${i}].profileIds[${j}] names the unknown profile "${profileId}"`);
    });
    const username = user.credentials?.local?.username;
    if (username !== undefined && usernames.has(username)) fail(`users[${i}].credentials.local.username "${username}" is already used`);
    if (username !== undefined) usernames.add(username);
  });
}

/** The seed to use: the given one, validated (an invalid seed throws, naming the field), or the default. */
export function loadSeed(seed: unknown): KuzzleSeed {
  if (seed === undefined) return DEFAULT_SEED;
  const validate = seedValidator();
  if (!validate(seed)) {
    // A propertyNames failure names the object; say which key of it is wrong.
    const key = validate.errors?.[0]?.propertyName;
    fail(key === undefined ? firstError(validate.errors) : `${firstError(validate.errors)} (key "${key}")`);
  }
  const copy = structuredClone(seed) as KuzzleSeed;
  checkReferences(copy);
  return copy;
}

/** The administrator a target file names: the first seeded admin with local credentials. */
export function seededAdmin(seed: KuzzleSeed): { username: string; password: string } | undefined {
  const admin = seed.users.find((u) => u.profileIds.includes('admin') && u.credentials?.local);
  return admin?.credentials?.local ? { ...admin.credentials.local } : undefined;
}
