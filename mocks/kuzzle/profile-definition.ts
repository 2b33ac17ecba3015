import type { Behaviour } from '../../src/core/behaviour.ts';
import { kerror, wrapUnexpected } from './errors.ts';
import type { KuzzleState, Policy } from './state.ts';

export interface DefinitionOptions {
  /** Whether restrictedTo may only name existing indexes and collections. */
  checkExistence: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * profileRepository.fromDTO (profileRepository.ts:517-538): empty or missing policies silently become
 * [{roleId: "default"}]; every role must exist. A non-array crashes on .map, which Kuzzle reports as a 500.
 */
export function resolvePolicies(state: KuzzleState, id: string, policies: unknown): Policy[] {
  if (!policies || (Array.isArray(policies) && policies.length === 0)) return [{ roleId: 'default' }];
  if (!Array.isArray(policies)) throw wrapUnexpected(new TypeError('profile.policies.map is not a function'));
  policies.forEach((policy, i) => {
    if (policy === null || policy === undefined) throw wrapUnexpected(new TypeError(`Cannot read properties of ${policy} (reading 'roleId')`));
    const roleId = (policy as { roleId?: unknown }).roleId;
    // An undefined roleId reaches the storage layer in Kuzzle (an unspecified error); validateDefinition's own answer.
    if (!roleId) throw kerror('api.assert.missing_argument', `${id}.policies[${i}].roleId`);
    if (typeof roleId !== 'string' || !state.roles.has(roleId)) throw kerror('security.role.not_found', roleId);
  });
  return policies as Policy[];
}

/** Profile.validateRateLimit (profile.ts:327-346): null → 0; an integer ≥ 0. */
export function validateRateLimit(rateLimit: unknown): number {
  if (rateLimit === null || rateLimit === undefined) return 0;
  if (typeof rateLimit !== 'number' || !Number.isInteger(rateLimit)) throw kerror('api.assert.invalid_type', 'rateLimit', 'integer');
  if (rateLimit < 0) throw kerror('api.assert.invalid_argument', 'rateLimit', 'positive integer, or zero');
  return rateLimit;
}

function validateRestriction(state: KuzzleState, where: string, j: number, restriction: unknown, options: DefinitionOptions): void {
  // Kuzzle prints the restriction itself where the index j belongs (profile.ts:193-244).
  if (!isPlainObject(restriction)) throw kerror('api.assert.invalid_type', `${where}.restrictedTo[${String(restriction)}]`, 'object');
  const index = restriction.index;
  if (index === null || index === undefined) throw kerror('api.assert.missing_argument', `${where}.restrictedTo[${j}].index`);
  const stored = state.indexes.get(String(index));
  if (options.checkExistence && !stored) throw kerror('services.storage.unknown_index', index);
  const collections = restriction.collections;
  if (collections !== null && collections !== undefined) {
    if (!Array.isArray(collections)) throw kerror('api.assert.invalid_type', `${where}.restrictedTo[${j}].collections`, 'string[]');
    const missing = collections.filter((c) => !stored?.source.collections.includes(c as string));
    if (options.checkExistence && missing.length > 0) throw kerror('services.storage.unknown_collection', index, missing);
  }
  for (const member of Object.keys(restriction)) {
    if (member !== 'index' && member !== 'collections') {
      throw kerror('api.assert.unexpected_argument', `${where}.restrictedTo[${j}].${member}`, '"index", "collections"');
    }
  }
}

/**
 * Profile.validateDefinition (profile.ts:129-265), then the anonymous-profile invariant of validateAndSaveProfile.
 * The existence of restricted indexes and collections is checked only when options.checkExistence says so.
 */
export function validateDefinition(
  state: KuzzleState,
  behaviour: Behaviour,
  id: string,
  definition: { policies: Policy[]; rateLimit: unknown },
  options: DefinitionOptions,
): number {
  const rateLimit = validateRateLimit(definition.rateLimit);
  definition.policies.forEach((policy, i) => {
    const where = `${id}.policies[${i}]`;
    for (const member of Object.keys(policy)) {
      if (member !== 'roleId' && member !== 'restrictedTo') throw kerror('api.assert.unexpected_argument', `${where}.${member}`, '"roleId", "restrictedTo"');
    }
    if (!policy.restrictedTo) return;
    // kuzzle.updateProfile.validation.definition-accepted: the deviation refuses restrictedTo altogether.
    if (behaviour.deviates('kuzzle.updateProfile.validation.definition-accepted')) {
      throw kerror('api.assert.unexpected_argument', `${where}.restrictedTo`, '"roleId"');
    }
    if (!Array.isArray(policy.restrictedTo)) throw kerror('api.assert.invalid_type', `${where}.restrictedTo`, 'object[]');
    policy.restrictedTo.forEach((restriction, j) => validateRestriction(state, where, j, restriction, options));
  });
  if (id === 'anonymous' && !definition.policies.some((p) => p.roleId === 'anonymous')) {
    throw kerror('security.profile.missing_anonymous_role');
  }
  return rateLimit;
}
