import { getBody, getBodyArray, getBoolean, getId, getRefresh, getString } from '../args.ts';
import { PROTECTED_IDS } from '../builtins.ts';
import type { ActionHandler } from '../context.ts';
import { kerror, plainError } from '../errors.ts';
import { resolvePolicies, validateDefinition } from '../profile-definition.ts';
import { profileSource, serializeProfile, serializeProfileHit } from '../profile-model.ts';
import { runSearch, searchParams } from '../search.ts';

/**
 * security:createProfile (securityController.ts:534-560): body.policies must be an array; restrictions are checked
 * against existing indexes only with strict (Kuzzle 2.56); an existing id → 400 document_already_exists.
 */
export const createProfile: ActionHandler = async ({ request, env }) => {
  const { state, behaviour } = env;
  const id = getId(request) as string;
  const content = getBody<Record<string, unknown>>(request);
  getBodyArray(request, 'policies');
  const refresh = getRefresh(request, 'wait_for');
  const strict = getBoolean(request, 'strict');
  const { _id: _ignoredId, _kuzzle_info: _ignoredInfo, ...rest } = content;
  const policies = resolvePolicies(state, id, rest.policies);
  const rateLimit = validateDefinition(state, behaviour, id, { policies, rateLimit: rest.rateLimit }, { checkExistence: strict });
  const info = { author: null, createdAt: env.now(), updatedAt: null, updater: null };
  const created = state.profiles.create(id, profileSource({ ...rest, policies, rateLimit, _kuzzle_info: info }), { waitForRefresh: refresh === 'wait_for' });
  if (!created) throw kerror('services.storage.document_already_exists');
  return serializeProfile(id, structuredClone(created.source));
};

export const getProfile: ActionHandler = async ({ request, env }) => {
  const id = getId(request) as string;
  const doc = env.state.profiles.get(id);
  if (!doc) throw kerror('security.profile.not_found', id);
  return serializeProfile(id, structuredClone(doc.source));
};

/**
 * security:deleteProfile (profileRepository.ts:384-446): protected ids refused; a profile users hold → 412 in_use,
 * unless onAssignedUsers=remove, which leaves users without a profile with ["anonymous"]. Result {_id}.
 */
export const deleteProfile: ActionHandler = async ({ request, env }) => {
  const { state } = env;
  const id = getId(request) as string;
  const onAssignedUsers = getString(request, 'onAssignedUsers', 'fail');
  const write = { waitForRefresh: getRefresh(request, 'wait_for') === 'wait_for' };
  if (!state.profiles.has(id)) throw kerror('security.profile.not_found', id);
  if (PROTECTED_IDS.includes(id)) throw kerror('security.profile.cannot_delete');
  const holders = state.users.search((user) => user.profileIds.includes(id));
  if (holders.length > 0 && onAssignedUsers !== 'remove') throw kerror('security.profile.in_use');
  for (const holder of holders) {
    await state.users.update(
      holder.id,
      (user) => {
        const left = user.profileIds.filter((p) => p !== id);
        return { ...user, profileIds: left.length > 0 ? left : ['anonymous'] };
      },
      { ...write, retryOnConflict: 10 },
    );
  }
  state.profiles.delete(id);
  return { _id: id };
};

/**
 * security:searchProfiles (securityController.ts:595-646): an Elasticsearch query, or the deprecated roles list
 * (terms on policies.roleId); hits are {_id, _source}; only refreshed profiles are seen.
 */
export const searchProfiles: ActionHandler = async ({ request, env }) => {
  const params = searchParams(request);
  const body = params.body;
  if (body.roles && body.query) {
    throw plainError('You cannot specifify both "roles" and "query". Prefer the usage of "query" property with a search query.');
  }
  let query = body.query as Record<string, unknown> | undefined;
  if (body.roles) {
    const roles = getBodyArray(request, 'roles');
    query = roles.length > 0 ? { terms: { 'policies.roleId': roles } } : { match_all: {} };
  }
  return runSearch(env.state.profiles, query, params, serializeProfileHit);
};
