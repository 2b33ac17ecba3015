import { getBodyArray, getBodyObject, getBoolean, getId, getString } from '../args.ts';
import { BUILTIN_PROFILES, BUILTIN_ROLES } from '../builtins.ts';
import type { ActionHandler, KuzzleContext } from '../context.ts';
import { kerror } from '../errors.ts';
import { profileSource } from '../profile-model.ts';
import { runSearch, searchParams } from '../search.ts';
import { revokeTokens } from '../tokens.ts';
import { loadUser, serializeUser, serializeUserHit } from '../user-model.ts';
import { persistUser } from './persist-user.ts';

/** security:createUser: body {content: {profileIds, ...}, credentials: {local: {username, password}}}. */
export const createUser: ActionHandler = async (context) => {
  const content = getBodyObject(context.request, 'content');
  const profileIds = getBodyArray(context.request, 'content.profileIds');
  const humanReadable = getString(context.request, 'kuid', 'human') !== 'uuid';
  return persistUser(context, profileIds, content, humanReadable);
};

/** security:getUser: {_id, _source} as the user cache holds it; "-1" and "anonymous" are the anonymous user. */
export const getUser: ActionHandler = async ({ request, env }) => {
  const user = loadUser(env.state, getId(request) as string);
  return serializeUser(user._id, user.source);
};

/** security:deleteUser: the user, its credentials and its tokens (userRepository.js:349-360). Result {_id}. */
export const deleteUser: ActionHandler = async ({ request, env }) => {
  const id = getId(request) as string;
  loadUser(env.state, id);
  for (const doc of env.state.credentials.all()) if (doc.source.kuid === id) env.state.credentials.delete(doc.id);
  revokeTokens(env.state, { userId: id });
  env.state.users.delete(id);
  return { _id: id };
};

/** security:searchUsers: an Elasticsearch query over the stored users (refreshed ones only). */
export const searchUsers: ActionHandler = async ({ request, env }) => {
  const params = searchParams(request);
  const { hits, total } = runSearch(env.state.users, params.body.query as Record<string, unknown> | undefined, params, serializeUserHit);
  return { hits, scrollId: undefined, total };
};

/** userRepository.adminExists: a search on profileIds "admin", so it sees refreshed users only. */
export function adminExists(env: KuzzleContext): boolean {
  return env.state.users.search((user) => user.profileIds.includes('admin')).length > 0;
}

/** restrictDefaultRights: createOrReplace the three roles and profiles with config.security.standard. */
function restrictDefaultRights(env: KuzzleContext): void {
  const info = { author: '-1', createdAt: env.now(), updatedAt: null, updater: null };
  for (const [id, role] of Object.entries(BUILTIN_ROLES)) env.state.roles.put(id, { ...structuredClone(role), _kuzzle_info: { ...info } }, { waitForRefresh: true });
  for (const [id, profile] of Object.entries(BUILTIN_PROFILES)) {
    env.state.profiles.put(id, profileSource({ ...structuredClone(profile), _kuzzle_info: { ...info } }), { waitForRefresh: true });
  }
}

/**
 * security:createFirstAdmin (securityController.ts:1018-1056): refused once an admin exists (412); content.profileIds
 * is forbidden; the user gets ["admin"]; reset restricts the default roles.
 */
export const createFirstAdmin: ActionHandler = async (context) => {
  const { request, env } = context;
  if (adminExists(env)) throw kerror('api.process.admin_exists');
  const content = getBodyObject(request, 'content', {});
  const reset = getBoolean(request, 'reset');
  const humanReadable = getString(request, 'kuid', 'human') !== 'uuid';
  if (Object.hasOwn(content, 'profileIds')) throw kerror('api.assert.forbidden_argument', 'body.content.profileIds');
  const user = persistUser(context, ['admin'], content, humanReadable);
  if (reset) restrictDefaultRights(env);
  return user;
};
