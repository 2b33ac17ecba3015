// The generative phase for an administrator's update of another user (issue 12): the WebSocket user/update with
// userId (the counterpart of PUT /user/{id}; MQTT carries only user/updateCurrent in the catalogue), and the rules
// both routes share: the id and lastLogin are not the body's to change, a login must be unique, non-blank and at
// most 128 characters. User resources drawn by json-schema-faker (user-resources.ts), mutations by fast-check; every
// outcome read back through GET /user/{id}.
import { expect, uniqueName } from '../harness.ts';
import { test, schemaProblem, type DhApi, type DhUser } from './fixtures.ts';
import type { Transport } from '../../src/specs/families.ts';
import { generated, type GeneratedTest } from '../generative/declare.ts';
import { choose, drawMutations, type Mutation } from '../generative/mutations.ts';
import type { GeneratedCase } from '../generative/run-cases.ts';
import { adminWsUpdate, users, type User } from './user-resources.ts';

interface DhFixtures {
  api: DhApi;
  transport: Transport;
}

function declare(id: string, title: string, spec: GeneratedTest<DhFixtures>): void {
  generated<any>(test, 'devicehive', id, title, spec as GeneratedTest<any>);
}

/** An administrator's update of user `id`: REST PUT /user/{id} or WebSocket user/update; ok and the answer's text. */
async function adminUpdate(api: DhApi, transport: Transport, id: number, user: unknown): Promise<{ ok: boolean; code: number | undefined; message: string; text: string }> {
  if (transport === 'ws') {
    const answer = await adminWsUpdate(api, id, user);
    return { ok: answer?.status === 'success', code: answer?.code, message: String(answer?.error ?? ''), text: JSON.stringify(answer) };
  }
  const res = await api.put(`/user/${id}`, user, api.adminAuth);
  return { ok: res.status >= 200 && res.status < 300, code: res.status, message: String(res.json?.message ?? ''), text: `${res.status} ${res.text.slice(0, 300)}` };
}

declare('devicehive.updateUser.route.ws-action', 'an administrator’s generated User resource sent as user/update with userId is accepted and read back', {
  transports: ['ws'],
  cases: (_f, n, seed) => users(n, seed, true).map((u): GeneratedCase => ({ label: 'accepted', body: u, optional: ['password', 'introReviewed'] })),
  check: async ({ api }, c) => {
    const target = await api.newUser();
    const user = c.body as User;
    const answer = await adminWsUpdate(api, target.id, user);
    expect(answer?.status, `user/update should answer status "success": ${JSON.stringify(answer)}`).toBe('success');
    expect(schemaProblem('devicehive/user-update.response.json', answer), JSON.stringify(answer)).toBeUndefined();
    const { password: sent, ...shown } = user;
    expect(await api.read(target.id), 'the read-back holds every sent property').toMatchObject(shown);
    if (typeof sent === 'string' && user.status === 0) expect((await api.login(String(user.login), sent)).status, 'POST /token with the new login and password').toBe(201);
  },
});

/** A timestamp in DeviceHive's format, years before any test ran: a lastLogin the server cannot have set itself. */
const oldTimestamp = (pick: number) => {
  const d = new Date(Date.UTC(1990 + (pick % 20), pick % 12, 1 + (pick % 28), pick % 24, pick % 60, pick % 60));
  return d.toISOString().replace('Z', '');
};

declare('devicehive.all.field-exclusion.id-not-updatable', 'an administrator’s generated User resource with an id or a lastLogin never moves the user nor sets them', {
  transports: ['http', 'ws'],
  cases: (_f, n, seed) => {
    const valid = users(n, seed, true);
    const mutations: Array<Mutation<User>> = [
      { name: 'with an id', apply: (v) => ({ ...v, id: 'UNUSED' }) },
      { name: 'with a lastLogin', apply: (v, pick) => ({ ...v, lastLogin: oldTimestamp(pick) }) },
      { name: 'with an id and a lastLogin', apply: (v, pick) => ({ ...v, id: 'UNUSED', lastLogin: oldTimestamp(pick) }) },
    ];
    return drawMutations(mutations, n, seed).map(({ mutation, pick }, i) => ({ label: mutation.name, body: mutation.apply(valid[i] as User, pick), optional: ['password', 'introReviewed', 'data'] }));
  },
  check: async ({ api, transport }, c) => {
    const target = await api.newUser();
    const body = { ...(c.body as User) };
    // "UNUSED" stands for an id no user has, found when the case runs (the shown case keeps the placeholder).
    let moved: number | undefined;
    if (body.id === 'UNUSED') {
      moved = await api.unusedId();
      api.adopt(moved);
      body.id = moved;
    }
    // Whatever the answer: refusing the body or ignoring the id and lastLogin are both fine.
    await adminUpdate(api, transport, target.id, body);
    const row = await api.read(target.id);
    expect(row?.id, 'the user keeps its id').toBe(target.id);
    if (moved !== undefined) expect((await api.get(`/user/${moved}`, api.adminAuth)).status, `no user appeared at id ${moved}`).toBe(404);
    if (body.lastLogin !== undefined) expect(row?.lastLogin, 'lastLogin is not the one sent').not.toBe(body.lastLogin);
  },
});

/** Per test: a user whose login the cases try to take. */
const others = new WeakMap<DhApi, Promise<DhUser>>();
const otherOf = (api: DhApi): Promise<DhUser> => {
  let o = others.get(api);
  if (!o) others.set(api, (o = api.newUser()));
  return o;
};

declare('devicehive.all.validation.login-unique', 'an administrator’s generated User resource taking another user’s login is refused; the login is unchanged', {
  transports: ['http', 'ws'],
  cases: (_f, n, seed) => {
    const valid = users(n, seed, true);
    // "OTHER" and "ADMIN" stand for another test user's login and the administrator's, known when the case runs.
    const mutations: Array<Mutation<User>> = [{ name: 'with another user’s login', apply: (v, pick) => ({ ...v, login: choose(['OTHER', 'ADMIN'], pick) }) }];
    return drawMutations(mutations, n, seed).map(({ mutation, pick }, i) => ({ label: mutation.name, body: mutation.apply(valid[i] as User, pick), optional: ['password', 'introReviewed', 'data', 'role', 'status'] }));
  },
  check: async ({ api, transport }, c) => {
    const target = await api.newUser();
    const other = await otherOf(api);
    const body = c.body as User;
    const taken = body.login === 'ADMIN' ? api.admin.login : other.login;
    const o = await adminUpdate(api, transport, target.id, { ...body, login: taken });
    expect(o.ok, `an update taking a used login should be refused: ${o.text}`).toBe(false);
    if (transport === 'http') expect((o.code ?? 0) >= 400 && (o.code ?? 0) < 500, `a 4xx: ${o.text}`).toBe(true);
    expect((await api.read(target.id))?.login, 'the login is unchanged').toBe(target.login);
    expect((await api.read(other.id))?.login, 'the other user keeps its login').toBe(other.login);
  },
});

const VALIDATION_FAILED = 'Error! Make sure, that the passed object is correct and properly structured. Validation failed:';

declare('devicehive.all.validation.login-empty', 'an administrator’s generated User resource with an empty, blank or over-long login is refused with 400; the login is unchanged', {
  transports: ['http', 'ws'],
  cases: (_f, n, seed) => {
    const valid = users(n, seed, true);
    const mutations: Array<Mutation<User>> = [
      { name: 'login empty', apply: (v) => ({ ...v, login: '' }) },
      { name: 'login blank', apply: (v, pick) => ({ ...v, login: ' '.repeat(1 + (pick % 10)) }) },
      { name: 'login over 128 characters', apply: (v, pick) => ({ ...v, login: `${uniqueName('dhlong')}`.padEnd(129 + (pick % 200), 'l') }) },
    ];
    return drawMutations(mutations, n, seed).map(({ mutation, pick }, i) => ({ label: mutation.name, body: mutation.apply(valid[i] as User, pick), optional: ['password', 'introReviewed', 'data', 'role', 'status'] }));
  },
  check: async ({ api, transport }, c) => {
    const target = await api.newUser();
    const o = await adminUpdate(api, transport, target.id, c.body);
    expect(o.code, `${c.label}: 400 expected: ${o.text}`).toBe(400);
    expect(o.message.startsWith(VALIDATION_FAILED), `the validation message: ${o.text}`).toBe(true);
    expect((await api.read(target.id))?.login, 'the login is unchanged').toBe(target.login);
  },
});
