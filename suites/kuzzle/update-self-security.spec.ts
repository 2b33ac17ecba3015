// kuzzle auth:updateSelf: field exclusion, rights, authentication and validation (seed 000_8a824777e70a5ba5.txt,
// kuzzle.md §2.5, §3).
import { check, expect, expectError, expectOk } from './fixtures.ts';

check('kuzzle.updateSelf.field-exclusion.profile-ids-unchanged', "updateSelf never changes the caller's profileIds", async ({ api, transport }) => {
  const u = await api.user();
  const t = api.on(transport);
  for (const body of [{ profileIds: ['admin'] }, { profileIds: [] }, { profileIds: ['admin'], fullname: 'Z' }]) {
    await t.updateSelf(u.token, body);
    const stored = await api.getUser(u.kuid);
    expect(stored?._source?.profileIds, `profileIds after updateSelf ${JSON.stringify(body)}`).toEqual(u.profileIds);
  }
});

check('kuzzle.updateSelf.field-exclusion.profile-ids-rejected', 'a body with profileIds is rejected with 400 api.assert.forbidden_argument', async ({ api, transport }) => {
  const u = await api.user({ content: { fullname: 'Kept' } });
  const t = api.on(transport);
  expectError(await t.updateSelf(u.token, { profileIds: ['admin'], fullname: 'Z' }), 400, 'api.assert.forbidden_argument', { code: 33619979, props: ['body.profileIds'] });
  expectError(await t.updateSelf(u.token, { profileIds: [] }), 400, 'api.assert.forbidden_argument', { code: 33619979, props: ['body.profileIds'] });
  const me = await api.me(u.token);
  expect(me?._source?.fullname).not.toBe('Z');
  expect(me?._source?.profileIds).toEqual(u.profileIds);
});

check('kuzzle.updateSelf.field-exclusion.id-not-retargeted', 'an _id in the body never retargets the update', async ({ api, transport }) => {
  const u = await api.user({ content: { fullname: 'Caller' } });
  const v = await api.user({ content: { fullname: 'Victim' }, login: false });
  await api.on(transport).updateSelf(u.token, { _id: v.kuid, fullname: 'Hijack' });
  expect((await api.getUser(v.kuid))?._source?.fullname, "the other user's fullname").toBe('Victim');
  expect((await api.me(u.token))?._id, "the caller's kuid").toBe(u.kuid);
});

check('kuzzle.updateSelf.field-exclusion.id-rejected', 'a body with _id is rejected with 400 api.assert.forbidden_argument', async ({ api, transport }) => {
  const u = await api.user({ content: { fullname: 'Kept' } });
  expectError(await api.on(transport).updateSelf(u.token, { _id: 'other', fullname: 'Z' }), 400, 'api.assert.forbidden_argument', { props: ['body._id'] });
  expect((await api.me(u.token))?._source?.fullname).not.toBe('Z');
});

check('kuzzle.updateSelf.role-restriction.no-self-escalation', 'a user cannot grant itself more rights through updateSelf', async ({ api, transport }) => {
  const u = await api.user();
  const p = await api.profile();
  const before = await api.profileSource(p);
  const t = api.on(transport);
  await t.updateSelf(u.token, { profileIds: ['admin'] });
  const res = await t.updateProfile(u.token, p, { rateLimit: 3 });
  expect([401, 403], `updateProfile as the user is still refused: ${res.text.slice(0, 300)}`).toContain(res.status);
  expect(res.json?.error ?? null).not.toBeNull();
  expect((await api.profileSource(p))?.rateLimit).toBe(before?.rateLimit);
});

check('kuzzle.updateSelf.role-restriction.right-required', 'without the auth:updateSelf right: 403 security.rights.forbidden', async ({ api, transport }) => {
  const w = await api.user({ canUpdateSelf: false, content: { fullname: 'W' } });
  expectError(await api.on(transport).updateSelf(w.token, { fullname: 'W2' }), 403, 'security.rights.forbidden', { code: 117637122 });
  expect((await api.getUser(w.kuid))?._source?.fullname).not.toBe('W2');
});

check('kuzzle.updateSelf.auth.token-required', 'without a token, or with an invalid one, updateSelf fails', async ({ api, transport }) => {
  const u = await api.user({ content: { fullname: 'Owner' } });
  const t = api.on(transport);
  for (const [label, token] of [['no token', null], ['the token "abc"', 'abc']] as const) {
    const res = await t.updateSelf(token, { fullname: 'Anon' });
    expect([401, 403], `updateSelf with ${label} is refused: ${res.text.slice(0, 300)}`).toContain(res.status);
    expect(res.json?.error ?? null, `updateSelf with ${label}: error`).not.toBeNull();
    expect(res.json?.result ?? null, `updateSelf with ${label}: result`).toBeNull();
  }
  expect((await api.me(u.token))?._source?.fullname).not.toBe('Anon');
});

check('kuzzle.updateSelf.auth.authorization-header', 'over HTTP the token is the Authorization Bearer header', async ({ api }) => {
  const u = await api.user();
  const v = await api.user();
  const t = api.on('http');
  const ru = await t.updateSelf(u.token, { fullname: 'Uu' });
  const rv = await t.updateSelf(v.token, { fullname: 'Vv' });
  expectOk(ru, "PUT /_me with U's token");
  expectOk(rv, "PUT /_me with V's token");
  expect(ru.json?.result?._id).toBe(u.kuid);
  expect(rv.json?.result?._id).toBe(v.kuid);
  expect((await api.me(u.token))?._source?.fullname).toBe('Uu');
  expect((await api.me(v.token))?._source?.fullname).toBe('Vv');
});

check('kuzzle.updateSelf.auth.jwt-argument', "over WebSocket and MQTT the token is the message's jwt", async ({ api, transport }) => {
  const u = await api.user();
  const v = await api.user();
  const t = api.on(transport);
  const ru = await t.updateSelf(u.token, { fullname: 'Uw' });
  const rv = await t.updateSelf(v.token, { fullname: 'Vw' });
  expectOk(ru, "updateSelf with U's jwt");
  expectOk(rv, "updateSelf with V's jwt, on the same connection");
  expect(ru.json?.result?._id).toBe(u.kuid);
  expect(rv.json?.result?._id).toBe(v.kuid);
  expect((await api.me(u.token))?._source?.fullname).toBe('Uw');
  expect((await api.me(v.token))?._source?.fullname).toBe('Vw');
});

check('kuzzle.updateSelf.auth.anonymous-unauthorized', 'without a token: 401 security.rights.unauthorized', async ({ api, transport }) => {
  const t = api.on(transport);
  expectError(await t.updateSelf(null, { fullname: 'x' }), 401, 'security.rights.unauthorized', { code: 117637121 });
  if (transport !== 'http') expectError(await t.updateSelf(null, { fullname: 'x' }, { jwtNull: true }), 401, 'security.rights.unauthorized', { code: 117637121 });
});

check('kuzzle.updateSelf.auth.checked-before-body', 'an anonymous forbidden body still gets 401 (authentication first)', async ({ api, transport }) => {
  expectError(await api.on(transport).updateSelf(null, { profileIds: ['admin'] }), 401, 'security.rights.unauthorized');
});

check('kuzzle.updateSelf.validation.body-required', 'an updateSelf without a body: 400 api.assert.body_required', async ({ api, transport }) => {
  const u = await api.user();
  expectError(await api.on(transport).updateSelf(u.token, undefined), 400, 'api.assert.body_required', { code: 33619976 });
});

check('kuzzle.updateSelf.validation.retry-on-conflict-integer', 'a non-integer retryOnConflict: 400 api.assert.invalid_type, nothing changes', async ({ api, transport }) => {
  const u = await api.user();
  const t = api.on(transport);
  const values: unknown[] = transport === 'http' ? ['abc', '1.5'] : ['abc', 1.5, true];
  for (const retryOnConflict of values) {
    const res = await t.updateSelf(u.token, { conformMark: 'bad' }, { args: { retryOnConflict } });
    expectError(res, 400, 'api.assert.invalid_type', { props: ['retryOnConflict', 'integer'] });
  }
  expect((await api.me(u.token))?._source?.conformMark).not.toBe('bad');
});
