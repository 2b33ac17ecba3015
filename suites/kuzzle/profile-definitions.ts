// Generated security:updateProfile bodies (issue 12): profile definitions drawn by json-schema-faker as shapes (which
// role, which index, which collections, by position) and filled with the roles and indexes the test created, so
// every policy names a role that exists and every restriction an index and collections that exist: the documents
// and Kuzzle 2.56 disagree on whether a missing one is refused without an option (the force-false deviation), so
// none is generated. Each body is then checked against the document's own schema (update-profile.body.json).
import { fakeRecords } from '../../src/core/generate.ts';
import { GeneratorError } from '../generative/accepted.ts';
import { schemaProblem, type KuzzleApi } from './fixtures.ts';

export type Body = Record<string, unknown>;
export const PROFILE_ROOT = 'kuzzle/update-profile.body.json';

/** What a test's definitions may name: roles and indexes (with their collections) that exist on the target. */
export interface Pool {
  roles: string[];
  indexes: Array<{ index: string; collections: string[] }>;
}

/** The test's pool: the built-in default role, two roles and two indexes of its own (deleted when it ends). */
export async function poolOf(api: KuzzleApi): Promise<Pool> {
  const [r1, r2, i1, i2] = await Promise.all([api.role(), api.role(), api.index(['c1', 'c2', 'c3']), api.index(['d1', 'd2'])]);
  return { roles: ['default', r1, r2], indexes: [{ index: i1, collections: ['c1', 'c2', 'c3'] }, { index: i2, collections: ['d1', 'd2'] }] };
}

const pick = { type: 'integer', minimum: 0, maximum: 99 };
/**
 * The shape of a definition: positions into the pool. rateLimit 0..1000 (an integer, never a float a JSON library
 * could rewrite), 1 to 3 policies (an empty or absent policies is silently replaced by the default role on the
 * reference: never generated), 0 to 2 restrictions each, and 0 to 2 application keys (names like updateSelf's: a
 * letter prefix and a type letter, values scalars or arrays of strings, never a nested object that Elasticsearch
 * would deep-merge).
 */
const SHAPE = {
  type: 'object',
  additionalProperties: false,
  required: ['policies', 'extras'],
  properties: {
    rateLimit: { type: 'integer', minimum: 0, maximum: 1000 },
    policies: {
      type: 'array',
      minItems: 1,
      maxItems: 3,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['role', 'restrictions'],
        properties: { role: pick, restrictions: { type: 'array', maxItems: 2, items: { type: 'object', additionalProperties: false, required: ['index', 'collections'], properties: { index: pick, collections: { type: 'array', maxItems: 3, items: pick } } } } },
      },
    },
    extras: { type: 'array', maxItems: 2, items: { type: 'object', additionalProperties: false, required: ['name', 'kind'], properties: { name: { type: 'string', pattern: '^g[a-z]{2,8}$' }, kind: { enum: ['S', 'N', 'B', 'L'] } } } },
    keep: { type: 'boolean' },
  },
};
const EXTRA_VALUES: Record<string, Record<string, unknown>> = {
  S: { type: 'string', pattern: '^[A-Za-z0-9 ]{0,24}$' },
  N: { type: 'integer', minimum: -1000000, maximum: 1000000 },
  B: { type: 'boolean' },
  L: { type: 'array', maxItems: 3, items: { type: 'string', pattern: '^[a-z]{1,8}$' } },
};

interface Shape {
  rateLimit?: number;
  policies: Array<{ role: number; restrictions: Array<{ index: number; collections: number[] }> }>;
  extras: Array<{ name: string; kind: string }>;
  /** false: the body leaves policies out (a partial update of rateLimit and the extras). */
  keep?: boolean;
}

const at = <V>(list: readonly V[], i: number): V => list[i % list.length] as V;

function policiesOf(shape: Shape, pool: Pool): Body[] {
  const seen = new Set<string>();
  const policies: Body[] = [];
  for (const p of shape.policies) {
    const roleId = at(pool.roles, p.role);
    // One policy per role: a server may merge two policies of one role (optimizedPolicies), the read-back would differ.
    if (seen.has(roleId)) continue;
    seen.add(roleId);
    const restrictedTo = p.restrictions.map((r) => {
      const { index, collections } = at(pool.indexes, r.index);
      const chosen = [...new Set(r.collections.map((c) => at(collections, c)))];
      return chosen.length > 0 ? { index, collections: chosen } : { index };
    });
    policies.push(restrictedTo.length > 0 ? { roleId, restrictedTo } : { roleId });
  }
  return policies;
}

/**
 * `count` definitions for the pool. `withPolicies` true: every body has policies; false: some leave them out (a
 * partial update), each keeping at least one key.
 */
export function definitions(pool: Pool, count: number, seed: number, withPolicies = true): Body[] {
  const shapes = fakeRecords(SHAPE, count, seed, PROFILE_ROOT) as Shape[];
  return shapes.map((shape, i) => {
    const body: Body = {};
    if (shape.rateLimit !== undefined) body.rateLimit = shape.rateLimit;
    if (withPolicies || shape.keep !== false || Object.keys(body).length === 0) body.policies = policiesOf(shape, pool);
    const extras = shape.extras.filter((e, j) => shape.extras.findIndex((o) => o.name === e.name) === j);
    if (extras.length > 0) {
      const schema = { type: 'object', additionalProperties: false, required: extras.map((e) => `${e.name}${e.kind}`), properties: Object.fromEntries(extras.map((e) => [`${e.name}${e.kind}`, EXTRA_VALUES[e.kind]])) };
      Object.assign(body, fakeRecords(schema, 1, seed + i, PROFILE_ROOT)[0] as Body);
    }
    const problem = schemaProblem(PROFILE_ROOT, body);
    if (problem) throw new GeneratorError(`the generator made a profile definition the document does not allow (seed ${seed}): ${problem} [CONFORM_ERR_GENERATOR]`);
    return body;
  });
}

/** The keys of a definition that may be dropped while it keeps testing the same thing (for the shrink). */
export const OPTIONAL_KEYS = (body: Body, keep: readonly string[] = []): string[] => Object.keys(body).filter((k) => !keep.includes(k));
