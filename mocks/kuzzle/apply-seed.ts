import { BUILTIN_PROFILES, BUILTIN_ROLES } from './builtins.ts';
import { profileSource } from './profile-model.ts';
import type { KuzzleSeed } from './seed.ts';
import { clearState, type KuzzleState, type UserSource } from './state.ts';

const VISIBLE = { waitForRefresh: true };

/**
 * Writes the seed into empty stores: built-in roles and profiles (replaced by the seed's of the same id), users as
 * security:createUser stores them, their local credentials, and the indexes.
 */
export function applySeed(state: KuzzleState, seed: KuzzleSeed, now: number): void {
  clearState(state);
  // Written by restrictDefaultRights on behalf of the anonymous caller of createFirstAdmin, hence author "-1".
  const info = { author: '-1', createdAt: now, updatedAt: null, updater: null };
  for (const [id, role] of Object.entries({ ...BUILTIN_ROLES, ...seed.roles })) {
    state.roles.put(id, { ...structuredClone(role), _kuzzle_info: { ...info } }, VISIBLE);
  }
  for (const [id, profile] of Object.entries({ ...BUILTIN_PROFILES, ...seed.profiles })) {
    state.profiles.put(id, profileSource({ ...structuredClone(profile), _kuzzle_info: { ...info } }), VISIBLE);
  }
  for (const user of seed.users) {
    // As security:createUser stores a user: profileIds first, no author (kuzzle-observed.json).
    const source: UserSource = {
      profileIds: [...user.profileIds],
      ...structuredClone(user.content ?? {}),
      _kuzzle_info: { createdAt: now, updatedAt: null, updater: null },
    };
    state.users.put(user._id, source, VISIBLE);
    const local = user.credentials?.local;
    if (local) state.credentials.put(local.username, { kuid: user._id, password: local.password }, VISIBLE);
  }
  for (const [index, collections] of Object.entries(seed.indexes ?? {})) {
    state.indexes.put(index, { collections: [...collections] }, VISIBLE);
  }
}
