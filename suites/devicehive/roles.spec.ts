// Who may change what: "Only administrators are allowed to update any property of any user. User-level accounts can
// only change their own password and data fields." (seeds 002 and 003)
import { expect, uniqueName } from '../harness.ts';
import { check, CLIENT_PASSWORD, describe, expect2xx, expect4xx, expectOk } from './fixtures.ts';

const ADMIN_ONLY = 'Admin permissions required for this action';

check('devicehive.updateCurrent.role-restriction.client-password-data', 'a client changes its own password and data', async ({ api, transport }) => {
  const c = await api.newUser();
  expectOk(await api.updateCurrent(transport, c, { password: 'newpass123' }), 'a client’s new password');
  const old = await api.login(c.login, CLIENT_PASSWORD);
  // The old password no longer logs in: any refusal (the reference's 401 is not what this requirement is about).
  expect(old.status >= 400 && old.status < 500, `POST /token with the old password is refused: ${old.status}`).toBe(true);
  expect((await api.login(c.login, 'newpass123')).status, 'POST /token with the new password').toBe(201);
  const data = { k: 'v', n: [1, { m: null }] };
  expectOk(await api.updateCurrent(transport, c, { data }), 'a client’s new data');
  expect((await api.read(c.id)).data).toEqual(data);
});

check('devicehive.updateCurrent.role-restriction.client-login-role-status', 'a client cannot change its login, role or status', async ({ api, transport }) => {
  const c = await api.newUser();
  const fresh = uniqueName('dhnew');
  for (const change of [{ role: 0 }, { status: 2 }, { login: fresh }]) {
    const o = await api.updateCurrent(transport, c, change);
    const row = await api.read(c.id);
    expect(row, `after ${JSON.stringify(change)} (${describe(o)})`).toMatchObject({ role: 1, status: 0, login: c.login });
  }
  expect((await api.login(fresh, CLIENT_PASSWORD)).status, 'POST /token with the login the client tried to take').not.toBe(201);
});

check('devicehive.updateCurrent.role-restriction.client-rejected-403', 'a client request with login, role or status is refused whole with 403 "Admin permissions required for this action"', async ({ api, transport }) => {
  const c = await api.newUser();
  for (const change of [{ role: 1 }, { status: 0 }, { login: c.login }, { password: 'newpass456', role: 1 }]) {
    const o = await api.updateCurrent(transport, c, change);
    expect(o.ok, `${JSON.stringify(change)} is refused: ${describe(o)}`).toBe(false);
    expect(o.code, `${JSON.stringify(change)}: ${describe(o)}`).toBe(403);
    expect(o.message).toBe(ADMIN_ONLY);
    if (transport !== 'http') expect(o.answer?.status).toBe('error');
  }
  expect((await api.login(c.login, 'newpass456')).status, 'no part of a refused request is applied').not.toBe(201);
});

check('devicehive.updateCurrent.role-restriction.client-introreviewed', 'a client cannot change introReviewed', async ({ api, transport }) => {
  const c = await api.newUser();
  const before = (await api.read(c.id)).introReviewed;
  expect(before, 'a new user has not reviewed the intro').not.toBe(true);
  const o = await api.updateCurrent(transport, c, { introReviewed: true });
  expect((await api.read(c.id)).introReviewed, `introReviewed after a client sent true (${describe(o)})`).toEqual(before);
});

check('devicehive.updateCurrent.role-restriction.admin-any-property', 'an administrator changes every property of itself, login, role and status included', async ({ api, transport }) => {
  const a2 = await api.newUser(0);
  const login = uniqueName('dhren');
  const change = { login, role: 0, status: 0, data: { a: 2 }, introReviewed: true, password: 'adminpass2' };
  expectOk(await api.updateCurrent(transport, a2, change), 'an administrator’s update of itself');
  expect(await api.current(a2.token)).toMatchObject({ id: a2.id, login, role: 0, status: 0, data: { a: 2 }, introReviewed: true });
  expect((await api.login(login, 'adminpass2')).status, 'POST /token with the new login and password').toBe(201);
});

check('devicehive.updateUser.role-restriction.admin-any-property', 'an administrator changes every property of any user through PUT /user/{id}', async ({ api }) => {
  const c = await api.newUser();
  const login = uniqueName('dhset');
  const steps: Array<[Record<string, unknown>, Record<string, unknown>]> = [
    [{ role: 0 }, { role: 0 }],
    [{ role: 1 }, { role: 1 }],
    [{ status: 2 }, { status: 2 }],
    [{ status: 0 }, { status: 0 }],
    [{ login }, { login }],
    [{ password: 'adminset1' }, {}],
    [{ data: { z: 1 } }, { data: { z: 1 } }],
    [{ introReviewed: true }, { introReviewed: true }],
  ];
  for (const [change, shows] of steps) {
    expect2xx(await api.put(`/user/${c.id}`, change, api.adminAuth), `admin PUT /user/${c.id} ${JSON.stringify(change)}`);
    expect(await api.read(c.id), `after ${JSON.stringify(change)}`).toMatchObject(shows);
  }
  expect((await api.login(login, 'adminset1')).status, 'POST /token with the new login and password').toBe(201);
});

check('devicehive.updateUser.role-restriction.client-other-user', 'a client cannot update another user, whatever its token grants', async ({ api }) => {
  const c = await api.newUser();
  const d = await api.newUser();
  const before = await api.read(d.id);
  expect4xx(await api.put(`/user/${d.id}`, { data: { evil: 1 } }, api.bearer(c.token)), 'PUT /user/<D> with C’s login token');
  const strong = await api.mint(c.id, ['ManageUser', 'UpdateCurrentUser', 'GetCurrentUser']);
  expect4xx(await api.put(`/user/${d.id}`, { data: { evil: 1 } }, api.bearer(strong)), 'PUT /user/<D> with a token minted for C with ManageUser');
  expect((await api.read(d.id)).data, 'D is unchanged').toEqual(before.data);
});
