import { firstError, schemaValidator } from '../../src/core/validation.ts';
import { cloneJson, type Json } from './json.ts';
import { ROLE, STATUS, type Role, type Status, type UserRecord } from './users.ts';

/** One seeded user (schemas/mock/devicehive-seed.json). */
export interface SeedUser {
  id: number;
  login: string;
  password: string;
  role: Role;
  status?: Status;
  data?: Json;
  introReviewed?: boolean;
  allDeviceTypesAvailable?: boolean;
}

export interface DeviceHiveSeed {
  users: SeedUser[];
}

/** The reference's Flyway seed (V1__initial_schema.sql:132-135): the administrator dhadmin. */
export const DEFAULT_SEED: DeviceHiveSeed = { users: [{ id: 1, login: 'dhadmin', password: 'dhadmin_#911', role: ROLE.ADMIN }] };

/** The seed's first active administrator, whose credentials the banner prints. */
export function seedAdministrator(seed: DeviceHiveSeed): SeedUser | undefined {
  return seed.users.find((u) => u.role === ROLE.ADMIN && (u.status ?? STATUS.ACTIVE) === STATUS.ACTIVE);
}

/** Checks a seed against the schema and the rules a schema cannot say; the error names the field. */
export function readSeed(seed: unknown): DeviceHiveSeed {
  if (seed === undefined) return DEFAULT_SEED;
  const validate = schemaValidator('mock/devicehive-seed.json');
  if (!validate(seed)) throw new Error(`devicehive seed: ${firstError(validate.errors)}`);
  const { users } = seed as DeviceHiveSeed;
  // One pass with maps: a generated seed (conform mock --generate) holds up to a million users.
  const byId = new Map<number, number>();
  const byLogin = new Map<string, number>();
  users.forEach((user, index) => {
    const earlier = Math.min(byId.get(user.id) ?? index, byLogin.get(user.login) ?? index);
    if (earlier < index) throw new Error(`devicehive seed: /users/${index}/${users[earlier]?.id === user.id ? 'id' : 'login'} repeats /users/${earlier}`);
    byId.set(user.id, index);
    byLogin.set(user.login, index);
  });
  if (!seedAdministrator(seed as DeviceHiveSeed)) throw new Error('devicehive seed: /users needs an active administrator (role 0, status 0) for the credentials');
  return cloneJson(seed as Json) as unknown as DeviceHiveSeed;
}

export function seedRecords(seed: DeviceHiveSeed): UserRecord[] {
  return seed.users.map((u) => ({
    id: u.id,
    login: u.login,
    password: u.password,
    role: u.role,
    status: u.status ?? STATUS.ACTIVE,
    lastLogin: null,
    data: u.data === undefined ? null : cloneJson(u.data),
    introReviewed: u.introReviewed ?? false,
    allDeviceTypesAvailable: u.allDeviceTypesAvailable ?? true,
    loginAttempts: 0,
  }));
}
