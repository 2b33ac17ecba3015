/**
 * Generated Kuzzle security documents (conform mock --generate users=…,profiles=…): profiles and users in the seed's
 * shape (schemas/mock/kuzzle-seed.json), from that schema's definitions narrowed to realistic values. Users hold the
 * built-in default profile or a generated one, and local credentials they can log in with (auth:login).
 */
import { fakeRecords, layerSchema, type RecordCounts, type RecordGenerator } from '../../src/core/generate.ts';
import { loadSeed, type KuzzleSeed, type SeedUser } from './seed.ts';

const SEED_SCHEMA = 'mock/kuzzle-seed.json';
const NAME = { type: 'string', pattern: '^[A-Z][a-z]{2,11}$' };

/** A profile: policies on the built-in default role (a generated role would need its own rights), a rate limit. */
function profileSchema(): Record<string, unknown> {
  const profile = layerSchema(`${SEED_SCHEMA}#/$defs/profile`);
  const properties = profile.properties as Record<string, Record<string, unknown>>;
  properties.rateLimit = { ...properties.rateLimit, maximum: 1000 };
  properties.policies = { ...properties.policies, maxItems: 1, items: { type: 'object', required: ['roleId'], additionalProperties: false, properties: { roleId: { const: 'default' } } } };
  return { ...profile, required: ['policies'] };
}

/** A user: one or two of the given profiles, a person's name and e-mail, local credentials. */
function userSchema(profileIds: string[]): Record<string, unknown> {
  const user = layerSchema(`${SEED_SCHEMA}#/$defs/user`);
  const properties = user.properties as Record<string, Record<string, unknown>>;
  // The definition's $ref (a non-empty id, not a reserved name) is met by any such word.
  properties._id = { type: 'string', pattern: '^[a-z]{4,10}$' };
  properties.profileIds = { ...properties.profileIds, maxItems: Math.min(2, profileIds.length), uniqueItems: true, items: { enum: profileIds } };
  properties.content = {
    type: 'object',
    required: ['firstName', 'lastName', 'email'],
    additionalProperties: false,
    properties: { firstName: NAME, lastName: NAME, email: { type: 'string', format: 'email' }, age: { type: 'integer', minimum: 18, maximum: 99 } },
  };
  properties.credentials = {
    type: 'object',
    required: ['local'],
    additionalProperties: false,
    properties: {
      local: {
        type: 'object',
        required: ['username', 'password'],
        additionalProperties: false,
        properties: { username: { type: 'string', pattern: '^[a-z][a-z0-9]{3,11}$' }, password: { type: 'string', minLength: 8, maxLength: 16 } },
      },
    },
  };
  return { ...user, required: ['_id', 'profileIds', 'content', 'credentials'] };
}

/** Generated ids and usernames carry their record number, so they never repeat each other or the seed's. */
function numbered(value: string, n: number): string {
  return `${value}-g${n}`;
}

function generatedProfiles(count: number, seed: number): NonNullable<KuzzleSeed['profiles']> {
  const profiles = fakeRecords(profileSchema(), count, seed, SEED_SCHEMA) as Array<NonNullable<KuzzleSeed['profiles']>[string]>;
  return Object.fromEntries(profiles.map((profile, i) => [`profile-g${i + 1}`, profile]));
}

function generatedUsers(count: number, seed: number, profileIds: string[]): SeedUser[] {
  return (fakeRecords(userSchema(profileIds), count, seed + 1, SEED_SCHEMA) as SeedUser[]).map((user, i) => {
    const local = user.credentials?.local as { username: string; password: string };
    return { ...user, _id: numbered(user._id, i + 1), credentials: { local: { ...local, username: numbered(local.username, i + 1) } } };
  });
}

export const generator: RecordGenerator = {
  kinds: ['users', 'profiles'],
  seedWith(given: unknown, counts: RecordCounts, seed: number): KuzzleSeed {
    const base = loadSeed(given);
    const profiles = generatedProfiles(counts.profiles ?? 0, seed);
    // The built-in default profile (a seed may redefine it, never remove it) or a generated one: never admin.
    const profileIds = ['default', ...Object.keys(profiles)];
    return { ...base, profiles: { ...base.profiles, ...profiles }, users: [...base.users, ...generatedUsers(counts.users ?? 0, seed, profileIds)] };
  },
};
