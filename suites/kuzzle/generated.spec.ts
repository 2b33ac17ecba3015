// The generative phase for auth:updateSelf (issue 12): bodies of application-defined properties drawn by
// json-schema-faker inside update-self.body.json and what every Kuzzle accepts (docs/generative.md), and the two
// forbidden properties (profileIds, _id) added one at a time, drawn by fast-check.
import { expect, expectError, expectOk, schemaProblem, test, type KuzzleApi, type User } from './fixtures.ts';
import type { Transport } from '../../src/specs/families.ts';
import { generated, type GeneratedTest } from '../generative/declare.ts';
import { bodies, type Body } from './self-bodies.ts';
import { choose, drawMutations, type Mutation } from '../generative/mutations.ts';
import type { GeneratedCase } from '../generative/run-cases.ts';

const ALL: readonly Transport[] = ['http', 'ws', 'mqtt'];

interface KFixtures {
  api: KuzzleApi;
  transport: Transport;
}

/** One user per test, with content of its own, so a read-back shows what was kept. */
const users = new WeakMap<KuzzleApi, Promise<User>>();
function userOf(api: KuzzleApi): Promise<User> {
  let u = users.get(api);
  if (!u) users.set(api, (u = api.user({ content: { gkeptS: 'kept', gkeptN: 1 } })));
  return u;
}

function declare(id: string, title: string, spec: GeneratedTest<KFixtures>): void {
  generated<any>(test, 'kuzzle', id, title, { transports: ALL, ...spec } as GeneratedTest<any>);
}

const accepted = (body: Body): GeneratedCase => ({ label: 'accepted', body });

declare('kuzzle.updateSelf.validation.free-properties', 'generated application-defined properties are stored with their JSON type', {
  cases: (_f, n, seed) => bodies(n, seed).map(accepted),
  check: async ({ api, transport }, c) => {
    const u = await userOf(api);
    expectOk(await api.on(transport).updateSelf(u.token, c.body), 'updateSelf with generated properties');
    const source = (await api.me(u.token))?._source ?? {};
    for (const [key, value] of Object.entries(c.body as Body)) expect(source[key], `${key} read back`).toStrictEqual(value);
  },
});

declare('kuzzle.updateSelf.route.top-level-merge', 'generated top-level properties are merged; the absent ones are kept', {
  cases: (_f, n, seed) => bodies(n, seed).map(accepted),
  check: async ({ api, transport }, c) => {
    const u = await userOf(api);
    const before = (await api.me(u.token))?._source ?? {};
    expectOk(await api.on(transport).updateSelf(u.token, c.body));
    const after = (await api.me(u.token))?._source ?? {};
    for (const [key, value] of Object.entries(before)) if (!key.startsWith('_') && !(key in (c.body as Body))) expect(after[key], `${key} kept`).toStrictEqual(value);
  },
});

declare('kuzzle.updateSelf.envelope.success', 'a generated update answers the documented envelope', {
  cases: (_f, n, seed) => bodies(n, seed).map(accepted),
  check: async ({ api, transport }, c) => {
    const u = await userOf(api);
    const res = await api.on(transport).updateSelf(u.token, c.body);
    expectOk(res);
    expect(schemaProblem('kuzzle/update-self.response.json', res.json), res.text.slice(0, 300)).toBeUndefined();
  },
});

/** profileIds the caller must never get: the admin profile, none ([] is truthy, refused), or generated names; never null, false, 0 or "" (passed then overridden). */
const PROFILE_IDS: Array<Mutation<Body>> = [
  { name: 'with profileIds ["admin"]', apply: (v) => ({ ...v, profileIds: ['admin'] }) },
  { name: 'with profileIds []', apply: (v) => ({ ...v, profileIds: [] }) },
  { name: 'with generated profileIds', apply: (v, pick) => ({ ...v, profileIds: [`gprofile${pick}`, choose(['admin', 'default', 'anonymous'], pick)] }) },
];

function mutated(mutations: Array<Mutation<Body>>) {
  return (_f: KFixtures, n: number, seed: number): GeneratedCase[] => {
    const valid = bodies(n, seed);
    return drawMutations(mutations, n, seed).map(({ mutation, pick }, i) => ({ label: mutation.name, body: mutation.apply(valid[i] as Body, pick) }));
  };
}

declare('kuzzle.updateSelf.field-exclusion.profile-ids-unchanged', 'generated bodies with profileIds never change the caller’s profileIds', {
  cases: mutated(PROFILE_IDS),
  check: async ({ api, transport }, c) => {
    const u = await userOf(api);
    await api.on(transport).updateSelf(u.token, c.body);
    expect((await api.getUser(u.kuid))?._source?.profileIds, 'profileIds unchanged').toEqual(u.profileIds);
  },
});

/** Refused whole with 400 api.assert.forbidden_argument: nothing of the body is stored. */
async function expectForbidden(api: KuzzleApi, transport: Transport, body: Body, prop: string): Promise<void> {
  const u = await userOf(api);
  const before = (await api.me(u.token))?._source;
  expectError(await api.on(transport).updateSelf(u.token, body), 400, 'api.assert.forbidden_argument', { props: [prop] });
  expect((await api.me(u.token))?._source, 'a refused updateSelf stores nothing').toEqual(before);
}

declare('kuzzle.updateSelf.field-exclusion.profile-ids-rejected', 'generated bodies with profileIds are refused whole with 400 api.assert.forbidden_argument', {
  cases: mutated(PROFILE_IDS),
  check: ({ api, transport }, c) => expectForbidden(api, transport, c.body as Body, 'body.profileIds'),
});

declare('kuzzle.updateSelf.field-exclusion.id-rejected', 'generated bodies with _id are refused whole with 400 api.assert.forbidden_argument', {
  cases: mutated([
    { name: 'with a generated _id', apply: (v, pick) => ({ ...v, _id: `gother${pick}` }) },
    // Never a falsy _id (0, "", null, false): the reference server only refuses a truthy one (research/kuzzle.md §updateSelf step 3).
    { name: 'with a numeric _id', apply: (v, pick) => ({ ...v, _id: pick + 1 }) },
  ]),
  check: ({ api, transport }, c) => expectForbidden(api, transport, c.body as Body, 'body._id'),
});
