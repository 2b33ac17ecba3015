import type { FamilyMock, FamilyModule, FamilyOptions } from '../../src/core/family.ts';
import { secretKey } from '../../src/core/jwt.ts';
import { schemaValidator, firstError } from '../../src/core/validation.ts';
import { serverError } from './envelope.ts';
import { route } from './routes.ts';
import { issueToken } from './tokens.ts';
import { createTable, DEFAULT_SEED, seedTable, type SeedUser, type UserRow } from './users.ts';
import { deviations, notDeviable } from './deviations.ts';
import { generator } from './generate.ts';
import { manifest } from './manifest.ts';

function seedUsers(seed: unknown): SeedUser[] {
  if (seed === undefined) return DEFAULT_SEED;
  const validate = schemaValidator('mock/userapi-seed.json');
  if (!validate(seed)) throw new Error(`userapi seed: ${firstError(validate.errors)}`);
  return (seed as { users: SeedUser[] }).users;
}

/** The userapi mock: PUT /api/user/update as the document says, plus the reference code's login and detail routes. */
function create(options: FamilyOptions): FamilyMock {
  const now = options.now ?? Date.now;
  const users = seedUsers(options.seed);
  const table = createTable(now);
  seedTable(table, users, now());
  const secret = secretKey(options.jwtSecret);
  const ctx = { table, behaviour: options.behaviour, secret, tokenTtlSeconds: options.tokenTtlSeconds, now };
  return {
    family: 'userapi',
    http: (request) => route(request, ctx),
    reset: () => seedTable(table, users, now()),
    exportState: () => ({ users: table.export() }),
    importState: (state) => table.import((state as { users: Array<{ id: string; version: number; source: UserRow }> }).users),
    credentials: async () => ({
      users: await Promise.all(
        table.all().map(async ({ source }) => ({ id: source.id, email: source.email, password: source.password, token: await issueToken(source, secret, options.tokenTtlSeconds, now()) })),
      ),
    }),
    faultResponse: () => serverError(),
  };
}

const module = { family: manifest.family, manifest, create, deviations, notDeviable, generator } satisfies FamilyModule;
export default module;
export { notDeviable };
