import type { Behaviour } from '../../../src/core/behaviour.ts';
import { getBody, getBoolean, getId, getInteger, getRefresh } from '../args.ts';
import type { ActionHandler } from '../context.ts';
import { kerror } from '../errors.ts';
import { resolvePolicies, validateDefinition } from '../profile-definition.ts';
import { profileSource, serializeProfile } from '../profile-model.ts';
import type { ApiRequest } from '../request.ts';
import type { ProfileSource } from '../state.ts';

/**
 * Whether restrictedTo may only name existing indexes and collections.
 * Documented: unless force (default false) is set. kuzzle.updateProfile.default.force-false: the deviation (Kuzzle
 * 2.56) checks only with the opt-in strict and never reads force. kuzzle.updateProfile.validation.force-allows-missing:
 * the deviation ignores force.
 */
function checksExistence(behaviour: Behaviour, request: ApiRequest): boolean {
  const strict = getBoolean(request, 'strict');
  if (behaviour.deviates('kuzzle.updateProfile.default.force-false')) return strict;
  const force = getBoolean(request, 'force');
  return !force || behaviour.deviates('kuzzle.updateProfile.validation.force-allows-missing');
}

/**
 * security:updateProfile (securityController.ts:965-983; profileRepository.ts:342-367): a top-level merge of the
 * body over the stored profile (a policies array replaces the whole array), validated like a new definition.
 * Documented result {_id, _version, _source}; kuzzle.updateProfile.envelope.result-version: the deviation (Kuzzle
 * 2.56) answers {_id, _source}.
 */
export const updateProfile: ActionHandler = async ({ request, env }) => {
  const { behaviour, state } = env;
  // kuzzle.updateProfile.validation.id-required: the deviation updates the default profile when _id is missing.
  const id = behaviour.deviates('kuzzle.updateProfile.validation.id-required') ? (getId(request, 'ignore') ?? 'default') : (getId(request) as string);
  const body = getBody<Record<string, unknown>>(request);
  // kuzzle.updateProfile.default.refresh-wait-for: the default is wait_for; the deviation does not wait.
  const refresh = getRefresh(request, behaviour.deviates('kuzzle.updateProfile.default.refresh-wait-for') ? 'false' : 'wait_for');
  // kuzzle.updateProfile.default.retry-on-conflict: the deviation refuses the argument.
  if (behaviour.deviates('kuzzle.updateProfile.default.retry-on-conflict') && request.args.retryOnConflict !== undefined) {
    throw kerror('api.assert.invalid_type', 'retryOnConflict', 'integer');
  }
  const retryOnConflict = getInteger(request, 'retryOnConflict', 10);
  const checkExistence = checksExistence(behaviour, request);
  if (!state.profiles.has(id)) {
    // kuzzle.updateProfile.validation.unknown-profile: the deviation creates the profile it cannot find.
    if (!behaviour.deviates('kuzzle.updateProfile.validation.unknown-profile')) throw kerror('security.profile.not_found', id);
    const info = { author: null, createdAt: env.now(), updatedAt: null, updater: null };
    state.profiles.create(id, { policies: [{ roleId: 'default' }], rateLimit: 0, _kuzzle_info: info }, { waitForRefresh: true });
  }
  const change = (current: ProfileSource): ProfileSource => {
    const { _id: _ignoredId, _kuzzle_info: _ignoredInfo, ...changes } = Array.isArray(body) ? {} : body;
    // kuzzle.updateProfile.route.partial-update: the deviation replaces the definition (absent keys are reset).
    const base: Record<string, unknown> = behaviour.deviates('kuzzle.updateProfile.route.partial-update') ? { _kuzzle_info: current._kuzzle_info } : current;
    const merged: Record<string, unknown> = { ...base, ...changes };
    const policies = resolvePolicies(state, id, merged.policies);
    const rateLimit = validateDefinition(state, behaviour, id, { policies, rateLimit: merged.rateLimit }, { checkExistence });
    // Read back from Elasticsearch: the storage layer's metadata, updater null (kuzzle.md §4.3).
    const info = { ...(current._kuzzle_info as Record<string, unknown>), updatedAt: env.now(), updater: null };
    return profileSource({ ...merged, policies, rateLimit, _kuzzle_info: info });
  };
  const updated = await state.profiles.update(id, change, { waitForRefresh: refresh === 'wait_for', retryOnConflict });
  if (!updated) throw kerror('security.profile.not_found', id);
  const { _id, _source } = serializeProfile(id, structuredClone(updated.source));
  return behaviour.deviates('kuzzle.updateProfile.envelope.result-version') ? { _id, _source } : { _id, _version: updated.version, _source };
};
