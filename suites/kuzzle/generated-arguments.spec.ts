// The generative phase for the arguments of auth:updateSelf and security:updateProfile (issue 12): refresh drawn from
// what the document names (absent or "wait_for": the default waits for indexation) and retryOnConflict from the
// non-negative integers, each with a generated body; and the retryOnConflict values the reference refuses (kuzzle.md
// §3.1 step 5: whatever parseFloat cannot make a safe integer of). Never generated: a refresh the document does not
// name (the reference never refuses one, kuzzle.md §0.3) and a negative retryOnConflict (it reaches Elasticsearch,
// whose answer Kuzzle does not specify).
import fc from 'fast-check';
import { expect, expectError, expectOk, test, type KuzzleApi, type User } from './fixtures.ts';
import type { Transport } from '../../src/specs/families.ts';
import { generated, type GeneratedTest } from '../generative/declare.ts';
import type { GeneratedCase } from '../generative/run-cases.ts';
import { bodies, type Body } from './self-bodies.ts';
import { definitions, poolOf, type Pool } from './profile-definitions.ts';

const ALL: readonly Transport[] = ['http', 'ws', 'mqtt'];

interface KFixtures {
  api: KuzzleApi;
  transport: Transport;
}

/** A case: the request's body and its arguments (HTTP: the query string; messages: top-level keys). */
interface ArgsCase {
  body: Body;
  args?: Record<string, unknown>;
}

function declare(id: string, title: string, spec: GeneratedTest<KFixtures>): void {
  generated<any>(test, 'kuzzle', id, title, { transports: ALL, ...spec } as GeneratedTest<any>);
}

/** `count` argument sets drawn by fast-check from `seed`; undefined values are left out (an absent argument). */
function drawArgs(arbitrary: fc.Arbitrary<Record<string, unknown>>, count: number, seed: number): Array<Record<string, unknown>> {
  return fc.sample(arbitrary, { seed, numRuns: count }).map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)));
}

/** Absent or the documented "wait_for". */
const REFRESH = fc.record({ refresh: fc.constantFrom(undefined, 'wait_for') });
/** Absent or a non-negative integer number of retries (0 included: a number of retries the document allows). */
const RETRY = fc.record({ retryOnConflict: fc.option(fc.nat({ max: 50 }), { nil: undefined }) });
/** What parseFloat cannot make a safe integer of: words (no leading digit: "5abc" is read as 5), fractions, booleans, null. */
const BAD_RETRY = fc.record({
  retryOnConflict: fc.oneof(
    fc.stringMatching(/^[a-z]{1,8}$/),
    fc.nat({ max: 1000 }).map((n) => n + 0.5),
    fc.boolean(),
    fc.constant(null),
  ),
});

const casesOf = (made: Body[], args: Array<Record<string, unknown>>, accepted: boolean): GeneratedCase[] =>
  made.map((body, i) => {
    const a = args[i] ?? {};
    const value: ArgsCase = Object.keys(a).length > 0 ? { body, args: a } : { body };
    // An accepted case stays one without its arguments (the defaults): the shrink may drop them.
    return { label: accepted ? 'accepted' : `retryOnConflict ${JSON.stringify(a.retryOnConflict)}`, body: value, optional: accepted ? ['args'] : [] };
  });

// ------------------------------------------------------------------------------------------------ auth:updateSelf
const selfUsers = new WeakMap<KuzzleApi, Promise<User>>();
const selfUser = (api: KuzzleApi): Promise<User> => {
  let u = selfUsers.get(api);
  if (!u) selfUsers.set(api, (u = api.user({ content: { gkeptS: 'kept' } })));
  return u;
};
/** A mark unique to the case, so that each read-back shows this update and no earlier one. */
const marked = (made: Body[], seed: number): Body[] => made.map((b, i) => ({ ...b, gmarkS: `m${seed}x${i}` }));

declare('kuzzle.updateSelf.default.refresh-wait-for', 'a generated update without refresh or with refresh=wait_for is searchable as soon as the answer arrives', {
  cases: (_f, n, seed) => casesOf(marked(bodies(n, seed), seed), drawArgs(REFRESH, n, seed), true),
  check: async ({ api, transport }, c) => {
    const { body, args } = c.body as ArgsCase;
    const u = await selfUser(api);
    expectOk(await api.on(transport).updateSelf(u.token, body, args ? { args } : {}), `updateSelf with ${JSON.stringify(args ?? {})}`);
    const hit = (await api.searchUsers([u.kuid])).find((h) => h?._id === u.kuid);
    for (const [key, value] of Object.entries(body)) expect(hit?._source?.[key], `${key} in security:searchUsers right after the answer`).toStrictEqual(value);
  },
});

declare('kuzzle.updateSelf.default.retry-on-conflict', 'a generated update with no retryOnConflict or a non-negative integer one is accepted and stored', {
  cases: (_f, n, seed) => casesOf(bodies(n, seed), drawArgs(RETRY, n, seed), true),
  check: async ({ api, transport }, c) => {
    const { body, args } = c.body as ArgsCase;
    const u = await selfUser(api);
    expectOk(await api.on(transport).updateSelf(u.token, body, args ? { args } : {}), `updateSelf with ${JSON.stringify(args ?? {})}`);
    const source = (await api.me(u.token))?._source ?? {};
    for (const [key, value] of Object.entries(body)) expect(source[key], `${key} read back`).toStrictEqual(value);
  },
});

declare('kuzzle.updateSelf.validation.retry-on-conflict-integer', 'a generated retryOnConflict that is not an integer is refused with 400 api.assert.invalid_type; nothing changes', {
  cases: (_f, n, seed) => casesOf(bodies(n, seed), drawArgs(BAD_RETRY, n, seed), false),
  check: async ({ api, transport }, c) => {
    const { body, args } = c.body as ArgsCase;
    const u = await selfUser(api);
    const before = (await api.me(u.token))?._source;
    expectError(await api.on(transport).updateSelf(u.token, body, { args: args ?? {} }), 400, 'api.assert.invalid_type', { props: ['retryOnConflict', 'integer'] });
    expect((await api.me(u.token))?._source, 'a refused updateSelf stores nothing').toEqual(before);
  },
});

// ------------------------------------------------------------------------------------------ security:updateProfile
const profiles = new WeakMap<KuzzleApi, Promise<{ pool: Pool; profile: string }>>();
const profileOf = (api: KuzzleApi): Promise<{ pool: Pool; profile: string }> => {
  let s = profiles.get(api);
  if (!s) profiles.set(api, (s = poolOf(api).then(async (pool) => ({ pool, profile: await api.profile() }))));
  return s;
};
const profileCases = (arbitrary: fc.Arbitrary<Record<string, unknown>>, accepted: boolean) => async ({ api }: KFixtures, n: number, seed: number) =>
  casesOf(definitions((await profileOf(api)).pool, n, seed), drawArgs(arbitrary, n, seed), accepted);

declare('kuzzle.updateProfile.default.refresh-wait-for', 'a generated definition sent without refresh or with refresh=wait_for is searchable as soon as the answer arrives', {
  cases: profileCases(REFRESH, true),
  check: async ({ api, transport }, c) => {
    const { body, args } = c.body as ArgsCase;
    const { profile } = await profileOf(api);
    // A role of this case only: the search by it finds the profile only once this very update is indexed.
    const fresh = await api.role();
    const sent = { ...body, policies: [...((body.policies as Body[]) ?? []), { roleId: fresh }] };
    expectOk(await api.on(transport).updateProfile(await api.admin(), profile, sent, args ? { args } : {}), `updateProfile with ${JSON.stringify(args ?? {})}`);
    expect((await api.searchProfiles([fresh])).map((h) => h?._id), 'security:searchProfiles right after the answer').toContain(profile);
  },
});

declare('kuzzle.updateProfile.default.retry-on-conflict', 'a generated definition sent with no retryOnConflict or a non-negative integer one is accepted and stored', {
  cases: profileCases(RETRY, true),
  check: async ({ api, transport }, c) => {
    const { body, args } = c.body as ArgsCase;
    const { profile } = await profileOf(api);
    expectOk(await api.on(transport).updateProfile(await api.admin(), profile, body, args ? { args } : {}), `updateProfile with ${JSON.stringify(args ?? {})}`);
    const source = await api.profileSource(profile);
    if ('rateLimit' in body) expect(source?.rateLimit, 'rateLimit read back').toBe(body.rateLimit);
    expect(source?.policies?.map((p: Body) => p.roleId), 'the roles read back').toEqual((body.policies as Body[]).map((p) => p.roleId));
  },
});

declare('kuzzle.updateProfile.validation.retry-on-conflict-integer', 'a generated retryOnConflict that is not an integer is refused with 400 api.assert.invalid_type; nothing changes', {
  cases: profileCases(BAD_RETRY, false),
  check: async ({ api, transport }, c) => {
    const { body, args } = c.body as ArgsCase;
    const { profile } = await profileOf(api);
    const before = await api.profileSource(profile);
    expectError(await api.on(transport).updateProfile(await api.admin(), profile, body, { args: args ?? {} }), 400, 'api.assert.invalid_type', { props: ['retryOnConflict', 'integer'] });
    expect(await api.profileSource(profile), 'a refused updateProfile stores nothing').toEqual(before);
  },
});
