import { VersionedStore, type StoreOptions } from '../../src/core/store.ts';
import { TokenStore } from './token-store.ts';

/** Metadata Kuzzle keeps on security documents; the values depend on who wrote them and how (kuzzle.md §3.3). */
export type KuzzleInfo = Record<string, string | number | null>;

/** A user as Kuzzle's user cache holds it: every stored field, profileIds first (User's constructor order). */
export type UserSource = Record<string, unknown> & { profileIds: string[]; _kuzzle_info: KuzzleInfo };
export interface Policy {
  roleId: string;
  restrictedTo?: Array<{ index: string; collections?: string[] }>;
}
/** A profile as stored: policies, rateLimit, custom keys and _kuzzle_info (optimizedPolicies is computed). */
export type ProfileSource = Record<string, unknown> & { policies: Policy[]; rateLimit: number };
export type RoleControllers = Record<string, { actions: Record<string, boolean> }>;
export type RoleSource = Record<string, unknown> & { controllers: RoleControllers };
/** The local strategy's credentials, by username (the passport-local plugin's own storage, never in a user). */
export interface CredentialSource {
  kuid: string;
  password: string;
}
/** A session token, by its full "kauth-…" string (Kuzzle keeps them in Redis; logout deletes them). */
export interface TokenSource {
  userId: string;
  expiresAt: number;
  ttl: number;
}
export interface IndexSource {
  collections: string[];
}

export interface KuzzleState {
  users: VersionedStore<UserSource>;
  profiles: VersionedStore<ProfileSource>;
  roles: VersionedStore<RoleSource>;
  credentials: VersionedStore<CredentialSource>;
  tokens: TokenStore;
  indexes: VersionedStore<IndexSource>;
}

const STORES = ['users', 'profiles', 'roles', 'credentials', 'tokens', 'indexes'] as const;

export function createState(options: StoreOptions): KuzzleState {
  return {
    users: new VersionedStore<UserSource>(options),
    profiles: new VersionedStore<ProfileSource>(options),
    roles: new VersionedStore<RoleSource>(options),
    credentials: new VersionedStore<CredentialSource>(options),
    tokens: new TokenStore(options),
    indexes: new VersionedStore<IndexSource>(options),
  };
}

export function clearState(state: KuzzleState): void {
  for (const name of STORES) state[name].clear();
}

/** The whole mutable state as JSON: what `--state <file>` keeps across restarts. */
export function exportState(state: KuzzleState): Record<string, unknown> {
  return Object.fromEntries(STORES.map((name) => [name, state[name].export()]));
}

type Entries = Array<{ id: string; version: number; source: never }>;

function isEntries(value: unknown): value is Entries {
  return (
    Array.isArray(value) &&
    value.every((e) => typeof e === 'object' && e !== null && typeof e.id === 'string' && Number.isInteger(e.version) && typeof e.source === 'object' && e.source !== null)
  );
}

/** Restores an exported state; a state that is not one throws, naming the store, and changes nothing. */
export function importState(state: KuzzleState, json: unknown): void {
  if (typeof json !== 'object' || json === null) throw new Error('kuzzle state: expected an object of stores');
  const value = json as Record<string, unknown>;
  for (const name of STORES) {
    if (!isEntries(value[name])) throw new Error(`kuzzle state: ${name} must be an array of {id, version, source}`);
  }
  const copy = structuredClone(value) as Record<(typeof STORES)[number], Entries>;
  for (const name of STORES) state[name].import(copy[name]);
}
