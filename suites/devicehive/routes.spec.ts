// DeviceHive routes: PUT /user/{id}, PUT /user/current, the user/updateCurrent message and the WebSocket user/update
// (seeds 002 and 003: "PUT /user/{id}", "Use the 'current' keyword", "Action name: user/updateCurrent").
import { expect, uniqueName } from '../harness.ts';
import { check, expect2xx, expect4xx, expectOk, schemaProblem } from './fixtures.ts';

check('devicehive.updateUser.route.put-user-id', 'an administrator’s PUT /user/{id} with a User resource updates that user', async ({ api }) => {
  const c = await api.newUser();
  const res = await api.put(`/user/${c.id}`, { data: { k: 'v' }, introReviewed: true }, api.adminAuth);
  expect2xx(res, `PUT /user/${c.id}`);
  expect(await api.read(c.id)).toMatchObject({ id: c.id, data: { k: 'v' }, introReviewed: true });
});

check('devicehive.updateCurrent.route.put-user-current', 'PUT /user/current updates the user the token belongs to, and only that user', async ({ api }) => {
  const c = await api.newUser();
  const adminData = (await api.current(api.admin.token)).data;
  const res = await api.put('/user/current', { data: { k: 'v' } }, api.bearer(c.token));
  expect2xx(res, 'PUT /user/current');
  const me = await api.current(c.token);
  expect(me.id, 'GET /user/current is the token’s user').toBe(c.id);
  expect(me.data).toEqual({ k: 'v' });
  expect((await api.current(api.admin.token)).data, 'the administrator’s data is unchanged').toEqual(adminData);
});

check('devicehive.updateCurrent.route.message-action', 'the user/updateCurrent message updates the authenticated user with its user object', async ({ api, transport }) => {
  const c = await api.newUser();
  const data = transport === 'ws' ? { a: 1 } : { d: 'x' };
  const o = await api.updateCurrent(transport, c, { data }, { requestId: 'r1' });
  expectOk(o, 'user/updateCurrent {data}');
  expect((await api.current(c.token)).data).toEqual(data);
});

check('devicehive.updateUser.route.ws-action', 'the WebSocket action user/update with userId updates that user; errors for a missing or unknown id and for a client', async ({ api }) => {
  const c = await api.newUser();
  const d = await api.newUser();
  const admin = await api.wsAs(api.admin.token);
  const ok = await admin.request({ action: 'user/update', requestId: 'u1', userId: c.id, user: { status: 0, data: { u: 1 } } });
  expect(ok).toMatchObject({ action: 'user/update', requestId: 'u1', status: 'success' });
  expect(schemaProblem('devicehive/user-update.response.json', ok)).toBeUndefined();
  expect((await api.read(c.id)).data).toEqual({ u: 1 });

  const noId = await admin.request({ action: 'user/update', requestId: 'u2', user: { data: { u: 2 } } });
  expect(noId.status, `user/update without userId: ${JSON.stringify(noId)}`).toBe('error');
  const unknown = await admin.request({ action: 'user/update', requestId: 'u3', userId: await api.unusedId(), user: { data: { u: 3 } } });
  expect(unknown.status, `user/update with an unknown userId: ${JSON.stringify(unknown)}`).toBe('error');

  const client = await api.wsAs(c.token);
  const before = await api.read(d.id);
  const denied = await client.request({ action: 'user/update', requestId: 'u4', userId: d.id, user: { data: { u: 4 } } });
  expect(denied.status, `a client’s user/update of another user: ${JSON.stringify(denied)}`).toBe('error');
  expect((await api.read(d.id)).data).toEqual(before.data);
  expect((await api.read(c.id)).data).toEqual({ u: 1 });
});

check('devicehive.updateUser.validation.id-integer', 'PUT /user/abc is refused and updates nobody', async ({ api }) => {
  const c = await api.newUser();
  const marker = { x: uniqueName('abc') };
  const res = await api.put('/user/abc', { data: marker }, api.adminAuth);
  expect4xx(res, 'PUT /user/abc');
  expect((await api.current(api.admin.token)).data, 'the caller is not updated').not.toEqual(marker);
  expect((await api.read(c.id)).data).not.toEqual(marker);
});

check('devicehive.updateUser.validation.user-not-found', 'an unknown id answers 404 "User with id = <id> not found"', async ({ api }) => {
  const id = await api.unusedId();
  const res = await api.put(`/user/${id}`, {}, api.adminAuth);
  expect(res.status).toBe(404);
  expect(res.json).toMatchObject({ error: 404, message: `User with id = ${id} not found` });
});
