// Defaults and excluded fields: every property of the User resource is optional ("Required: No"), JSON null, and the
// id that is not the client's to change.
import { expect } from '../harness.ts';
import { check, expectOk } from './fixtures.ts';

check('devicehive.updateCurrent.default.omitted-fields-unchanged', 'a property left out of the update keeps its value, data included', async ({ api, transport }) => {
  const c = await api.newUser();
  expectOk(await api.updateCurrent(transport, c, { data: { keep: 1 } }), 'setting data');
  const before = await api.read(c.id);
  expectOk(await api.updateCurrent(transport, c, { password: 'another123' }), 'a password-only update');
  const after = await api.read(c.id);
  expect(after, 'the omitted properties kept their values').toMatchObject({ data: { keep: 1 }, role: 1, status: 0, login: c.login, introReviewed: before.introReviewed });
});

check('devicehive.updateCurrent.default.null-as-absent', 'login, role and status sent as null count as absent', async ({ api, transport }) => {
  const c = await api.newUser();
  expectOk(await api.updateCurrent(transport, c, { login: null, role: null, status: null, data: { x: 1 } }), 'a client’s update with null login, role and status');
  expect(await api.read(c.id)).toMatchObject({ data: { x: 1 }, role: 1, status: 0, login: c.login });
});

check('devicehive.all.field-exclusion.id-not-updatable', 'an id (and a lastLogin) in the update body change nothing', async ({ api, transport }) => {
  const c = await api.newUser();
  const id = await api.unusedId();
  api.adopt(id);
  const lastLogin = '2001-01-01T00:00:00.000';
  if (transport === 'http') {
    // Whatever the answers: refusing the ids or ignoring them are both fine.
    await api.put(`/user/${c.id}`, { id, lastLogin, data: { i: 1 } }, api.adminAuth);
    await api.put('/user/current', { id, data: { i: 2 } }, api.bearer(c.token));
  } else {
    const admin = await api.wsAs(api.admin.token);
    await admin.request({ action: 'user/update', requestId: 'i1', userId: c.id, user: { id, lastLogin, data: { i: 1 } } });
    await api.updateCurrent('ws', c, { id, data: { i: 2 } });
  }
  const row = await api.read(c.id);
  expect(row.id, 'the user keeps its id').toBe(c.id);
  expect((await api.get(`/user/${id}`, api.adminAuth)).status, `no user appeared at id ${id}`).toBe(404);
  expect(row.lastLogin, 'lastLogin is not the one sent').not.toBe(lastLogin);
});
