// kuzzle security:updateProfile: force, validation, authentication and rights (seed 001_940d0b9c3ec83697.txt,
// kuzzle.md §2.5, §4).
import { check, expect, expectError, expectOk, normalizePolicies, schemaProblem, test, type Answer } from './fixtures.ts';

const missing = () => `conform-missing-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function expectClientError(res: Answer, what: string): void {
  expect(res.status, `${what} is refused with a 4xx status: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what} is refused with a 4xx status: ${res.text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.json?.error ?? null, `${what}: error`).not.toBeNull();
}

check('kuzzle.updateProfile.default.force-false', 'without force, restrictions to missing indexes or collections are rejected', async ({ api, transport }) => {
  const p = await api.profile();
  const i = await api.index(['c1']);
  const admin = await api.admin();
  const t = api.on(transport);
  const before = normalizePolicies((await api.profileSource(p))?.policies);
  expectClientError(await t.updateProfile(admin, p, { policies: [{ roleId: 'default', restrictedTo: [{ index: missing() }] }] }), 'a restriction to a missing index without force');
  expectClientError(await t.updateProfile(admin, p, { policies: [{ roleId: 'default', restrictedTo: [{ index: i, collections: [`missing-${Date.now().toString(36)}`] }] }] }), 'a restriction to a missing collection without force');
  expect(normalizePolicies((await api.profileSource(p))?.policies), 'policies unchanged').toEqual(before);
});

check('kuzzle.updateProfile.validation.force-allows-missing', 'with force, restrictions may name missing indexes or collections', async ({ api, transport }) => {
  const p = await api.profile();
  const policies = [{ roleId: 'default', restrictedTo: [{ index: missing(), collections: ['c'] }] }];
  expectOk(await api.on(transport).updateProfile(await api.admin(), p, { policies }, { args: { force: true } }), 'updateProfile with force');
  expect(normalizePolicies((await api.profileSource(p))?.policies)).toEqual(policies);
});

check('kuzzle.updateProfile.validation.definition-accepted', 'a definition shaped like the documented body is accepted and stored', async ({ api, transport }) => {
  const i = await api.index(['c1', 'c2']);
  const r4 = await api.role();
  const p = await api.profile();
  const body = { rateLimit: 50, policies: [{ roleId: 'default' }, { roleId: r4, restrictedTo: [{ index: i }, { index: i, collections: ['c1', 'c2'] }] }] };
  expect(schemaProblem('kuzzle/update-profile.body.json', body)).toBeUndefined();
  expectOk(await api.on(transport).updateProfile(await api.admin(), p, body));
  const source = await api.profileSource(p);
  expect(source?.rateLimit).toBe(50);
  expect(normalizePolicies(source?.policies)).toEqual(body.policies);
});

check('kuzzle.updateProfile.validation.id-required', 'a request without _id (or with an empty one) is rejected', async ({ api, transport }) => {
  await api.guardProfile('default');
  const before = await api.profileSource('default');
  const admin = await api.admin();
  const t = api.on(transport);
  for (const [label, id] of [['without _id', undefined], ['with _id ""', '']] as const) {
    // Any client error: "_id: profile identifier" requires the argument, not a status; the reference's 400
    // api.assert.missing_argument is validation.missing-argument-ids' SHOULD.
    expectClientError(await t.updateProfile(admin, id, { rateLimit: 1 }), `updateProfile ${label}`);
  }
  expect((await api.profileSource('default'))?.rateLimit, 'the default profile is untouched').toBe(before?.rateLimit);
});

check('kuzzle.updateProfile.validation.missing-argument-ids', 'missing _id: 400 api.assert.missing_argument; missing body: 400 api.assert.body_required', async ({ api, transport }) => {
  await api.guardProfile('default');
  const p = await api.profile();
  const admin = await api.admin();
  const t = api.on(transport);
  if (transport !== 'http') expectError(await t.updateProfile(admin, undefined, { rateLimit: 1 }), 400, 'api.assert.missing_argument', { props: ['_id'] });
  expectError(await t.updateProfile(admin, p, undefined), 400, 'api.assert.body_required');
});

check('kuzzle.updateProfile.validation.unknown-profile', 'updating a profile that does not exist fails and does not create it', async ({ api, transport }) => {
  const id = api.absentProfileId();
  expectClientError(await api.on(transport).updateProfile(await api.admin(), id, { policies: [{ roleId: 'default' }] }), 'updateProfile of an unknown profile');
  expect((await api.getProfileAnswer(id)).status, 'GET /profiles/<unknown> afterwards').toBe(404);
});

check('kuzzle.updateProfile.validation.unknown-profile-not-found', 'an unknown profile: 404 security.profile.not_found', async ({ api, transport }) => {
  const id = api.absentProfileId();
  expectError(await api.on(transport).updateProfile(await api.admin(), id, { rateLimit: 1 }), 404, 'security.profile.not_found', { code: 117833729, props: [id] });
});

check('kuzzle.updateProfile.validation.unknown-role', 'a policy naming a missing role: 404 security.role.not_found, nothing changes', async ({ api, transport }) => {
  const p = await api.profile();
  const before = normalizePolicies((await api.profileSource(p))?.policies);
  const role = `conform-no-role-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  expectError(await api.on(transport).updateProfile(await api.admin(), p, { policies: [{ roleId: role }] }), 404, 'security.role.not_found', { props: [role] });
  expect(normalizePolicies((await api.profileSource(p))?.policies)).toEqual(before);
});

check('kuzzle.updateProfile.validation.rate-limit', 'rateLimit must be a non-negative integer', async ({ api, transport }) => {
  const p = await api.profile([{ roleId: 'default' }], { rateLimit: 3 });
  const admin = await api.admin();
  const t = api.on(transport);
  expectError(await t.updateProfile(admin, p, { rateLimit: -1 }), 400, 'api.assert.invalid_argument');
  expect((await api.profileSource(p))?.rateLimit, 'rateLimit unchanged after -1').toBe(3);
  for (const rateLimit of [1.5, '10']) {
    expectError(await t.updateProfile(admin, p, { rateLimit }), 400, 'api.assert.invalid_type', { props: ['rateLimit', 'integer'] });
    expect((await api.profileSource(p))?.rateLimit, `rateLimit unchanged after ${JSON.stringify(rateLimit)}`).toBe(3);
  }
  expectOk(await t.updateProfile(admin, p, { rateLimit: 0 }), 'updateProfile {rateLimit: 0}');
});

check('kuzzle.updateProfile.validation.policy-keys', 'a policy key other than roleId/restrictedTo: 400 api.assert.unexpected_argument', async ({ api, transport }) => {
  const p = await api.profile();
  const before = normalizePolicies((await api.profileSource(p))?.policies);
  const res = await api.on(transport).updateProfile(await api.admin(), p, { policies: [{ roleId: 'default', foo: 1 }] });
  expectError(res, 400, 'api.assert.unexpected_argument');
  expect(res.json?.error?.props?.[0]).toBe(`${p}.policies[0].foo`);
  expect(normalizePolicies((await api.profileSource(p))?.policies)).toEqual(before);
});

check('kuzzle.updateProfile.validation.restricted-to-shape', 'malformed restrictions are rejected with 400', async ({ api, transport }) => {
  const p = await api.profile();
  const i = await api.index(['c']);
  const admin = await api.admin();
  const t = api.on(transport);
  const before = normalizePolicies((await api.profileSource(p))?.policies);
  const cases: Array<[unknown, string]> = [
    [{ index: i }, 'api.assert.invalid_type'],
    [[{ collections: ['c'] }], 'api.assert.missing_argument'],
    [[{ index: i, collections: 'c' }], 'api.assert.invalid_type'],
  ];
  for (const [restrictedTo, id] of cases) {
    const res = await t.updateProfile(admin, p, { policies: [{ roleId: 'default', restrictedTo }] }, { args: { force: true } });
    expect(res.json?.error?.id, `restrictedTo ${JSON.stringify(restrictedTo)}: ${res.text.slice(0, 300)}`).toBe(id);
    expect(res.status).toBe(400);
  }
  expect(normalizePolicies((await api.profileSource(p))?.policies)).toEqual(before);
});

check('kuzzle.updateProfile.validation.retry-on-conflict-integer', 'a non-integer retryOnConflict: 400 api.assert.invalid_type, checked first', async ({ api, transport }) => {
  const p = await api.profile([{ roleId: 'default' }], { rateLimit: 3 });
  const admin = await api.admin();
  const t = api.on(transport);
  expectError(await t.updateProfile(admin, p, { rateLimit: 9 }, { args: { retryOnConflict: 'abc' } }), 400, 'api.assert.invalid_type', { props: ['retryOnConflict', 'integer'] });
  expect((await api.profileSource(p))?.rateLimit).toBe(3);
  expectError(await t.updateProfile(admin, api.absentProfileId(), { rateLimit: 9 }, { args: { retryOnConflict: 'abc' } }), 400, 'api.assert.invalid_type');
});

check('kuzzle.updateProfile.validation.strict-existence', 'with strict, missing indexes/collections answer 412', async ({ api, transport }) => {
  const p = await api.profile();
  const i = await api.index(['c1']);
  const admin = await api.admin();
  const t = api.on(transport);
  const before = normalizePolicies((await api.profileSource(p))?.policies);
  const strict = { args: { strict: true } };
  expectError(await t.updateProfile(admin, p, { policies: [{ roleId: 'default', restrictedTo: [{ index: missing() }] }] }, strict), 412, 'services.storage.unknown_index');
  expectError(await t.updateProfile(admin, p, { policies: [{ roleId: 'default', restrictedTo: [{ index: i, collections: [`missing-${Date.now().toString(36)}`] }] }] }, strict), 412, 'services.storage.unknown_collection');
  expect(normalizePolicies((await api.profileSource(p))?.policies)).toEqual(before);
});

check('kuzzle.updateProfile.validation.strict-boolean', 'a strict that is not a JSON boolean: 400 api.assert.invalid_type', async ({ api, transport }) => {
  const p = await api.profile();
  expectError(await api.on(transport).updateProfile(await api.admin(), p, { rateLimit: 2 }, { args: { strict: 'true' } }), 400, 'api.assert.invalid_type', { props: ['strict', 'boolean'] });
});

check('kuzzle.updateProfile.auth.token', "the caller's token authenticates updateProfile (Authorization header, jwt)", async ({ api, transport }) => {
  const p = await api.profile();
  expectOk(await api.on(transport).updateProfile(await api.admin(), p, { rateLimit: 11 }), "updateProfile with the admin's token");
  expect((await api.profileSource(p))?.rateLimit).toBe(11);
});

check('kuzzle.updateProfile.auth.anonymous-unauthorized', 'an anonymous updateProfile: 401 security.rights.unauthorized', async ({ api, transport }) => {
  const p = await api.profile();
  // The check presumes a server whose anonymous role does not allow security:updateProfile (a restricted Kuzzle).
  const anonymous = await api.profileSource('anonymous').catch(() => undefined);
  const grants = async (roleId: string): Promise<boolean> => {
    const answer = await api.http('GET', `/roles/${encodeURIComponent(roleId)}`, { token: await api.admin() });
    const controllers = answer.json?.result?._source?.controllers ?? {};
    return [controllers.security, controllers['*']].some((c: any) => c?.actions?.updateProfile === true || c?.actions?.['*'] === true);
  };
  let open = false;
  for (const policy of anonymous?.policies ?? []) if (typeof policy?.roleId === 'string' && (await grants(policy.roleId))) open = true;
  test.skip(open, 'the anonymous role of this target allows security:updateProfile (a fresh, unrestricted Kuzzle)');
  expectError(await api.on(transport).updateProfile(null, p, { rateLimit: 12 }), 401, 'security.rights.unauthorized');
  expect((await api.profileSource(p))?.rateLimit).not.toBe(12);
});

check('kuzzle.updateProfile.role-restriction.rights-required', 'without the security:updateProfile right: 403 security.rights.forbidden', async ({ api, transport }) => {
  const u = await api.user();
  const p = await api.profile();
  expectError(await api.on(transport).updateProfile(u.token, p, { rateLimit: 13 }), 403, 'security.rights.forbidden', { code: 117637122 });
  expect((await api.profileSource(p))?.rateLimit).not.toBe(13);
});
