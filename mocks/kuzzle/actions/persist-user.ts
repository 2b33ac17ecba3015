import { getBodyObject, getId, getRefresh } from '../args.ts';
import type { ActionContext } from '../context.ts';
import { kerror, plainError } from '../errors.ts';
import type { UserSource } from '../state.ts';
import { serializeUser, usernameOf } from '../user-model.ts';

const ADJECTIVES = ['brave', 'calm', 'eager', 'fancy', 'gentle', 'happy', 'jolly', 'kind', 'lively', 'proud'];
const NAMES = ['ada', 'alan', 'grace', 'linus', 'margaret', 'dennis', 'barbara', 'edsger', 'donald', 'frances'];

function pickOne(list: string[]): string {
  return list[Math.floor(Math.random() * list.length)] ?? list[0]!;
}

/** Kuzzle's generated kuids: kuid-<adjective>-<name>-<n>, or kuid-<uuid> with kuid=uuid. */
function generateKuid(humanReadable: boolean): string {
  if (!humanReadable) return `kuid-${globalThis.crypto.randomUUID()}`;
  return `kuid-${pickOne(ADJECTIVES)}-${pickOne(NAMES)}-${Math.floor(Math.random() * 100000)}`;
}

/** kuzzle-plugin-auth-passport-local validate(): errors of the plugin's own classes carry no id (kuzzle.md §9.6). */
function validateLocal(context: ActionContext, credentials: unknown, kuid: string): { username: string; password: string } {
  const local = (typeof credentials === 'object' && credentials !== null ? credentials : {}) as Record<string, unknown>;
  if (local.kuid) throw plainError('kuid cannot be specified in credentials.');
  const owner = typeof local.username === 'string' ? context.env.state.credentials.get(local.username)?.source : undefined;
  if (owner && owner.kuid !== kuid) throw plainError(`Login "${String(local.username)}" is already used.`, 412);
  if (!local.username) throw plainError('Username required.');
  if (!local.password) throw plainError('Password required.');
  return { username: String(local.username), password: String(local.password) };
}

/**
 * securityController._persistUser (securityController.ts:1426-1580): only the local strategy exists; the user is
 * created (profiles must exist; an existing kuid → 412 already_exists), then its credentials, which must validate.
 */
export function persistUser(context: ActionContext, profileIds: unknown[], content: Record<string, unknown>, humanReadable: boolean): unknown {
  const { request, env } = context;
  const { state } = env;
  const credentials = getBodyObject(request, 'credentials', {});
  const strategies = Object.keys(credentials);
  let id = getId(request, 'ignore');
  const generated = id === null;
  for (const strategy of strategies) {
    if (strategy !== 'local') throw kerror('security.credentials.unknown_strategy', strategy);
  }
  do {
    id ??= generateKuid(humanReadable);
    if (strategies.includes('local') && usernameOf(state, id) !== undefined) {
      if (!generated) throw kerror('security.credentials.database_inconsistency', id);
      id = null;
    }
  } while (id === null);
  if (profileIds.length === 0) throw kerror('security.user.no_profile', id);
  if (profileIds.some((p) => typeof p !== 'string')) throw kerror('api.assert.invalid_type', 'profileIds', 'string[]');
  for (const profileId of profileIds as string[]) {
    if (!state.profiles.has(profileId)) throw kerror('security.profile.not_found', profileId);
  }
  if (state.users.has(id)) throw kerror('security.user.already_exists', id);
  const local = strategies.includes('local') ? validateLocal(context, credentials.local, id) : undefined;
  const { profileIds: _ignoredProfiles, _id: _ignoredId, _kuzzle_info: _ignoredInfo, ...fields } = content;
  // userRepository.create: no author (the controller passes no userId), so the key is absent (observed on 2.56).
  const source: UserSource = { profileIds: profileIds as string[], ...fields, _kuzzle_info: { createdAt: env.now(), updatedAt: null, updater: null } };
  state.users.create(id, source, { waitForRefresh: getRefresh(request, 'wait_for') === 'wait_for' });
  if (local) state.credentials.put(local.username, { kuid: id, password: local.password }, { waitForRefresh: true });
  return serializeUser(id, structuredClone(source));
}
