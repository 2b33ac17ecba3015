import { VersionedStore } from '../../src/core/store.ts';

/** A row of the reference code's users table (userapi.md §1.1, Blog.sql). */
export interface UserRow {
  id: number;
  name: string;
  surname: string | null;
  role: string;
  email: string;
  password: string;
  description: string | null;
  image: string | null;
  created_at: string;
  updated_at: string;
  remember_token: string | null;
}

export interface SeedUser {
  id: number;
  name: string;
  surname?: string;
  email: string;
  password: string;
  role?: string;
  description?: string;
}

/** Two users, since e-mail uniqueness needs a second one. */
export const DEFAULT_SEED: SeedUser[] = [
  { id: 1, name: 'Alice', surname: 'Example', email: 'alice@example.com', password: 'alice-password', description: 'First seeded user' },
  { id: 2, name: 'Bob', surname: 'Example', email: 'bob@example.com', password: 'bob-password', description: 'Second seeded user' },
];

export type UserTable = VersionedStore<UserRow>;

export function createTable(now: () => number): UserTable {
  return new VersionedStore<UserRow>({ refreshDelayMs: 0, updateWindowMs: 0, now });
}

export function seedTable(table: UserTable, seed: SeedUser[], now: number): void {
  table.clear();
  const stamp = new Date(now).toISOString().replace('T', ' ').slice(0, 19);
  for (const u of seed) {
    table.create(
      String(u.id),
      {
        id: u.id,
        name: u.name,
        surname: u.surname ?? null,
        role: u.role ?? 'ROLE_USER',
        email: u.email,
        password: u.password,
        description: u.description ?? null,
        image: null,
        created_at: stamp,
        updated_at: stamp,
        remember_token: null,
      },
      { waitForRefresh: true },
    );
  }
}

/** The row as GET /api/user/detail/{id} shows it: Laravel's $hidden keeps password and remember_token out. */
export function publicRow(row: UserRow): Omit<UserRow, 'password' | 'remember_token'> {
  const { password: _p, remember_token: _r, ...rest } = row;
  return rest;
}

export function findByEmail(table: UserTable, email: string): UserRow | undefined {
  return table.all().find((d) => d.source.email === email)?.source;
}
