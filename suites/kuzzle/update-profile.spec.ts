// kuzzle security:updateProfile: routes, defaults, envelope (seed 001_940d0b9c3ec83697.txt, kuzzle.md §4).
import { check, expect, expectOk, normalizePolicies, schemaProblem } from './fixtures.ts';

check('kuzzle.updateProfile.route.http', 'PUT /profiles/<_id>/_update with a JSON body updates that profile', async ({ api }) => {
  const p = await api.profile();
  const res = await api.on('http').updateProfile(await api.admin(), p, { rateLimit: 5 });
  expect(res.httpStatus, 'PUT /profiles/<_id>/_update answers HTTP 200').toBe(200);
  expectOk(res, 'PUT /profiles/<_id>/_update');
  expect(res.json?.result?._id).toBe(p);
  expect((await api.profileSource(p))?.rateLimit).toBe(5);
});

check('kuzzle.updateProfile.route.message', 'a message {controller security, action updateProfile, _id, body} updates that profile', async ({ api, transport }) => {
  const p = await api.profile();
  const res = await api.on(transport).updateProfile(await api.admin(), p, { rateLimit: 50 });
  expectOk(res, 'security:updateProfile');
  expect(res.json).toMatchObject({ controller: 'security', action: 'updateProfile', result: { _id: p } });
  expect((await api.profileSource(p))?.rateLimit).toBe(50);
});

check('kuzzle.updateProfile.route.partial-update', 'keys absent from the body keep their value', async ({ api, transport }) => {
  const r = await api.roleR();
  const p = await api.profile();
  const admin = await api.admin();
  const t = api.on(transport);
  expectOk(await t.updateProfile(admin, p, { rateLimit: 7 }), 'updateProfile {rateLimit: 7}');
  let source = await api.profileSource(p);
  expect(source?.rateLimit).toBe(7);
  expect(normalizePolicies(source?.policies), 'policies kept by {rateLimit}').toEqual([{ roleId: 'default' }]);
  expectOk(await t.updateProfile(admin, p, { policies: [{ roleId: r }] }), 'updateProfile {policies}');
  source = await api.profileSource(p);
  expect(source?.rateLimit, 'rateLimit kept by {policies}').toBe(7);
  expect(normalizePolicies(source?.policies)).toEqual([{ roleId: r }]);
  expectOk(await t.updateProfile(admin, p, { tags: ['x'] }), 'updateProfile {tags}');
  source = await api.profileSource(p);
  expect(source?.rateLimit, 'rateLimit kept by {tags}').toBe(7);
  expect(normalizePolicies(source?.policies), 'policies kept by {tags}').toEqual([{ roleId: r }]);
});

check('kuzzle.updateProfile.route.policies-replaced', 'a policies array replaces the whole stored array', async ({ api, transport }) => {
  const r = await api.roleR();
  const p = await api.profile([{ roleId: 'default' }, { roleId: r }]);
  expectOk(await api.on(transport).updateProfile(await api.admin(), p, { policies: [{ roleId: 'admin' }] }));
  expect(normalizePolicies((await api.profileSource(p))?.policies)).toEqual([{ roleId: 'admin' }]);
});

check('kuzzle.updateProfile.route.builtin-profiles', 'the built-in default profile can be updated (a no-op update)', async ({ api }) => {
  await api.guardProfile('default');
  const source = await api.profileSource('default');
  const body: Record<string, unknown> = { policies: source?.policies };
  if (source?.rateLimit !== undefined) body.rateLimit = source.rateLimit;
  const res = await api.on('http').updateProfile(await api.admin(), 'default', body);
  expectOk(res, 'PUT /profiles/default/_update');
  expect(res.json?.result?._id).toBe('default');
});

check('kuzzle.updateProfile.default.refresh-wait-for', 'without refresh the profile is searchable as soon as the answer arrives', async ({ api, transport }) => {
  const p = await api.profile();
  const admin = await api.admin();
  const t = api.on(transport);
  const r3 = await api.role();
  expectOk(await t.updateProfile(admin, p, { policies: [{ roleId: r3 }] }), 'updateProfile without refresh');
  expect((await api.searchProfiles([r3])).map((h) => h?._id), 'security:searchProfiles right after updateProfile without refresh').toContain(p);
  const r3b = await api.role();
  expectOk(await t.updateProfile(admin, p, { policies: [{ roleId: r3b }] }, { args: { refresh: 'wait_for' } }), 'updateProfile with refresh=wait_for');
  expect((await api.searchProfiles([r3b])).map((h) => h?._id), 'security:searchProfiles right after updateProfile with refresh=wait_for').toContain(p);
});

check('kuzzle.updateProfile.default.refresh-false', 'refresh=false (and over HTTP an unknown refresh value) is accepted', async ({ api, transport }) => {
  const p = await api.profile();
  const admin = await api.admin();
  const t = api.on(transport);
  expectOk(await t.updateProfile(admin, p, { rateLimit: 4 }, { args: { refresh: 'false' } }), 'updateProfile with refresh=false');
  expect((await api.profileSource(p))?.rateLimit).toBe(4);
  if (transport === 'http') {
    expectOk(await t.updateProfile(admin, p, { rateLimit: 6 }, { args: { refresh: 'foo' } }), 'PUT /profiles/<_id>/_update?refresh=foo');
    expect((await api.profileSource(p))?.rateLimit).toBe(6);
  }
});

check('kuzzle.updateProfile.default.retry-on-conflict', 'retryOnConflict is optional and accepts an integer', async ({ api, transport }) => {
  const p = await api.profile();
  const admin = await api.admin();
  const t = api.on(transport);
  for (const retryOnConflict of [undefined, 10, 2]) {
    const res = await t.updateProfile(admin, p, { rateLimit: 8 }, retryOnConflict === undefined ? {} : { args: { retryOnConflict } });
    expectOk(res, `updateProfile with retryOnConflict ${retryOnConflict ?? '(absent)'}`);
    expect((await api.profileSource(p))?.rateLimit).toBe(8);
  }
});

check('kuzzle.updateProfile.envelope.success', 'a successful updateProfile answers the documented envelope', async ({ api, transport }) => {
  const p = await api.profile();
  const res = await api.on(transport).updateProfile(await api.admin(), p, { rateLimit: 5 });
  expectOk(res);
  expect(schemaProblem('kuzzle/update-profile.response.json', res.json), res.text).toBeUndefined();
  expect(res.json).toMatchObject({ status: 200, error: null, action: 'updateProfile', controller: 'security', requestId: expect.any(String), result: { _id: p } });
});

check('kuzzle.updateProfile.envelope.result-version', "the result carries the profile's version, which grows", async ({ api, transport }) => {
  const p = await api.profile();
  const admin = await api.admin();
  const t = api.on(transport);
  const first = await t.updateProfile(admin, p, { rateLimit: 5 });
  const second = await t.updateProfile(admin, p, { rateLimit: 6 });
  expectOk(first);
  expectOk(second);
  expect(schemaProblem('kuzzle/update-profile.response-documented.json', first.json), `first answer: ${first.text}`).toBeUndefined();
  expect(schemaProblem('kuzzle/update-profile.response-documented.json', second.json), `second answer: ${second.text}`).toBeUndefined();
  expect(second.json.result._version, 'the second _version is greater than the first').toBeGreaterThan(first.json.result._version);
});

check('kuzzle.updateProfile.envelope.result-source', 'the result carries the updated definition as _source', async ({ api, transport }) => {
  const p = await api.profile();
  const res = await api.on(transport).updateProfile(await api.admin(), p, { rateLimit: 5 });
  expectOk(res);
  expect(schemaProblem('kuzzle/profile.result.json', res.json?.result), res.text).toBeUndefined();
  expect(res.json?.result?._source?.rateLimit).toBe(5);
  expect(normalizePolicies(res.json?.result?._source?.policies)).toEqual(normalizePolicies((await api.profileSource(p))?.policies));
});
