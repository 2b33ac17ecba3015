// DeviceHive answers: the empty REST success, the REST error body, the user/updateCurrent answer messages and the
// WebSocket endpoint (seed 003 "returns an empty response body"; seed 002 "Payload Representation", "requestId").
import { expect, type HttpAnswer } from '../harness.ts';
import { check, describe, expect2xx, expectOk, schemaProblem } from './fixtures.ts';

check('devicehive.all.envelope.http-empty-body', 'a successful PUT /user/current or PUT /user/{id} answers 2xx with an empty body', async ({ api }) => {
  const c = await api.newUser();
  const answers: Array<[string, HttpAnswer]> = [
    ['client PUT /user/current', await api.put('/user/current', { data: { k: 'v' } }, api.bearer(c.token))],
    [`admin PUT /user/${c.id}`, await api.put(`/user/${c.id}`, { data: { k: 'w' } }, api.adminAuth)],
  ];
  for (const [what, res] of answers) {
    expect2xx(res, what);
    expect(res.text, `${what}: the body is empty`).toBe('');
  }
});

check('devicehive.all.envelope.http-204', 'the success status is 204 No Content', async ({ api }) => {
  const c = await api.newUser();
  expect((await api.put('/user/current', { data: { k: 'v' } }, api.bearer(c.token))).status, 'client PUT /user/current').toBe(204);
  expect((await api.put(`/user/${c.id}`, { data: { k: 'w' } }, api.adminAuth)).status, `admin PUT /user/${c.id}`).toBe(204);
});

check('devicehive.all.envelope.http-error', 'every 4xx of the update routes carries {"error": <status>, "message": <text>}', async ({ api }) => {
  const c = await api.newUser();
  const weak = await api.mint(c.id, ['GetCurrentUser']);
  const [header, payload] = c.token.split('.');
  const cases: Array<[string, HttpAnswer]> = [
    ['no Authorization header', await api.put('/user/current', { data: { x: 1 } }, null)],
    ['no Authorization header, PUT /user/{id}', await api.put(`/user/${c.id}`, { data: { x: 1 } }, null)],
    ['a token without UpdateCurrentUser', await api.put('/user/current', { data: { x: 1 } }, api.bearer(weak))],
    ['"Bearer garbage"', await api.put('/user/current', { data: { x: 1 } }, 'Bearer garbage')],
    ['the token without "Bearer "', await api.put('/user/current', { data: { x: 1 } }, c.token)],
    ['a refresh token', await api.put('/user/current', { data: { x: 1 } }, api.bearer(c.refreshToken))],
    ['an unsigned token', await api.put('/user/current', { data: { x: 1 } }, api.bearer(`${header}.${payload}.`))],
    ['a client sending role', await api.put('/user/current', { role: 0 }, api.bearer(c.token))],
    ['malformed JSON', await api.put('/user/current', undefined, api.bearer(c.token), '{"password":')],
    ['a 5-character password', await api.put('/user/current', { password: '12345' }, api.bearer(c.token))],
    ['an id that is not an integer', await api.put('/user/abc', { data: { x: 1 } }, api.adminAuth)],
    ['an unknown id', await api.put(`/user/${await api.unusedId()}`, {}, api.adminAuth)],
  ];
  let refusals = 0;
  for (const [what, res] of cases) {
    if (res.status < 400 || res.status >= 500) continue;
    refusals++;
    expect(schemaProblem('devicehive/error.json', res.json), `${what}: ${res.status} ${res.text}`).toBeUndefined();
    expect(res.json?.error, `${what}: error is the HTTP status`).toBe(res.status);
  }
  expect(refusals, 'the requests without a token at least are refused').toBeGreaterThanOrEqual(2);
});

check('devicehive.updateCurrent.envelope.message-success', 'the success answer is {"action":"user/updateCurrent","requestId":…,"status":"success"}', async ({ api, transport }) => {
  const c = await api.newUser();
  const o = await api.updateCurrent(transport, c, { data: { s: 1 } }, { requestId: 'm1' });
  expect(schemaProblem('devicehive/user-update-current.response.json', o.answer)).toBeUndefined();
  expect(o.answer).toMatchObject({ action: 'user/updateCurrent', status: 'success' });
});

check('devicehive.updateCurrent.envelope.request-id-echo', 'the answer carries the requestId as sent: a string, a number, an object, on success and on error', async ({ api, transport }) => {
  const c = await api.newUser();
  for (const requestId of ['r1', 42, { k: [1, 'x'] }]) {
    const o = await api.updateCurrent(transport, c, { data: {} }, { requestId });
    expect(o.answer?.requestId, `requestId ${JSON.stringify(requestId)}: ${describe(o)}`).toEqual(requestId);
  }
  for (const requestId of ['e1', 7]) {
    const refused = await api.updateCurrent(transport, c, { role: 0 }, { requestId });
    expect(refused.answer?.requestId, `requestId ${JSON.stringify(requestId)} of a client sending role: ${describe(refused)}`).toEqual(requestId);
  }
});

check('devicehive.updateCurrent.default.request-id-optional', 'without requestId the update still runs; the answer has no requestId or null', async ({ api, transport }) => {
  const c = await api.newUser();
  const o = await api.updateCurrent(transport, c, { data: { n: 1 } }, { omitRequestId: true });
  expectOk(o, 'user/updateCurrent without requestId');
  expect(o.answer.requestId ?? null).toBeNull();
  expect((await api.read(c.id)).data).toEqual({ n: 1 });
});

check('devicehive.updateCurrent.envelope.message-error-status', 'a failed user/updateCurrent answers status "error" with its action and requestId', async ({ api, transport }) => {
  const c = await api.newUser();
  const o = await api.updateCurrent(transport, c, undefined, { omitUser: true, requestId: 'e1' });
  expect(o.answer, 'user/updateCurrent without user is refused').toMatchObject({ action: 'user/updateCurrent', requestId: 'e1', status: 'error' });
  expect(schemaProblem('devicehive/user-update-current.response.json', o.answer)).toBeUndefined();
});

check('devicehive.updateCurrent.envelope.message-error-fields', 'an error answer also carries code and error', async ({ api, transport }) => {
  const c = await api.newUser();
  const missing = await api.updateCurrent(transport, c, undefined, { omitUser: true, requestId: 'e0' });
  expect(schemaProblem('devicehive/ws-response.json#/$defs/wsError', missing.answer)).toBeUndefined();
  expect(Number.isInteger(missing.answer?.code), `code is an integer: ${describe(missing)}`).toBe(true);
  expect(typeof missing.answer?.error, `error is a text: ${describe(missing)}`).toBe('string');
  const o = await api.updateCurrent(transport, c, { role: 0 }, { requestId: 'e1' });
  expect(o.answer).toEqual({ action: 'user/updateCurrent', requestId: 'e1', code: 403, status: 'error', error: 'Admin permissions required for this action' });
});

check('devicehive.all.envelope.ws-malformed-json', 'text that is not a JSON object answers code 400 "Malformed Json received." without action; the session goes on', async ({ api }) => {
  const c = await api.newUser();
  const ws = await api.wsAs(c.token);
  const answer = await ws.request('not json', 'WebSocket answer to the text "not json"');
  expect(answer).toMatchObject({ code: 400, status: 'error', error: 'Malformed Json received.' });
  expect(answer.action ?? null, 'the answer names no action').toBeNull();
  const next = await ws.request({ action: 'user/updateCurrent', requestId: 'after', user: { data: { m: 1 } } });
  expect(next.status, `the session stays usable: ${JSON.stringify(next)}`).toBe('success');
});

check('devicehive.all.transport.ws-endpoint-info', 'GET /info names the WebSocket endpoint, and the WebSocket API answers there', async ({ api }) => {
  const c = await api.newUser();
  const info = await api.get('/info', null);
  expect(info.status).toBe(200);
  expect(schemaProblem('devicehive/info.json', info.json)).toBeUndefined();
  const url = info.json?.webSocketServerUrl;
  expect(url, 'webSocketServerUrl is a ws:// or wss:// URL').toMatch(/^wss?:\/\/\S+$/);
  const ws = await api.ws(url);
  const answer = await ws.request({ action: 'authenticate', requestId: 'a1', token: c.token });
  expect(answer).toMatchObject({ action: 'authenticate', requestId: 'a1', status: 'success' });
});
