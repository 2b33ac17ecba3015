// The generative phase for PUT /user/current, user/updateCurrent and PUT /user/{id} (issue 12; the WebSocket
// user/update in generated-user-update.spec.ts): User resources drawn
// from user-update.json by json-schema-faker, inside what the documents and the reference server accept
// (docs/generative.md), and single-constraint mutations drawn by fast-check.
import { expect, secret, uniqueName } from '../harness.ts';
import { test, describe, expectOk, expectRefused, schemaProblem, type DhApi, type DhUser, type Outcome } from './fixtures.ts';
import type { Transport } from '../../src/specs/families.ts';
import { generated, type GeneratedTest } from '../generative/declare.ts';
import { adminWsUpdate, expectPassword, PASSWORD_RULE, users, type User } from './user-resources.ts';
import { choose, drawMutations, type Mutation } from '../generative/mutations.ts';
import type { GeneratedCase } from '../generative/run-cases.ts';

/** A refusal over REST carries the documented error body (schemas/devicehive/error.json). */
function expectErrorBody(o: Outcome): void {
  if (o.transport === 'http') expect(schemaProblem('devicehive/error.json', o.http?.json), 'the REST error body').toBeUndefined();
}

interface DhFixtures {
  api: DhApi;
  transport: Transport;
}

/** A test's caller: one fresh client per test, its data set, so each case's read-back starts from a known row. */
const callers = new WeakMap<DhApi, DhUser>();
async function callerOf(api: DhApi): Promise<DhUser> {
  let c = callers.get(api);
  if (!c) {
    c = await api.newUser();
    callers.set(api, c);
  }
  return c;
}

function declare(id: string, title: string, spec: GeneratedTest<DhFixtures>): void {
  generated<any>(test, 'devicehive', id, title, spec as GeneratedTest<any>);
}

const ALL: readonly Transport[] = ['http', 'ws', 'mqtt'];

declare('devicehive.updateCurrent.role-restriction.client-password-data', 'a client’s generated password and data are accepted and take effect', {
  transports: ALL,
  cases: (_f, n, seed) => users(n, seed).map((u): GeneratedCase => ({ label: 'accepted', body: u, optional: ['password'] })),
  check: async ({ api, transport }, c) => {
    const caller = await callerOf(api);
    const user = c.body as User;
    expectOk(await api.updateCurrent(transport, caller, user), `a client’s ${JSON.stringify(Object.keys(user))}`);
    expect((await api.read(caller.id)).data, 'the stored data is the sent data').toEqual(user.data);
    if (typeof user.password === 'string') caller.password = user.password;
    await expectPassword(api, caller, 'the current password');
  },
});

/** Each refused case: the caller's data set first, then the mutated body, then data and password as they were. */
async function expectUnchangedAfter(api: DhApi, transport: Transport, send: (caller: DhUser) => Promise<Outcome>, what: string): Promise<Outcome> {
  const caller = await callerOf(api);
  const known = { mark: uniqueName('before') };
  expectOk(await api.updateCurrent('http', caller, { data: known }), 'setting the data a refused update must keep');
  const o = await send(caller);
  expectRefused(o, what);
  expect((await api.read(caller.id)).data, 'a refused update leaves data as it was').toEqual(known);
  await expectPassword(api, caller, 'the unchanged password');
  return o;
}

declare('devicehive.updateCurrent.validation.password-length', 'a generated password shorter than 6 or longer than 128 characters is refused with 400', {
  transports: ALL,
  cases: (_f, n, seed) => {
    const valid = users(n, seed);
    const mutations: Array<Mutation<User>> = [
      { name: 'password too short', apply: (v, pick) => ({ ...v, password: String(v.password ?? 'abcdef').slice(0, pick % 6) || 'a' }) },
      { name: 'password too long', apply: (v, pick) => ({ ...v, password: String(v.password ?? 'abcdef').padEnd(129 + (pick % 200), 'x') }) },
    ];
    return drawMutations(mutations, n, seed).map(({ mutation, pick }, i) => ({ label: mutation.name, body: mutation.apply(valid[i] as User, pick) }));
  },
  check: async ({ api, transport }, c) => {
    const body = c.body as User;
    secret(String(body.password));
    const o = await expectUnchangedAfter(api, transport, (caller) => api.updateCurrent(transport, caller, body), `a ${String(body.password).length}-character password`);
    expect(o.code, `the answer's code: ${describe(o)}`).toBe(400);
    expect(o.message).toBe(PASSWORD_RULE);
    expectErrorBody(o);
  },
});

/** Wrong types the reference server's JSON reader refuses too: objects and arrays for strings, non-objects for data. */
const TYPE_MUTATIONS: Array<Mutation<User>> = [
  { name: 'password an object', apply: (v, pick) => ({ ...v, password: { value: `p${pick}` } }) },
  { name: 'password an array', apply: (v, pick) => ({ ...v, password: [`p${pick}`] }) },
  { name: 'data a string', apply: (v) => ({ ...v, data: 'not an object' }) },
  { name: 'data a number', apply: (v, pick) => ({ ...v, data: pick }) },
  { name: 'data an array', apply: (v) => ({ ...v, data: [v.data] }) },
];
/** Bodies that are not an object: the whole resource replaced by a scalar or an array. */
const NOT_OBJECT: Array<Mutation<User>> = [
  { name: 'user a string', apply: (v) => JSON.stringify(v) },
  { name: 'user an array', apply: (v) => [v] },
  { name: 'user a number', apply: (_v, pick) => pick },
];

declare('devicehive.updateCurrent.validation.types', 'a generated body with one property of a wrong type, or that is not an object, is refused; nothing changes', {
  transports: ALL,
  cases: (_f, n, seed) => {
    const valid = users(n, seed);
    return drawMutations([...TYPE_MUTATIONS, ...NOT_OBJECT], n, seed).map(({ mutation, pick }, i) => ({ label: mutation.name, body: mutation.apply(valid[i] as User, pick) }));
  },
  check: async ({ api, transport }, c) => {
    await expectUnchangedAfter(api, transport, (caller) => api.updateCurrent(transport, caller, c.body), c.label);
  },
});

declare('devicehive.updateCurrent.role-restriction.client-login-role-status', 'a client’s generated body with a login, role or status never changes them', {
  transports: ALL,
  cases: (_f, n, seed) => {
    const valid = users(n, seed);
    const mutations: Array<Mutation<User>> = [
      { name: 'with a role', apply: (v, pick) => ({ ...v, role: pick % 2 }) },
      { name: 'with a status', apply: (v, pick) => ({ ...v, status: pick % 3 }) },
      { name: 'with a login', apply: (v) => ({ ...v, login: uniqueName('dhtake') }) },
    ];
    return drawMutations(mutations, n, seed).map(({ mutation, pick }, i) => ({ label: mutation.name, body: mutation.apply(valid[i] as User, pick), optional: ['password', 'data'] }));
  },
  check: async ({ api, transport }, c) => {
    const caller = await callerOf(api);
    const o = await api.updateCurrent(transport, caller, c.body);
    expect(await api.read(caller.id), `after ${c.label} (${describe(o)})`).toMatchObject({ role: 1, status: 0, login: caller.login });
    // A refused request changes nothing; an accepted one (a server that ignores the forbidden field) may set the password.
    const password = (c.body as User).password;
    if (o.ok && typeof password === 'string') caller.password = password;
  },
});

declare('devicehive.updateUser.role-restriction.admin-any-property', 'an administrator’s generated User resource is accepted and read back', {
  cases: (_f, n, seed) => users(n, seed, true).map((u): GeneratedCase => ({ label: 'accepted', body: u, optional: ['password', 'introReviewed'] })),
  check: async ({ api }, c) => {
    const target = await api.newUser();
    const user = c.body as User;
    const res = await api.put(`/user/${target.id}`, user, api.adminAuth);
    expect(res.status >= 200 && res.status < 300, `PUT /user/${target.id} should answer 2xx: ${res.status} ${res.text.slice(0, 300)}`).toBe(true);
    const { password: sent, ...shown } = user;
    expect(await api.read(target.id), 'the read-back holds every sent property').toMatchObject(shown);
    if (typeof sent === 'string' && user.status === 0) expect((await api.login(String(user.login), sent)).status, 'POST /token with the new login and password').toBe(201);
  },
});

for (const [field, allowed] of [['role', [0, 1]], ['status', [0, 1, 2]]] as const) {
  declare(`devicehive.all.validation.${field}-enum`, `an administrator’s generated ${field} outside ${JSON.stringify(allowed)} is refused; nothing changes`, {
    cases: (_f, n, seed) => {
      const valid = users(n, seed, true);
      const outside: Mutation<User> = { name: `${field} out of its list`, apply: (v, pick) => ({ ...v, [field]: pick % 2 === 0 ? allowed.length + (pick % 1000) : -1 - (pick % 1000) }) };
      return drawMutations([outside], n, seed).map(({ mutation, pick }, i) => ({ label: mutation.name, body: mutation.apply(valid[i] as User, pick), optional: ['password', 'introReviewed', 'data'] }));
    },
    // REST: PUT /user/{id}, a 4xx; WebSocket: user/update with userId, status "error" (the catalogue's check).
    transports: ['http', 'ws'],
    check: async ({ api, transport }, c) => {
      const target = await api.newUser();
      const before = await api.read(target.id);
      if (transport === 'ws') {
        const answer = await adminWsUpdate(api, target.id, c.body);
        expect(answer?.status, `user/update ${field} out of its list should answer status "error": ${JSON.stringify(answer)}`).toBe('error');
      } else {
        const res = await api.put(`/user/${target.id}`, c.body, api.adminAuth);
        expect(res.status >= 400 && res.status < 500, `PUT /user/${target.id} should answer 4xx: ${res.status} ${res.text.slice(0, 300)}`).toBe(true);
      }
      expect(await api.read(target.id), 'a refused update changes nothing').toEqual(before);
    },
  });
}
