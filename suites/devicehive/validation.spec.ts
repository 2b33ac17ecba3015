// Validation of the User resource: the typed properties of the documents' tables (seeds 002 and 003), the role and
// status value lists, the required user object, and the password and login rules of the reference server.
import { expect, uniqueName } from '../harness.ts';
import { check, CLIENT_PASSWORD, describe, expect2xx, expect4xx, expectOk, expectRefused, type DhApi, type DhUser, type WsChannel } from './fixtures.ts';

const VALIDATION_FAILED = 'Error! Make sure, that the passed object is correct and properly structured. Validation failed:';
const PASSWORD_RULE = 'Password can contain only from 6 to 128 symbols!';

/** An administrator's WebSocket user/update of another user. */
async function wsUpdate(ws: WsChannel, userId: number, user: unknown): Promise<any> {
  return ws.request({ action: 'user/update', requestId: uniqueName('upd'), userId, user });
}

/** The password still logs in (POST /token 201). */
async function expectPassword(api: DhApi, user: DhUser, password: string, what: string): Promise<void> {
  expect((await api.login(user.login, password)).status, `POST /token with ${what}`).toBe(201);
}

check('devicehive.updateCurrent.validation.user-required', 'user/updateCurrent without the user object is refused', async ({ api, transport }) => {
  const c = await api.newUser();
  expect2xx(await api.put('/user/current', { data: { r: 3 } }, api.bearer(c.token)), 'setting data');
  const o = await api.updateCurrent(transport, c, undefined, { omitUser: true, requestId: 'r3' });
  expect(o.answer?.status, `user/updateCurrent without user: ${describe(o)}`).toBe('error');
  expect((await api.read(c.id)).data).toEqual({ r: 3 });
});

check('devicehive.all.validation.role-enum', 'a role other than 0 or 1 is refused and nothing changes', async ({ api, transport }) => {
  const c = await api.newUser();
  const before = await api.read(c.id);
  if (transport === 'http') {
    for (const body of [{ role: 5 }, { role: -1 }, { role: 2, data: { r: 1 } }]) expect4xx(await api.put(`/user/${c.id}`, body, api.adminAuth), `admin PUT /user/${c.id} ${JSON.stringify(body)}`);
  } else {
    const admin = await api.wsAs(api.admin.token);
    const answer = await wsUpdate(admin, c.id, { role: 5 });
    expect(answer.status, `user/update {"role":5}: ${JSON.stringify(answer)}`).toBe('error');
    const a2 = await api.newUser(0);
    expectRefused(await api.updateCurrent('ws', a2, { role: 5, data: { r: 1 } }), 'an administrator’s user/updateCurrent {"role":5}');
    expect(await api.read(a2.id)).toMatchObject({ role: 0 });
    expect((await api.read(a2.id)).data).not.toEqual({ r: 1 });
  }
  const after = await api.read(c.id);
  expect(after.role).toBe(1);
  expect(after.data).toEqual(before.data);
});

check('devicehive.all.validation.status-enum', 'a status other than 0, 1 or 2 is refused and nothing changes; 0, 1 and 2 are accepted', async ({ api, transport }) => {
  const c = await api.newUser();
  if (transport === 'http') {
    for (const body of [{ status: 3 }, { status: -1 }]) expect4xx(await api.put(`/user/${c.id}`, body, api.adminAuth), `admin PUT /user/${c.id} ${JSON.stringify(body)}`);
    expect((await api.read(c.id)).status).toBe(0);
    for (const status of [1, 2, 0]) {
      expect2xx(await api.put(`/user/${c.id}`, { status }, api.adminAuth), `admin PUT /user/${c.id} {"status":${status}}`);
      expect((await api.read(c.id)).status).toBe(status);
    }
  } else {
    const admin = await api.wsAs(api.admin.token);
    const answer = await wsUpdate(admin, c.id, { status: 3 });
    expect(answer.status, `user/update {"status":3}: ${JSON.stringify(answer)}`).toBe('error');
    const a2 = await api.newUser(0);
    expectRefused(await api.updateCurrent('ws', a2, { status: 3 }), 'an administrator’s user/updateCurrent {"status":3}');
    expect((await api.read(a2.id)).status).toBe(0);
    expect((await api.read(c.id)).status).toBe(0);
  }
});

check('devicehive.updateCurrent.validation.types', 'a body that is not JSON, not an object, or has a property of the wrong type is refused; nothing changes', async ({ api, transport }) => {
  // Each refused body differs from an accepted one only in a type. role and introReviewed are not a client's to
  // send (role-restriction.*): a client's {"role":"abc"} could be refused for the role, not its type, so those
  // bodies are sent by an administrator, for whom {"role":0} and {"introReviewed":true} are fine.
  const c = await api.newUser();
  const a2 = await api.newUser(0);
  for (const u of [c, a2]) expect2xx(await api.put('/user/current', { data: { t: 0 } }, api.bearer(u.token)), 'setting data');
  if (transport === 'http') {
    for (const raw of ['{"password":', '[]', '{"password":123456789}']) {
      expect4xx(await api.put('/user/current', undefined, api.bearer(c.token), raw), `PUT /user/current ${raw}`);
    }
    for (const raw of ['{"introReviewed":1,"data":{"t":1}}', '{"data":{"t":1},"role":"abc"}']) {
      expect4xx(await api.put('/user/current', undefined, api.bearer(a2.token), raw), `an administrator's PUT /user/current ${raw}`);
    }
  } else {
    expectRefused(await api.updateCurrent(transport, c, 'text'), 'user "text"');
    expectRefused(await api.updateCurrent(transport, a2, { introReviewed: 'yes', data: { t: 1 } }), 'an administrator\'s user {"introReviewed":"yes","data":{"t":1}}');
  }
  for (const u of [c, a2]) expect((await api.read(u.id)).data, 'data unchanged').toEqual({ t: 0 });
  expect((await api.read(a2.id)).role, "the administrator's role unchanged").toBe(0);
  await expectPassword(api, c, CLIENT_PASSWORD, 'the unchanged password');
});

check('devicehive.updateCurrent.validation.types-400', 'malformed JSON or a wrong type answers 400 "Invalid request parameters" (messages: "Malformed Json received.")', async ({ api, transport }) => {
  const c = await api.newUser();
  if (transport === 'http') {
    for (const raw of ['{"password":', '[]', '{"role":"abc"}']) {
      const res = await api.put('/user/current', undefined, api.bearer(c.token), raw);
      expect(res.status, `PUT /user/current ${raw}`).toBe(400);
      expect(res.json).toEqual({ error: 400, message: 'Invalid request parameters' });
    }
  } else {
    const o = await api.updateCurrent(transport, c, 'text');
    expect(o.answer).toMatchObject({ status: 'error', code: 400, error: 'Malformed Json received.' });
  }
});

check('devicehive.updateCurrent.validation.password-length', 'a password must have 6 to 128 characters', async ({ api, transport }) => {
  const c = await api.newUser();
  for (const password of ['12345', 'p'.repeat(129)]) {
    const o = await api.updateCurrent(transport, c, { password });
    expect(o.ok, `a ${password.length}-character password is refused: ${describe(o)}`).toBe(false);
    expect(o.code).toBe(400);
    expect(o.message).toBe(PASSWORD_RULE);
  }
  await expectPassword(api, c, CLIENT_PASSWORD, 'the old password');
  for (const password of ['abcdef', 'q'.repeat(128)]) {
    expectOk(await api.updateCurrent(transport, c, { password }), `a ${password.length}-character password`);
    await expectPassword(api, c, password, `the ${password.length}-character password`);
  }
});

check('devicehive.updateCurrent.validation.password-empty', 'an empty password never becomes the password', async ({ api, transport }) => {
  const c = await api.newUser();
  const o = await api.updateCurrent(transport, c, { password: '' });
  expect(o.ok || o.code === 400, `{"password":""} is ignored or refused with 400: ${describe(o)}`).toBe(true);
  await expectPassword(api, c, CLIENT_PASSWORD, 'the old password');
  expect4xx(await api.login(c.login, ''), 'POST /token with an empty password');
});

check('devicehive.updateCurrent.validation.unknown-fields', 'unknown properties (oldPassword, foo) are ignored', async ({ api, transport }) => {
  const c = await api.newUser();
  expectOk(await api.updateCurrent(transport, c, { foo: 1, oldPassword: 'x', password: 'newpass789' }), 'an update with unknown properties');
  await expectPassword(api, c, 'newpass789', 'the new password');
});

check('devicehive.updateCurrent.validation.data-null', '{"data": null} clears the data', async ({ api, transport }) => {
  const c = await api.newUser();
  expectOk(await api.updateCurrent(transport, c, { data: { k: 'v' } }), 'setting data');
  expectOk(await api.updateCurrent(transport, c, { data: null }), '{"data": null}');
  expect((await api.read(c.id)).data ?? null).toBeNull();
});

check('devicehive.all.validation.login-unique', 'another user’s login is refused; one’s own login is fine', async ({ api, transport }) => {
  const d = await api.newUser();
  if (transport === 'http') {
    const c = await api.newUser();
    expect4xx(await api.put(`/user/${c.id}`, { login: d.login }, api.adminAuth), `admin PUT /user/${c.id} with D’s login`);
    expect((await api.read(c.id)).login).toBe(c.login);
    expect2xx(await api.put(`/user/${c.id}`, { login: c.login }, api.adminAuth), `admin PUT /user/${c.id} with its own login`);
  } else {
    const a2 = await api.newUser(0);
    expectRefused(await api.updateCurrent('ws', a2, { login: d.login }), 'an administrator taking D’s login');
    expect((await api.read(a2.id)).login).toBe(a2.login);
    expectOk(await api.updateCurrent('ws', a2, { login: a2.login }), 'an administrator keeping its own login');
  }
  expect((await api.read(d.id)).login).toBe(d.login);
});

check('devicehive.all.validation.login-empty', 'an empty, blank or over-long login is refused with 400', async ({ api, transport }) => {
  const logins = ['', '   ', 'l'.repeat(129)];
  if (transport === 'http') {
    const c = await api.newUser();
    for (const login of logins) {
      const res = await api.put(`/user/${c.id}`, { login }, api.adminAuth);
      expect(res.status, `login ${JSON.stringify(login)}: ${res.text}`).toBe(400);
      expect(String(res.json?.message).startsWith(VALIDATION_FAILED), `message: ${res.json?.message}`).toBe(true);
    }
    expect((await api.read(c.id)).login).toBe(c.login);
  } else {
    const a2 = await api.newUser(0);
    for (const login of logins) {
      const o = await api.updateCurrent('ws', a2, { login });
      expect(o.answer, `login ${JSON.stringify(login)}`).toMatchObject({ status: 'error', code: 400 });
      expect(String(o.message).startsWith(VALIDATION_FAILED), `error: ${o.message}`).toBe(true);
    }
    expect((await api.read(a2.id)).login).toBe(a2.login);
  }
});

check('devicehive.all.validation.login-trimmed', 'white space around a new login is trimmed', async ({ api, transport }) => {
  const fresh = uniqueName('dhtrim');
  const user = transport === 'http' ? await api.newUser() : await api.newUser(0);
  if (transport === 'http') expect2xx(await api.put(`/user/${user.id}`, { login: `  ${fresh}  ` }, api.adminAuth), `admin PUT /user/${user.id} {"login":"  ${fresh}  "}`);
  else expectOk(await api.updateCurrent('ws', user, { login: `  ${fresh}  ` }), `user/updateCurrent {"login":"  ${fresh}  "}`);
  expect((await api.read(user.id)).login).toBe(fresh);
  expect((await api.login(fresh, user.password)).status, 'POST /token with the trimmed login').toBe(201);
  expect((await api.login(user.login, user.password)).status, 'POST /token with the old login').toBe(401);
});
