// DeviceHive authentication: "Access JSON Web Token (UpdateCurrentUser)" (seeds 002 and 003), the Bearer header, the
// WebSocket authenticate action and the token-less and token-poor callers.
import { expect } from '../harness.ts';
import { check, expect2xx, expect4xx, expectOk, expectRefused, MqttChannel, schemaProblem } from './fixtures.ts';

check('devicehive.all.auth.bearer-header', 'POST /token gives an access JWT that works as "Authorization: Bearer <token>" and not without "Bearer "', async ({ api }) => {
  const c = await api.newUser();
  const tokens = await api.login(c.login, c.password);
  expect(tokens.status, 'POST /token answers 201').toBe(201);
  expect(schemaProblem('devicehive/token.json#/$defs/tokenResponse', tokens.json)).toBeUndefined();
  const token = tokens.json.accessToken as string;
  const bare = await api.put('/user/current', { data: { nb: 1 } }, token);
  // Refused is what the requirement says; 401 is the reference's status (auth.unauthorized-401's kind of detail).
  expect4xx(bare, 'the token without "Bearer "');
  expect((await api.read(c.id)).data).not.toEqual({ nb: 1 });
  const ok = await api.put('/user/current', { data: { b: 1 } }, api.bearer(token));
  expect2xx(ok, 'PUT /user/current with "Bearer <token>"');
  expect((await api.read(c.id)).data).toEqual({ b: 1 });
});

check('devicehive.all.auth.jwt-required', 'without an access token the update is refused and nothing changes', async ({ api, transport }) => {
  const c = await api.newUser();
  const before = await api.read(c.id);
  const adminData = (await api.current(api.admin.token)).data;
  if (transport === 'http') {
    expect4xx(await api.put('/user/current', { data: { x: 1 } }, null), 'PUT /user/current without Authorization');
    expect4xx(await api.put(`/user/${c.id}`, { data: { x: 1 } }, null), `PUT /user/${c.id} without Authorization`);
  } else {
    const ws = await api.ws();
    const current = await ws.request({ action: 'user/updateCurrent', requestId: 'n1', user: { data: { x: 1 } } });
    expect(current.status, `user/updateCurrent before authenticate: ${JSON.stringify(current)}`).toBe('error');
    const byId = await ws.request({ action: 'user/update', requestId: 'n2', userId: c.id, user: { data: { x: 1 } } });
    expect(byId.status, `user/update before authenticate: ${JSON.stringify(byId)}`).toBe('error');
  }
  expect((await api.read(c.id)).data).toEqual(before.data);
  expect((await api.current(api.admin.token)).data, 'nobody else was updated').toEqual(adminData);
});

check('devicehive.all.auth.unauthorized-401', 'a missing token answers 401 "Unauthorized"', async ({ api, transport }) => {
  const c = await api.newUser();
  if (transport === 'http') {
    for (const path of ['/user/current', `/user/${c.id}`]) {
      const res = await api.put(path, { data: { x: 1 } }, null);
      expect(res.status, `PUT ${path} without Authorization`).toBe(401);
      expect(res.json).toMatchObject({ error: 401, message: 'Unauthorized' });
    }
  } else {
    const ws = await api.ws();
    const current = await ws.request({ action: 'user/updateCurrent', requestId: 'n1', user: { data: { x: 1 } } });
    expect(current).toMatchObject({ status: 'error', code: 401, error: 'Unauthorized' });
    const byId = await ws.request({ action: 'user/update', requestId: 'n2', userId: c.id, user: { data: { x: 1 } } });
    expect(byId).toMatchObject({ status: 'error', code: 401, error: 'Unauthorized' });
  }
});

check('devicehive.all.auth.invalid-token', 'garbage, a refresh token and a token with an altered signature are refused; nothing changes', async ({ api, transport }) => {
  const c = await api.newUser();
  const before = await api.read(c.id);
  const [header, payload, signature = ''] = c.token.split('.');
  // The first character of the signature carries six bits of its first byte: changing it changes the signature.
  const altered = `${header}.${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
  const tokens = [
    ['garbage', 'garbage'],
    ['the refresh token', c.refreshToken],
    ['the access token with an altered signature', altered],
  ] as const;
  for (const [what, token] of tokens) {
    if (transport === 'http') {
      expect4xx(await api.put('/user/current', { data: { x: 1 } }, api.bearer(token)), `PUT /user/current with ${what}`);
    } else {
      // Whatever authenticate answers (its code is auth.ws-authenticate-errors' SHOULD), the session must not act
      // as C: the same update a session authenticated with C's access token makes is refused.
      const ws = await api.ws();
      await ws.request({ action: 'authenticate', requestId: 'a', token });
      const update = await ws.request({ action: 'user/updateCurrent', requestId: 'u', user: { data: { x: 1 } } });
      expect(update.status, `user/updateCurrent after authenticate with ${what}: ${JSON.stringify(update)}`).toBe('error');
    }
  }
  expect((await api.read(c.id)).data).toEqual(before.data);
});

check('devicehive.all.auth.inactive-user', 'the tokens of a locked (1) or disabled (2) user stop working at once', async ({ api }) => {
  for (const status of [1, 2]) {
    const c = await api.newUser();
    expect2xx(await api.put(`/user/${c.id}`, { status }, api.adminAuth), `admin sets status ${status}`);
    expect((await api.read(c.id)).status).toBe(status);
    const res = await api.put('/user/current', { data: { x: 1 } }, api.bearer(c.token));
    expect(res.status, `the old token of a user with status ${status}: ${res.text}`).toBe(401);
    expect((await api.login(c.login, c.password)).status, `POST /token for a user with status ${status}`).toBe(401);
  }
});

check('devicehive.updateCurrent.auth.update-current-user-action', 'a token without UpdateCurrentUser is refused; with it the update runs', async ({ api, transport }) => {
  const c = await api.newUser();
  const before = await api.read(c.id);
  const weak = { token: await api.mint(c.id, ['GetCurrentUser']) };
  if (transport === 'mqtt') {
    // The broker may already refuse the answer topic to such a client; if not, the answer must be an error.
    const mqtt = (await api.channel('mqtt', weak)) as MqttChannel;
    const topic = mqtt.responseTopic('user/updateCurrent');
    if ((await mqtt.subscribe(topic)) < 128) {
      const answer = await mqtt.request({ action: 'user/updateCurrent', requestId: 'w1', user: { data: { x: 1 } } });
      expect(answer?.status, `a token without UpdateCurrentUser: ${JSON.stringify(answer)}`).toBe('error');
    }
  } else {
    expectRefused(await api.updateCurrent(transport, weak, { data: { x: 1 } }), 'a token without UpdateCurrentUser');
  }
  expect((await api.read(c.id)).data, 'nothing changed').toEqual(before.data);
  const strong = { token: await api.mint(c.id, ['GetCurrentUser', 'UpdateCurrentUser']) };
  expectOk(await api.updateCurrent(transport, strong, { data: { y: 1 } }), 'a token with UpdateCurrentUser');
  expect((await api.read(c.id)).data).toEqual({ y: 1 });
});

check('devicehive.updateUser.auth.update-current-user-token', 'a client’s own login token (UpdateCurrentUser) may update it through PUT /user/{its id}', async ({ api }) => {
  const c = await api.newUser();
  const res = await api.put(`/user/${c.id}`, { data: { own: 1 } }, api.bearer(c.token));
  expect2xx(res, `client PUT /user/${c.id}`);
  expect((await api.current(c.token)).data).toEqual({ own: 1 });
});

check('devicehive.all.auth.ws-authenticate', 'authenticate with an access token authenticates the WebSocket session as that user', async ({ api }) => {
  const c = await api.newUser();
  const adminData = (await api.current(api.admin.token)).data;
  const ws = await api.ws();
  const answer = await ws.request({ action: 'authenticate', requestId: 'a1', token: c.token });
  expect(answer).toMatchObject({ action: 'authenticate', requestId: 'a1', status: 'success' });
  expect(schemaProblem('devicehive/ws-response.json#/$defs/wsSuccess', answer)).toBeUndefined();
  const update = await ws.request({ action: 'user/updateCurrent', requestId: 'w1', user: { data: { w: 1 } } });
  expect(update.status, `user/updateCurrent on the authenticated session: ${JSON.stringify(update)}`).toBe('success');
  expect((await api.read(c.id)).data).toEqual({ w: 1 });
  expect((await api.current(api.admin.token)).data, 'the administrator is not updated').toEqual(adminData);
});

check('devicehive.all.auth.ws-authenticate-errors', 'authenticate with no, a garbage or a refresh token answers code 401; the session stays anonymous', async ({ api }) => {
  const c = await api.newUser();
  const ws = await api.ws();
  expect(await ws.request({ action: 'authenticate', requestId: 'n', token: null })).toMatchObject({ status: 'error', code: 401, error: 'Unauthorized' });
  expect(await ws.request({ action: 'authenticate', requestId: 'g', token: 'garbage' })).toMatchObject({ status: 'error', code: 401, error: 'Invalid credentials' });
  expect(await ws.request({ action: 'authenticate', requestId: 'r', token: c.refreshToken })).toMatchObject({ status: 'error', code: 401, error: 'Invalid credentials' });
  const update = await ws.request({ action: 'user/updateCurrent', requestId: 'u', user: { data: { x: 1 } } });
  expect(update.status, `user/updateCurrent after failed authenticates: ${JSON.stringify(update)}`).toBe('error');
  expect((await api.read(c.id)).data).not.toEqual({ x: 1 });
});
