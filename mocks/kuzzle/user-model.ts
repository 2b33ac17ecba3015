import { ANONYMOUS_ID, ANONYMOUS_SOURCE } from './builtins.ts';
import type { Caller } from './context.ts';
import { kerror } from './errors.ts';
import type { KuzzleState, UserSource } from './state.ts';

export function anonymousCaller(): Caller {
  return { _id: ANONYMOUS_ID, source: structuredClone(ANONYMOUS_SOURCE) };
}

/** userRepository.load: "-1" and "anonymous" are the in-memory anonymous user; others must exist. */
export function loadUser(state: KuzzleState, id: string): Caller {
  if (id === ANONYMOUS_ID || id === 'anonymous') return anonymousCaller();
  const doc = state.users.get(id);
  if (!doc) throw kerror('security.user.not_found', id);
  // Stored sources are never changed in place (every write stores a new object), so a shallow copy is enough.
  return { _id: id, source: { ...doc.source } };
}

/** serializeUser: {_id, _source} where _source is every field of the user except _id, never its credentials. */
export function serializeUser(id: string, source: Record<string, unknown>): { _id: string; _source: Record<string, unknown> } {
  return { _id: id, _source: { ...source } };
}

/**
 * A user as a search returns it: what Elasticsearch stores. Its _kuzzle_info is the storage layer's own (author
 * null, updater null: ObjectRepository writes without a userId), where the user cache holds the caller as updater
 * (observed on 2.56: searchUsers shows "author": null, "updater": null).
 */
export function serializeUserHit(id: string, source: UserSource): { _id: string; _source: Record<string, unknown> } {
  const info = source._kuzzle_info ?? {};
  const stored = { author: info.author ?? null, createdAt: info.createdAt ?? null, updatedAt: info.updatedAt ?? null, updater: null };
  return { _id: id, _source: { ...structuredClone(source), _kuzzle_info: stored } };
}

/** The local strategy's username of a user, if it has credentials. */
export function usernameOf(state: KuzzleState, kuid: string): string | undefined {
  return state.credentials.all().find((doc) => doc.source.kuid === kuid)?.id;
}

/** The strategies a user has credentials for (auth:getCurrentUser's strategies). */
export function strategiesOf(state: KuzzleState, kuid: string): string[] {
  return usernameOf(state, kuid) === undefined ? [] : ['local'];
}
