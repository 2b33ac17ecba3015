import type { Policy, ProfileSource } from './state.ts';

/**
 * How Kuzzle's Profile object orders and completes a profile (lib/model/security/profile.ts): the constructor's
 * policies, optimizedPolicies and rateLimit come first, the other keys follow in the order they were stored.
 */

/** The stored document: policies, rateLimit (0 when never set), then custom keys and _kuzzle_info. */
export function profileSource(dto: Record<string, unknown>): ProfileSource {
  const { _id: _ignoredId, optimizedPolicies: _ignored, policies, rateLimit, ...rest } = dto;
  return { policies: policies as Policy[], rateLimit: (rateLimit ?? 0) as number, ...rest };
}

/**
 * optimizePolicy (profileRepository.ts:564-600): {roleId}, or {restrictedTo, roleId} where restrictedTo is a JS Map
 * and therefore serializes as {} (observed on 2.56: "optimizedPolicies": [{"restrictedTo": {}, "roleId": …}]).
 */
export function optimizePolicies(policies: Policy[]): Array<Record<string, unknown>> {
  return policies.map((p) => (p.restrictedTo ? { restrictedTo: {}, roleId: p.roleId } : { roleId: p.roleId }));
}

/** serializeProfile of a profile read back after a write, or loaded: {_id, _source}. */
export function serializeProfile(id: string, source: ProfileSource): { _id: string; _source: Record<string, unknown> } {
  const { policies, rateLimit, ...rest } = source;
  return { _id: id, _source: { policies, optimizedPolicies: optimizePolicies(policies), rateLimit, ...rest } };
}

/** A search hit: the Profile is rebuilt from the stored document without optimizing it, so optimizedPolicies is []. */
export function serializeProfileHit(id: string, source: ProfileSource): { _id: string; _source: Record<string, unknown> } {
  const { policies, rateLimit, ...rest } = source;
  return { _id: id, _source: { policies, optimizedPolicies: [], rateLimit, ...rest } };
}

/** Restrictions by index, as the rights check reads them (Map index → sorted collections). */
export function restrictionsOf(policy: Policy): Map<string, string[]> | undefined {
  if (!policy.restrictedTo) return undefined;
  const map = new Map<string, Set<string>>();
  for (const r of policy.restrictedTo) {
    if (!r.index) continue;
    const set = map.get(r.index) ?? new Set<string>();
    for (const c of r.collections ?? []) set.add(c);
    map.set(r.index, set);
  }
  return new Map([...map].map(([index, set]) => [index, [...set].sort()]));
}
