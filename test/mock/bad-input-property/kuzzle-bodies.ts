// The bodies Kuzzle's update actions are sent: valid ones, and near-valid ones whose fields are of any type.
import fc from 'fast-check';
import { anyValue, jsonValue } from './arbitraries.ts';

/** Keys the body writes: a few fixed ones (so the record does not grow without bound), and sometimes any key. */
export const fieldKey = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('fullname', 'nick', 'age', 'tags') }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
/** Keys updateSelf treats specially (kuzzle.md §3: _id and profileIds refused when truthy, _kuzzle_info overridden). */
export const specialKey = fc.constantFrom('_id', 'profileIds', '_kuzzle_info');

export const selfBody = fc.dictionary(fieldKey, jsonValue, { minKeys: 1, maxKeys: 4 });
export const validPolicies = fc.constantFrom([{ roleId: 'default' }], [{ roleId: 'admin' }], [{ roleId: 'default' }, { roleId: 'admin' }]);
export const profileBody = fc.record({ rateLimit: fc.nat(100), policies: validPolicies }, { requiredKeys: [] });
const policy = fc.oneof(
  jsonValue,
  fc.record({ roleId: fc.oneof(fc.constantFrom('default', 'admin'), fc.string({ maxLength: 8 }), jsonValue), restrictedTo: anyValue(10_000) }, { requiredKeys: [] }),
);
export const nearProfileBody = (maxLength: number) =>
  fc.oneof(
    fc.record({ rateLimit: anyValue(maxLength), policies: fc.oneof(anyValue(maxLength), fc.array(policy, { maxLength: 3 })), _id: jsonValue, _kuzzle_info: jsonValue }, { requiredKeys: [] }),
    anyValue(maxLength),
  );
