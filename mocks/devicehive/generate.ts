/**
 * Generated DeviceHive users (conform mock --generate users=…), in the seed's shape (schemas/mock/devicehive-seed.json),
 * from its user definition narrowed to realistic values: clients (role 1) of every status, a person's name and e-mail
 * in `data`, and a clear password they can log in with (POST /token).
 */
import { fakeRecords, layerSchema, type RecordCounts, type RecordGenerator } from '../../src/core/generate.ts';
import { ROLE } from './users.ts';
import { readSeed, type DeviceHiveSeed, type SeedUser } from './seed.ts';

const NAME = { type: 'string', pattern: '^[A-Z][a-z]{2,11}$' };

function userSchema(): Record<string, unknown> {
  const user = layerSchema('mock/devicehive-seed.json#/$defs/user');
  const properties = user.properties as Record<string, Record<string, unknown>>;
  properties.login = { ...properties.login, pattern: '^[a-z][a-z0-9_.]{2,15}$' };
  properties.password = { ...properties.password, minLength: 8, maxLength: 24 };
  properties.role = { ...properties.role, enum: [ROLE.CLIENT] };
  properties.data = {
    type: 'object',
    required: ['firstName', 'lastName', 'email'],
    additionalProperties: false,
    properties: { firstName: NAME, lastName: NAME, email: { type: 'string', format: 'email' } },
  };
  return user;
}

export const generator: RecordGenerator = {
  kinds: ['users'],
  seedWith(given: unknown, counts: RecordCounts, seed: number): DeviceHiveSeed {
    const base = readSeed(given);
    // Ids follow the seed's; logins carry their record number, so they never repeat each other or the seed's.
    const firstId = Math.max(0, ...base.users.map((u) => u.id)) + 1;
    const users = (fakeRecords(userSchema(), counts.users ?? 0, seed, 'mock/devicehive-seed.json') as SeedUser[]).map((user, i) => ({ ...user, id: firstId + i, login: `${user.login}-g${i + 1}` }));
    return { users: [...base.users, ...users] };
  },
};
