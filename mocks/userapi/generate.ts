/**
 * Generated userapi users (conform mock --generate users=…), in the seed's shape (schemas/mock/userapi-seed.json),
 * from its user definition narrowed to what the API accepts on update: letters-only names (name-alphabetic), a
 * unique e-mail, and a clear password they can log in with (POST /api/login).
 */
import { fakeRecords, layerSchema, type RecordCounts, type RecordGenerator } from '../../src/core/generate.ts';
import { DEFAULT_SEED, type SeedUser } from './users.ts';

const NAME = { type: 'string', pattern: '^[A-Z][a-z]{2,11}$' };

function userSchema(): Record<string, unknown> {
  const user = layerSchema('mock/userapi-seed.json#/properties/users/items');
  const properties = user.properties as Record<string, Record<string, unknown>>;
  properties.name = { ...properties.name, ...NAME };
  properties.surname = { ...properties.surname, ...NAME };
  properties.password = { ...properties.password, minLength: 8, maxLength: 16 };
  properties.role = { ...properties.role, const: 'ROLE_USER' };
  properties.description = { ...properties.description, maxLength: 80 };
  return { ...user, required: ['id', 'name', 'surname', 'email', 'password'] };
}

/** "eve@test.org" → "eve.g7@test.org": unique per record, and still an address. */
function numberedEmail(email: string, n: number): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, at)}.g${n}${email.slice(at)}`;
}

export const generator: RecordGenerator = {
  kinds: ['users'],
  seedWith(given: unknown, counts: RecordCounts, seed: number): { users: SeedUser[] } {
    // The family validates the result as any seed; here only the users are read, to number after them.
    const base = given === undefined ? DEFAULT_SEED : ((given as { users?: SeedUser[] }).users ?? []);
    const firstId = Math.max(0, ...base.map((u) => (typeof u.id === 'number' ? u.id : 0))) + 1;
    const users = (fakeRecords(userSchema(), counts.users ?? 0, seed, 'mock/userapi-seed.json') as SeedUser[]).map((user, i) => ({ ...user, id: firstId + i, email: numberedEmail(user.email, i + 1) }));
    return { ...(given as object | undefined), users: [...base, ...users] };
  },
};
