// kuzzle auth:updateSelf: routes, deprecated aliases, defaults, envelope (seed 000_8a824777e70a5ba5.txt).
import { check, expect, expectOk, schemaProblem } from './fixtures.ts';

check('kuzzle.updateSelf.route.me', 'PUT /_me with a JSON body updates the user of the Authorization token', async ({ api }) => {
  const u = await api.user();
  const res = await api.on('http').updateSelf(u.token, { fullname: 'Walter Smith' });
  expect(res.httpStatus, 'PUT /_me answers HTTP 200').toBe(200);
  expectOk(res, 'PUT /_me');
  const me = await api.me(u.token);
  expect(me?._id).toBe(u.kuid);
  expect(me?._source?.fullname).toBe('Walter Smith');
});

check('kuzzle.updateSelf.route.message', 'a message {controller auth, action updateSelf, jwt, body} updates the user of the jwt', async ({ api, transport }) => {
  const u = await api.user();
  const res = await api.on(transport).updateSelf(u.token, { foo: 'bar', name: 'Walter Smith' });
  expectOk(res, 'auth:updateSelf');
  expect(res.json?.controller).toBe('auth');
  expect(res.json?.action).toBe('updateSelf');
  expect(res.json?.result?._id).toBe(u.kuid);
  const me = await api.me(u.token);
  expect(me?._source).toMatchObject({ foo: 'bar', name: 'Walter Smith' });
});

check('kuzzle.updateSelf.route.top-level-merge', 'top-level properties are merged; absent ones are kept', async ({ api, transport }) => {
  const u = await api.user();
  const t = api.on(transport);
  expectOk(await t.updateSelf(u.token, { fullname: 'A' }));
  expectOk(await t.updateSelf(u.token, { age: 42 }));
  expect(await api.me(u.token).then((m) => m?._source), 'after {fullname: "A"} then {age: 42}').toMatchObject({ fullname: 'A', age: 42 });
  expectOk(await t.updateSelf(u.token, { fullname: 'B' }));
  expect(await api.me(u.token).then((m) => m?._source), 'after {fullname: "B"}').toMatchObject({ fullname: 'B', age: 42 });
});

check('kuzzle.updateSelf.validation.free-properties', 'any application-defined property is stored with its JSON type', async ({ api, transport }) => {
  const u = await api.user();
  const body = { foo: 'bar', fullname: 'Walter Smith', conformNumber: 7, conformFlag: true, conformList: ['x', 'y'] };
  expect(schemaProblem('kuzzle/update-self.body.json', body)).toBeUndefined();
  expectOk(await api.on(transport).updateSelf(u.token, body));
  const source = (await api.me(u.token))?._source ?? {};
  for (const [key, value] of Object.entries(body)) expect(source[key], `${key} read back unchanged`).toStrictEqual(value);
});

check('kuzzle.updateSelf.deprecated-alias.update-self', 'the deprecated PUT /_updateSelf behaves like PUT /_me', async ({ api }) => {
  const u = await api.user();
  const t = api.on('http');
  const alias = await t.updateSelf(u.token, { city: 'Paris' }, { path: '/_updateSelf' });
  expect(alias.httpStatus, 'PUT /_updateSelf answers HTTP 200').toBe(200);
  expectOk(alias, 'PUT /_updateSelf');
  expect(alias.json).toMatchObject({ controller: 'auth', action: 'updateSelf', result: { _id: u.kuid, _source: { city: 'Paris' } } });
  expect(schemaProblem('kuzzle/update-self.response.json', alias.json)).toBeUndefined();
  if (alias.json?.deprecations !== undefined) {
    expect(Array.isArray(alias.json.deprecations), 'deprecations is an array').toBe(true);
    for (const d of alias.json.deprecations) expect(d).toEqual({ message: expect.any(String), version: expect.any(String) });
  }
  expect((await api.me(u.token))?._source?.city).toBe('Paris');
  const me = await t.updateSelf(u.token, { city: 'Paris' });
  expect(me.httpStatus).toBe(alias.httpStatus);
  expect(me.json?.result?._id).toBe(alias.json?.result?._id);
  expect(me.json?.result?._source?.city).toBe(alias.json?.result?._source?.city);
});

check('kuzzle.updateSelf.deprecated-alias.users-me', 'the deprecated GET /users/_me reads the updated user like GET /_me', async ({ api }) => {
  const u = await api.user();
  expectOk(await api.on('http').updateSelf(u.token, { fullname: 'Deprecated Reader', conformMark: 'users-me' }));
  const legacy = await api.http('GET', '/users/_me', { token: u.token });
  const current = await api.http('GET', '/_me', { token: u.token });
  for (const [name, res] of [['GET /users/_me', legacy], ['GET /_me', current]] as const) {
    expectOk(res, name);
    expect(res.json?.result?._id, `${name} result._id`).toBe(u.kuid);
    expect(res.json?.result?._source, `${name} result._source`).toMatchObject({ fullname: 'Deprecated Reader', conformMark: 'users-me' });
    expect(schemaProblem('kuzzle/current-user.result.json', res.json?.result), name).toBeUndefined();
  }
});

check('kuzzle.updateSelf.default.refresh-wait-for', 'without refresh the change is searchable as soon as the answer arrives', async ({ api, transport }) => {
  const u = await api.user();
  const t = api.on(transport);
  const mark = `mark-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  expectOk(await t.updateSelf(u.token, { conformMark: mark }));
  const hits = await api.searchUsers([u.kuid]);
  expect(hits.find((h) => h?._id === u.kuid)?._source?.conformMark, 'security:searchUsers right after updateSelf without refresh').toBe(mark);
  const explicit = `${mark}-explicit`;
  expectOk(await t.updateSelf(u.token, { conformMark: explicit }, { args: { refresh: 'wait_for' } }));
  const again = await api.searchUsers([u.kuid]);
  expect(again.find((h) => h?._id === u.kuid)?._source?.conformMark, 'security:searchUsers right after updateSelf with refresh=wait_for').toBe(explicit);
});

check('kuzzle.updateSelf.default.refresh-false', 'refresh=false is accepted', async ({ api, transport }) => {
  const u = await api.user();
  expectOk(await api.on(transport).updateSelf(u.token, { conformMark: 'f' }, { args: { refresh: 'false' } }));
  expect((await api.me(u.token))?._source?.conformMark).toBe('f');
});

check('kuzzle.updateSelf.default.refresh-other-values', 'an unknown refresh value is treated as wait_for, not rejected', async ({ api }) => {
  const u = await api.user();
  expectOk(await api.on('http').updateSelf(u.token, { conformMark: 'g' }, { args: { refresh: 'foo' } }), 'PUT /_me?refresh=foo');
  expect((await api.me(u.token))?._source?.conformMark).toBe('g');
});

check('kuzzle.updateSelf.default.retry-on-conflict', 'retryOnConflict is optional and accepts an integer', async ({ api, transport }) => {
  const u = await api.user();
  const t = api.on(transport);
  for (const retryOnConflict of [undefined, 10, 3]) {
    const mark = `r-${retryOnConflict ?? 'none'}`;
    const res = await t.updateSelf(u.token, { conformMark: mark }, retryOnConflict === undefined ? {} : { args: { retryOnConflict } });
    expectOk(res, `updateSelf with retryOnConflict ${retryOnConflict ?? '(absent)'}`);
    expect((await api.me(u.token))?._source?.conformMark).toBe(mark);
  }
});

/**
 * 11 updates of one user at once: with the documented 10 retries each can lose to the 10 others and still succeed
 * (a retry only fails when another write of the burst won meanwhile), so a correct server answers every one 200;
 * with a default of 0 those that overlap fail. The user is this test's own: nothing else writes it.
 */
const BURST = 11;

check('kuzzle.updateSelf.default.retry-on-conflict-concurrency', `${BURST} concurrent updateSelf calls without retryOnConflict all succeed`, async ({ api }) => {
  const u = await api.user();
  const t = api.on('http');
  const all = await Promise.all(Array.from({ length: BURST }, (_, i) => t.updateSelf(u.token, { [`conformC${i}`]: i })));
  all.forEach((res, i) => expectOk(res, `concurrent updateSelf #${i} of ${BURST}`));
  // Every update was merged: none was silently lost.
  const after = (await api.me(u.token))?._source ?? {};
  for (let i = 0; i < BURST; i++) expect(after[`conformC${i}`], `conformC${i} after the burst`).toBe(i);
});

check('kuzzle.updateSelf.envelope.success', 'a successful updateSelf answers the documented envelope', async ({ api, transport }) => {
  const u = await api.user();
  const res = await api.on(transport).updateSelf(u.token, { fullname: 'Walter Smith' });
  expectOk(res);
  expect(schemaProblem('kuzzle/update-self.response.json', res.json), res.text).toBeUndefined();
  expect(res.json).toMatchObject({ status: 200, error: null, action: 'updateSelf', controller: 'auth', requestId: expect.any(String) });
});

check('kuzzle.updateSelf.envelope.result-user', 'result._id is the caller and result._source holds the new values', async ({ api, transport }) => {
  const u = await api.user({ content: { fullname: 'Before', foo: 'before' } });
  const res = await api.on(transport).updateSelf(u.token, { fullname: 'Walter Smith', foo: 'bar' });
  expectOk(res);
  expect(schemaProblem('kuzzle/update-self.result.json', res.json?.result)).toBeUndefined();
  expect(res.json?.result?._id).toBe(u.kuid);
  expect((await api.me(u.token))?._id).toBe(res.json?.result?._id);
  expect(res.json?.result?._source).toMatchObject({ fullname: 'Walter Smith', foo: 'bar' });
});

check('kuzzle.updateSelf.envelope.no-credentials', 'the updateSelf answer never discloses the credentials', async ({ api, transport }) => {
  const u = await api.user();
  const res = await api.on(transport).updateSelf(u.token, { fullname: 'N' });
  expectOk(res);
  expect(res.text.includes(u.password), 'the answer does not contain the password').toBe(false);
  expect(res.json?.result?._source ?? {}).not.toHaveProperty('password');
  expect(res.json?.result?._source ?? {}).not.toHaveProperty('credentials');
});
