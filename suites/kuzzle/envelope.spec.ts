// kuzzle: the response envelope of both operations, on every transport (kuzzle.md §2).
import { check, expect, expectOk, schemaProblem, type Answer, type KuzzleApi, type Transport } from './fixtures.ts';

/** Successful and failing answers of both operations over one transport, each with what was asked. */
async function mixedAnswers(api: KuzzleApi, transport: Transport): Promise<Array<[string, Answer]>> {
  const u = await api.user();
  const p = await api.profile();
  const admin = await api.admin();
  const t = api.on(transport);
  return [
    ['updateSelf (success)', await t.updateSelf(u.token, { fullname: 'Envelope' })],
    ['updateProfile (success)', await t.updateProfile(admin, p, { rateLimit: 5 })],
    ...(await errorAnswers(api, transport, u.token, p)),
  ];
}

/** Error answers of both operations over one transport (400, 401, 403, 404). */
async function errorAnswers(api: KuzzleApi, transport: Transport, userToken: string, p: string): Promise<Array<[string, Answer]>> {
  const admin = await api.admin();
  const t = api.on(transport);
  return [
    ['anonymous updateSelf', await t.updateSelf(null, { fullname: 'x' })],
    ['updateSelf with the token "abc"', await t.updateSelf('abc', { fullname: 'x' })],
    ['updateSelf with profileIds', await t.updateSelf(userToken, { profileIds: ['admin'] })],
    ['updateSelf without a body', await t.updateSelf(userToken, undefined)],
    ['updateSelf with retryOnConflict=abc', await t.updateSelf(userToken, { fullname: 'x' }, { args: { retryOnConflict: 'abc' } })],
    ['updateProfile as a user without the right', await t.updateProfile(userToken, p, { rateLimit: 1 })],
    ['updateProfile of an unknown profile', await t.updateProfile(admin, api.absentProfileId(), { rateLimit: 1 })],
    ['updateProfile with an unknown role', await t.updateProfile(admin, p, { policies: [{ roleId: `conform-no-role-${Date.now().toString(36)}` }] })],
  ];
}

check('kuzzle.all.envelope.http-status', 'the HTTP status code equals the envelope status, on success and on error', async ({ api }) => {
  const answers = await mixedAnswers(api, 'http');
  expect(answers.some(([, a]) => a.status >= 400), 'some answers are errors').toBe(true);
  for (const [what, a] of answers) {
    expect(typeof a.json?.status, `${what}: an envelope with a numeric status`).toBe('number');
    expect(a.httpStatus, `${what}: HTTP status = envelope status ${a.json?.status}`).toBe(a.json?.status);
  }
});

check('kuzzle.all.envelope.common-keys', 'the envelope also carries volatile (echoed) and headers', async ({ api, transport }) => {
  const answers = await mixedAnswers(api, transport);
  for (const [what, a] of answers) {
    for (const key of ['action', 'controller', 'error', 'requestId', 'status', 'volatile', 'headers']) expect(a.json, `${what}: key ${key}`).toHaveProperty(key);
    expect(typeof a.json?.headers === 'object' && a.json?.headers !== null && !Array.isArray(a.json?.headers), `${what}: headers is an object`).toBe(true);
    expect(schemaProblem('kuzzle/envelope.json', a.json), `${what}: ${a.text.slice(0, 300)}`).toBeUndefined();
  }
  const u = await api.user();
  const p = await api.profile();
  const t = api.on(transport);
  const volatile = { conform: 1 };
  const self = await t.updateSelf(u.token, { fullname: 'Volatile' }, { volatile });
  expectOk(self, 'updateSelf with volatile');
  expect(self.json?.volatile, 'updateSelf echoes volatile').toEqual(volatile);
  const profile = await t.updateProfile(await api.admin(), p, { rateLimit: 2 }, { volatile });
  expectOk(profile, 'updateProfile with volatile');
  expect(profile.json?.volatile, 'updateProfile echoes volatile').toEqual(volatile);
});

check('kuzzle.all.envelope.error', 'an error answer: status = error.status, error {message, status}, result null', async ({ api, transport }) => {
  const u = await api.user();
  const p = await api.profile();
  for (const [what, a] of await errorAnswers(api, transport, u.token, p)) {
    expect(a.status, `${what} is an error`).toBeGreaterThanOrEqual(400);
    expect(schemaProblem('kuzzle/envelope.json#/$defs/error', a.json), `${what}: ${a.text.slice(0, 300)}`).toBeUndefined();
    expect(a.json?.error?.status, `${what}: error.status = status`).toBe(a.json?.status);
    expect(typeof a.json?.error?.message, `${what}: error.message`).toBe('string');
    expect(a.json?.result ?? null, `${what}: result`).toBeNull();
  }
});

check('kuzzle.all.envelope.error-identifiers', 'error objects carry id, numeric code and props', async ({ api, transport }) => {
  const u = await api.user();
  const p = await api.profile();
  for (const [what, a] of await errorAnswers(api, transport, u.token, p)) {
    const error = a.json?.error;
    expect(schemaProblem('kuzzle/common.json#/$defs/errorObject', error), `${what}: ${a.text.slice(0, 300)}`).toBeUndefined();
    expect(error?.id, `${what}: error.id`).toMatch(/^[a-z_]+\.[a-z_]+\.[a-z_]+$/);
    expect(Number.isInteger(error?.code), `${what}: error.code is an integer`).toBe(true);
    expect(Array.isArray(error?.props), `${what}: error.props is an array`).toBe(true);
  }
});

check('kuzzle.all.envelope.request-id-echo', "the answer's requestId is the request's", async ({ api, transport }) => {
  const u = await api.user();
  const conn = await api.connection(transport as 'ws' | 'mqtt');
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const ids = [`conform-a-${run}`, `conform-b-${run}`];
  const [a, b] = await Promise.all(ids.map((requestId, i) => conn.request({ controller: 'auth', action: 'updateSelf', jwt: u.token, body: { conformMark: `echo-${i}` }, requestId })));
  expect(a?.json?.requestId, 'the first answer echoes conform-a-…').toBe(ids[0]);
  expect(b?.json?.requestId, 'the second answer echoes conform-b-…').toBe(ids[1]);
});

check('kuzzle.all.envelope.http-request-id', 'over HTTP requestId is X-Kuzzle-Request-Id, or a UUID v4 echoed in that header', async ({ api }) => {
  const u = await api.user();
  const t = api.on('http');
  const generated = await t.updateSelf(u.token, { fullname: 'Id' });
  expect(generated.json?.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
  expect(generated.headers?.get('x-kuzzle-request-id'), 'the X-Kuzzle-Request-Id response header').toBe(generated.json?.requestId);
  const mine = `conform-${Date.now().toString(36)}`;
  const given = await t.updateSelf(u.token, { fullname: 'Id' }, { requestId: mine });
  expect(given.json?.requestId).toBe(mine);
  expect(given.headers?.get('x-kuzzle-request-id')).toBe(mine);
});

check('kuzzle.all.envelope.http-parse-error', 'a body that is not JSON: 400 network.http.body_parse_failed', async ({ api }) => {
  const u = await api.user();
  const res = await api.on('http').updateSelf(u.token, undefined, { rawBody: '{"fullname":' });
  expect(res.httpStatus).toBe(400);
  const error = res.json?.error ?? res.json;
  expect(error?.id, res.text.slice(0, 300)).toBe('network.http.body_parse_failed');
});
