// kuzzle: what kuzzle-sdk 7 relies on around the two operations: route table, login, tokens, extra arguments
// (kuzzle.md §2.5, §7, §9.5).
import { check, expect, expectError, expectOk, schemaProblem, type Answer, type KuzzleApi, type On, type User } from './fixtures.ts';

function routes(result: any, controller: string, action: string): Array<{ verb: string; url: string }> {
  const http = result?.[controller]?.[action]?.http;
  return Array.isArray(http) ? http : [];
}

check('kuzzle.all.route.public-api', 'GET /_publicApi lists the routes of both operations, or is refused (the SDK then uses its static table)', async ({ api }) => {
  const res = await api.http('GET', '/_publicApi', { token: await api.admin() });
  if (res.status === 401 || res.status === 403) {
    // kuzzle-sdk then falls back to PUT /_updateSelf and GET /users/_me: both must work.
    const u = await api.user();
    expectOk(await api.on('http').updateSelf(u.token, { fullname: 'Fallback' }, { path: '/_updateSelf' }), 'PUT /_updateSelf');
    const legacy = await api.http('GET', '/users/_me', { token: u.token });
    expectOk(legacy, 'GET /users/_me');
    expect(legacy.json?.result?._source?.fullname).toBe('Fallback');
    return;
  }
  expectOk(res, 'GET /_publicApi');
  const result = res.json?.result;
  expect(schemaProblem('kuzzle/public-api.result.json', result)).toBeUndefined();
  expect(routes(result, 'auth', 'updateSelf'), 'auth.updateSelf.http').toContainEqual(expect.objectContaining({ verb: 'PUT', url: '/_me' }));
  expect(routes(result, 'auth', 'getCurrentUser'), 'auth.getCurrentUser.http').toContainEqual(expect.objectContaining({ verb: 'GET', url: '/_me' }));
  expect(routes(result, 'security', 'updateProfile'), 'security.updateProfile.http').toContainEqual(expect.objectContaining({ verb: 'PUT', url: '/profiles/:_id/_update' }));
  for (const action of ['login', 'checkToken', 'logout']) expect(result?.auth?.[action], `auth.${action}`).toBeDefined();
  const alias = routes(result, 'auth', 'updateSelf').find((r) => r.url === '/_updateSelf');
  if (alias) expect(alias.verb).toBe('PUT');
});

check('kuzzle.all.route.check-token', 'auth:checkToken reports a valid token with its kuid, and {} is the anonymous token', async ({ api, transport }) => {
  const u = await api.user();
  const t = api.on(transport);
  const valid = await t.checkToken({ token: u.token });
  expectOk(valid, 'checkToken of a valid token');
  expect(schemaProblem('kuzzle/check-token.result.json', valid.json?.result)).toBeUndefined();
  expect(valid.json?.result).toMatchObject({ valid: true, kuid: u.kuid, expiresAt: expect.any(Number) });
  const invalid = await t.checkToken({ token: 'abc' });
  expectOk(invalid, 'checkToken of "abc"');
  expect(invalid.json?.result).toMatchObject({ valid: false, state: expect.any(String) });
  const anonymous = await t.checkToken({});
  expectOk(anonymous, 'checkToken of {}');
  expect(anonymous.json?.result).toMatchObject({ valid: true, kuid: '-1', expiresAt: null });
});

check('kuzzle.all.auth.login-jwt', 'auth:login returns a JWT whose payload holds _id and exp', async ({ api, transport }) => {
  const u = await api.user({ login: false });
  const res = await api.on(transport).login(u.username, u.password);
  expectOk(res, 'auth:login');
  const result = res.json?.result;
  expect(schemaProblem('kuzzle/login.result.json', result), res.text.slice(0, 300)).toBeUndefined();
  expect(result?._id).toBe(u.kuid);
  const jwt = String(result?.jwt ?? '').replace(/^kauth-/, '');
  const segments = jwt.split('.');
  expect(segments, 'three dot-separated segments').toHaveLength(3);
  let payload: any;
  try {
    payload = JSON.parse(Buffer.from(segments[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    payload = undefined;
  }
  expect(payload, 'the second segment decodes to a JSON object').toEqual(expect.any(Object));
  expect(payload?._id).toBe(result?._id);
  expect(typeof payload?.exp).toBe('number');
});

check('kuzzle.all.auth.invalid-token', 'a malformed token: 401 security.token.invalid', async ({ api, transport }) => {
  const p = await api.profile();
  const t = api.on(transport);
  expectError(await t.updateSelf('abc', { fullname: 'x' }), 401, 'security.token.invalid');
  expectError(await t.updateProfile('abc', p, { rateLimit: 1 }), 401, 'security.token.invalid');
});

/** Waits until checkToken calls the token invalid (at most 4 s), or, if checkToken cannot tell, until expiresAt + 1.1 s. */
async function waitForExpiry(t: On, token: string, expiresAt: number): Promise<void> {
  const deadline = Date.now() + 4_000;
  while (Date.now() < deadline) {
    const res: Answer = await t.checkToken({ token });
    if (res.status !== 200 || typeof res.json?.result?.valid !== 'boolean') break;
    if (res.json.result.valid === false) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const rest = expiresAt + 1_100 - Date.now();
  if (rest > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(rest, 3_000)));
}

check('kuzzle.updateSelf.auth.expired-token-refused', 'an expired token is refused and changes nothing', async ({ api, transport }) => {
  const u = await api.user({ login: false, content: { fullname: 'On time' } });
  const login = await api.http('POST', '/_login/local?expiresIn=1000', { body: { username: u.username, password: u.password } });
  expectOk(login, 'POST /_login/local?expiresIn=1000');
  const token: string = login.json.result.jwt;
  await waitForExpiry(api.on('http'), token, Number(login.json.result.expiresAt) || Date.now() + 1_000);
  const res = await api.on(transport).updateSelf(token, { fullname: 'late' });
  // Refused as an authentication problem; which id names it is kuzzle.all.auth.expired-token's (SHOULD).
  expect([401, 403], `updateSelf with an expired token is refused: ${res.text.slice(0, 300)}`).toContain(res.status);
  expect(res.json?.error ?? null, 'error').not.toBeNull();
  expect(res.json?.result ?? null, 'result').toBeNull();
  expect((await api.getUser(u.kuid))?._source?.fullname).not.toBe('late');
});

check('kuzzle.all.auth.expired-token', 'an expired token: 401 security.token.invalid', async ({ api, transport }) => {
  const u = await api.user({ login: false, content: { fullname: 'On time' } });
  const login = await api.http('POST', '/_login/local?expiresIn=1000', { body: { username: u.username, password: u.password } });
  expectOk(login, 'POST /_login/local?expiresIn=1000');
  const token: string = login.json.result.jwt;
  const t = api.on(transport);
  await waitForExpiry(api.on('http'), token, Number(login.json.result.expiresAt) || Date.now() + 1_000);
  expectError(await t.updateSelf(token, { fullname: 'late' }), 401, 'security.token.invalid');
  expect((await api.getUser(u.kuid))?._source?.fullname).not.toBe('late');
});

async function loginWithExtras(api: KuzzleApi, transport: 'http' | 'ws' | 'mqtt', u: User): Promise<Answer> {
  if (transport === 'http') return api.on('http').login(u.username, u.password, { args: { verb: 'POST' } });
  return api.on(transport).login(u.username, u.password, { args: { verb: 'POST', cookieAuth: false } });
}

check('kuzzle.all.validation.unknown-arguments-ignored', 'unknown arguments (as kuzzle-sdk sends them) are ignored', async ({ api, transport }) => {
  const u = await api.user();
  const t = api.on(transport);
  const sdkInstanceId = globalThis.crypto.randomUUID();
  const res =
    transport === 'http'
      ? await t.updateSelf(u.token, { fullname: 'K' }, { args: { verb: 'POST' } })
      : await t.updateSelf(u.token, { fullname: 'K' }, { args: { verb: 'POST', cookieAuth: false }, volatile: { sdkInstanceId, sdkName: 'js@7.17.1' } });
  expectOk(res, 'updateSelf with extra arguments');
  expect((await api.me(u.token))?._source?.fullname).toBe('K');
  const other = await api.user({ login: false });
  expectOk(await loginWithExtras(api, transport, other), 'auth:login with extra arguments');
});
