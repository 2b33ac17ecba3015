// The generative phase for security:updateProfile (issue 12): definitions drawn inside update-profile.body.json and
// the test's own roles and indexes (profile-definitions.ts), accepted and read back through security:getProfile, and
// single-constraint mutations drawn by fast-check where the documents or the reference server (kuzzle.md §4) say how
// they are refused. What is never generated, and why: docs/generative.md.
import { expect, expectError, expectOk, normalizePolicies, schemaProblem, test, type Answer, type KuzzleApi } from './fixtures.ts';
import type { Transport } from '../../src/specs/families.ts';
import { generated, type GeneratedTest } from '../generative/declare.ts';
import { choose, drawMutations, type Mutation } from '../generative/mutations.ts';
import type { GeneratedCase } from '../generative/run-cases.ts';
import { definitions, OPTIONAL_KEYS, poolOf, type Body, type Pool } from './profile-definitions.ts';

const ALL: readonly Transport[] = ['http', 'ws', 'mqtt'];

interface KFixtures {
  api: KuzzleApi;
  transport: Transport;
}

/** One pool and one profile per test: the cases update it one after the other. */
const state = new WeakMap<KuzzleApi, Promise<{ pool: Pool; profile: string }>>();
function stateOf(api: KuzzleApi): Promise<{ pool: Pool; profile: string }> {
  let s = state.get(api);
  if (!s) state.set(api, (s = poolOf(api).then(async (pool) => ({ pool, profile: await api.profile([{ roleId: 'default' }], { rateLimit: 1 }) }))));
  return s;
}

function declare(id: string, title: string, spec: GeneratedTest<KFixtures>, transports: readonly Transport[] = ALL): void {
  generated<any>(test, 'kuzzle', id, title, { transports, ...spec } as GeneratedTest<any>);
}

/** Accepted cases: a definition each, its keys droppable by the shrink. */
function acceptedCases(withPolicies = true) {
  return async ({ api }: KFixtures, n: number, seed: number): Promise<GeneratedCase[]> => {
    const { pool } = await stateOf(api);
    return definitions(pool, n, seed, withPolicies).map((body) => ({ label: 'accepted', body, optional: OPTIONAL_KEYS(body) }));
  };
}

/** The stored definition as compared: policies normalised (an empty restrictedTo or collections restricts nothing). */
function comparable(source: any): Body {
  const { _kuzzle_info: _info, optimizedPolicies: _optimized, ...rest } = source ?? {};
  return { ...rest, policies: normalizePolicies(rest.policies) };
}

/** What the read-back must hold after an accepted body: each sent key as sent (policies replaced whole). */
function expectStored(source: any, body: Body): void {
  for (const [key, value] of Object.entries(body)) {
    if (key === 'policies') expect(normalizePolicies(source?.policies), 'the policies read back are exactly the sent ones').toEqual(normalizePolicies(value));
    else expect(source?.[key], `${key} read back`).toStrictEqual(value);
  }
}

declare('kuzzle.updateProfile.validation.definition-accepted', 'a generated definition (roles, restrictions to existing indexes and collections, rateLimit, application keys) is accepted and stored', {
  cases: acceptedCases(),
  check: async ({ api, transport }, c) => {
    const { profile } = await stateOf(api);
    expectOk(await api.on(transport).updateProfile(await api.admin(), profile, c.body), 'updateProfile with a generated definition');
    expectStored(await api.profileSource(profile), c.body as Body);
  },
});

declare('kuzzle.updateProfile.route.partial-update', 'a generated partial definition changes the sent keys; the absent ones keep their value', {
  cases: acceptedCases(false),
  check: async ({ api, transport }, c) => {
    const { profile } = await stateOf(api);
    const before = comparable(await api.profileSource(profile));
    expectOk(await api.on(transport).updateProfile(await api.admin(), profile, c.body), 'updateProfile with a generated partial definition');
    const after = comparable(await api.profileSource(profile));
    for (const [key, value] of Object.entries(before)) if (!(key in (c.body as Body))) expect(after[key], `${key} kept`).toStrictEqual(value);
  },
});

declare('kuzzle.updateProfile.envelope.success', 'a generated update answers the documented envelope', {
  cases: acceptedCases(),
  check: async ({ api, transport }, c) => {
    const { profile } = await stateOf(api);
    const res = await api.on(transport).updateProfile(await api.admin(), profile, c.body);
    expectOk(res);
    expect(schemaProblem('kuzzle/update-profile.response.json', res.json), res.text.slice(0, 300)).toBeUndefined();
    expect(res.json?.result?._id, 'result._id').toBe(profile);
  },
});

/** The _version of the last accepted update of each test's profile. */
const versions = new WeakMap<KuzzleApi, number>();
declare('kuzzle.updateProfile.envelope.result-version', "each generated update's result carries the profile's version, which grows", {
  cases: acceptedCases(),
  check: async ({ api, transport }, c) => {
    const { profile } = await stateOf(api);
    const res = await api.on(transport).updateProfile(await api.admin(), profile, c.body);
    expectOk(res);
    expect(schemaProblem('kuzzle/update-profile.response-documented.json', res.json), res.text.slice(0, 300)).toBeUndefined();
    const previous = versions.get(api);
    if (previous !== undefined) expect(res.json.result._version, 'the _version is greater than the previous update’s').toBeGreaterThan(previous);
    versions.set(api, res.json.result._version);
  },
});

/** A refused update: the error, then the whole stored definition as it was (nothing of the body applied). */
async function expectRefusedUnchanged(api: KuzzleApi, transport: Transport, body: unknown, assertAnswer: (res: Answer, profile: string) => void): Promise<void> {
  const { profile } = await stateOf(api);
  const before = await api.profileSource(profile);
  assertAnswer(await api.on(transport).updateProfile(await api.admin(), profile, body), profile);
  expect(await api.profileSource(profile), 'a refused updateProfile stores nothing').toEqual(before);
}

/** Valid definitions (with policies) mutated by one of `mutations`; `keep` are the keys the mutation lives in. */
function mutatedCases(mutations: Array<Mutation<Body>> | ((pool: Pool) => Array<Mutation<Body>>), keep: readonly string[]) {
  return async ({ api }: KFixtures, n: number, seed: number): Promise<GeneratedCase[]> => {
    const { pool } = await stateOf(api);
    const valid = definitions(pool, n, seed);
    return drawMutations(typeof mutations === 'function' ? mutations(pool) : mutations, n, seed).map(({ mutation, pick }, i) => {
      const body = mutation.apply(valid[i] as Body, pick) as Body;
      return { label: mutation.name, body, optional: OPTIONAL_KEYS(body, keep) };
    });
  };
}

/** The policies with policy `pick` (modulo their number) changed by `change`. */
function withPolicy(body: Body, pick: number, change: (policy: Body) => Body): Body {
  const policies = (body.policies as Body[]).map((p) => ({ ...p }));
  const at = pick % policies.length;
  policies[at] = change(policies[at] as Body);
  return { ...body, policies };
}

/** A role id no test creates (the same for the same draw: a seed names its cases). */
const unknownRole = (pick: number) => `conform-no-role-g${pick}`;

declare('kuzzle.updateProfile.validation.unknown-role', 'a generated definition naming a role that does not exist answers 404 security.role.not_found; nothing changes', {
  cases: mutatedCases([{ name: 'a policy naming a missing role', apply: (v, pick) => withPolicy(v, pick, (p) => ({ ...p, roleId: unknownRole(pick) })) }], ['policies']),
  check: ({ api, transport }, c) => {
    const missing = (c.body as { policies: Body[] }).policies.map((p) => p.roleId).find((r) => String(r).startsWith('conform-no-role-'));
    return expectRefusedUnchanged(api, transport, c.body, (res) => expectError(res, 404, 'security.role.not_found', { props: [missing] }));
  },
});

/** rateLimit values the reference refuses (profile.ts:327-346): negative integers, fractions, strings, booleans. */
const RATE_LIMITS: Array<Mutation<Body>> = [
  { name: 'rateLimit negative', apply: (v, pick) => ({ ...v, rateLimit: -1 - (pick % 1000) }) },
  // k + 0.5: never a float a JSON library could rewrite as an integer (1.0 → 1).
  { name: 'rateLimit a fraction', apply: (v, pick) => ({ ...v, rateLimit: (pick % 1000) + 0.5 }) },
  { name: 'rateLimit a numeric string', apply: (v, pick) => ({ ...v, rateLimit: String(pick % 1000) }) },
  { name: 'rateLimit a boolean', apply: (v, pick) => ({ ...v, rateLimit: pick % 2 === 0 }) },
];

declare('kuzzle.updateProfile.validation.rate-limit', 'a generated rateLimit that is negative or not an integer is refused with 400; nothing changes', {
  cases: mutatedCases(RATE_LIMITS, ['rateLimit']),
  check: ({ api, transport }, c) =>
    expectRefusedUnchanged(api, transport, c.body, (res) => {
      if (c.label === 'rateLimit negative') expectError(res, 400, 'api.assert.invalid_argument');
      else expectError(res, 400, 'api.assert.invalid_type', { props: ['rateLimit', 'integer'] });
    }),
});

declare('kuzzle.updateProfile.validation.policy-keys', 'a generated policy with a key other than roleId/restrictedTo is refused with 400 api.assert.unexpected_argument; nothing changes', {
  cases: mutatedCases(
    [
      {
        name: 'a policy with an extra key',
        apply: (v, pick) => withPolicy(v, pick, (p) => ({ ...p, [choose(['foo', 'roles', 'role', 'index', 'restricted', 'gextra'], pick)]: choose<unknown>([1, 'x', true, ['a']], pick >> 3) })),
      },
    ],
    ['policies'],
  ),
  check: ({ api, transport }, c) => {
    const policies = (c.body as { policies: Body[] }).policies;
    const at = policies.findIndex((p) => Object.keys(p).some((k) => k !== 'roleId' && k !== 'restrictedTo'));
    const key = Object.keys(policies[at] as Body).find((k) => k !== 'roleId' && k !== 'restrictedTo');
    return expectRefusedUnchanged(api, transport, c.body, (res, profile) => {
      expectError(res, 400, 'api.assert.unexpected_argument');
      expect(res.json?.error?.props?.[0], 'the offending key').toBe(`${profile}.policies[${at}].${key}`);
    });
  },
});

/**
 * Malformed restrictions (profile.ts:193-244), on the pool's existing indexes so that no existence check can refuse
 * them for another reason, and only truthy ones: a falsy restrictedTo is read as none.
 */
const restrictions = (pool: Pool): Array<Mutation<Body>> => {
  const index = (pick: number) => choose(pool.indexes, pick).index;
  return [
    { name: 'restrictedTo an object', apply: (v, pick) => withPolicy(v, pick, (p) => ({ ...p, restrictedTo: { index: index(pick) } })) },
    { name: 'restrictedTo a string', apply: (v, pick) => withPolicy(v, pick, (p) => ({ ...p, restrictedTo: index(pick) })) },
    { name: 'a restriction without index', apply: (v, pick) => withPolicy(v, pick, (p) => ({ ...p, restrictedTo: [{ collections: [...choose(pool.indexes, pick).collections] }] })) },
    { name: 'collections a string', apply: (v, pick) => withPolicy(v, pick, (p) => ({ ...p, restrictedTo: [{ index: index(pick), collections: choose(pool.indexes, pick).collections[0] }] })) },
  ];
};

declare('kuzzle.updateProfile.validation.restricted-to-shape', 'a generated malformed restriction is refused with 400; nothing changes', {
  cases: mutatedCases(restrictions, ['policies']),
  check: ({ api, transport }, c) => expectRefusedUnchanged(api, transport, c.body, (res) => expectError(res, 400, c.label === 'a restriction without index' ? 'api.assert.missing_argument' : 'api.assert.invalid_type')),
});

declare('kuzzle.updateProfile.validation.unknown-profile', 'a generated definition sent to a profile that does not exist fails and does not create it', {
  cases: acceptedCases(),
  check: async ({ api, transport }, c) => {
    const id = api.absentProfileId();
    const res = await api.on(transport).updateProfile(await api.admin(), id, c.body);
    expect(res.status, `updateProfile of an unknown profile is refused with a 4xx status: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await api.getProfileAnswer(id)).status, 'GET /profiles/<unknown> afterwards').toBe(404);
  },
});

declare('kuzzle.updateProfile.validation.unknown-profile-not-found', 'a generated definition sent to a profile that does not exist answers 404 security.profile.not_found', {
  cases: acceptedCases(),
  check: async ({ api, transport }, c) => {
    const id = api.absentProfileId();
    expectError(await api.on(transport).updateProfile(await api.admin(), id, c.body), 404, 'security.profile.not_found', { props: [id] });
  },
});

declare(
  'kuzzle.updateProfile.validation.id-required',
  'a generated definition without _id (or with an empty one) is refused; the default profile is unchanged',
  {
    cases: async (f, n, seed) => (await acceptedCases()(f, n, seed)).map((c, i) => ({ ...c, label: i % 2 === 0 ? 'without _id' : 'with _id ""' })),
    check: async ({ api, transport }, c) => {
      await api.guardProfile('default');
      const before = await api.profileSource('default');
      const res = await api.on(transport).updateProfile(await api.admin(), c.label === 'without _id' ? undefined : '', c.body);
      expect(res.status, `updateProfile ${c.label} is refused with a 4xx status: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(comparable(await api.profileSource('default')), 'the default profile is untouched').toEqual(comparable(before));
    },
  },
  ['ws', 'mqtt'],
);

/**
 * Restrictions naming what does not exist: an index no test creates, or a collection missing from one of the pool's
 * indexes. The document: refused without force (default false), allowed with it. (Kuzzle 2.56 accepts both without
 * an option, its force-false deviation: these cases fail there under that requirement only.)
 */
const missingRestrictions = (pool: Pool): Array<Mutation<Body>> => [
  { name: 'a restriction to a missing index', apply: (v, pick) => withPolicy(v, pick, (p) => ({ ...p, restrictedTo: [{ index: `conform-missing-g${pick}` }] })) },
  {
    name: 'a restriction to a missing collection',
    apply: (v, pick) => withPolicy(v, pick, (p) => ({ ...p, restrictedTo: [{ index: choose(pool.indexes, pick).index, collections: [`missing-g${pick}`] }] })),
  },
];

declare('kuzzle.updateProfile.default.force-false', 'a generated definition restricted to a missing index or collection, without force, is refused; nothing changes', {
  cases: mutatedCases(missingRestrictions, ['policies']),
  check: ({ api, transport }, c) =>
    expectRefusedUnchanged(api, transport, c.body, (res) => {
      expect(res.status, `${c.label} without force is refused with a 4xx status: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.json?.error ?? null, 'an error').not.toBeNull();
    }),
});

declare('kuzzle.updateProfile.validation.force-allows-missing', 'a generated definition restricted to a missing index or collection, with force, is accepted and stored', {
  cases: mutatedCases(missingRestrictions, ['policies']),
  check: async ({ api, transport }, c) => {
    const { profile } = await stateOf(api);
    expectOk(await api.on(transport).updateProfile(await api.admin(), profile, c.body, { args: { force: true } }), `updateProfile with force and ${c.label}`);
    expectStored(await api.profileSource(profile), c.body as Body);
  },
});
