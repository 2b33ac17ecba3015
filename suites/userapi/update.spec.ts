// userapi PUT /api/user/update: route, transports, envelope and defaults (seed 004_d5b3bdf9b1e41913.txt).
import { expect } from '../harness.ts';
import { check } from './fixtures.ts';

check('userapi.update.route.put-user-update', 'PUT /api/user/update updates the caller', async ({ api }) => {
  const res = await api.update(api.a, api.valid(api.a, { name: 'Alice', surname: 'Smith', description: 'Updated by conform' }));
  expect(res.status, 'PUT /api/user/update answers 200').toBe(200);
  expect(await api.detail(api.a.id)).toMatchObject({ name: 'Alice', surname: 'Smith', email: api.a.original.email, description: 'Updated by conform' });
});

check('userapi.update.envelope.success', 'success answers 200 with {code:200, status:"success", user, changes}', async ({ api }) => {
  const res = await api.update(api.a, api.valid(api.a));
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({ code: 200, status: 'success' });
  expect(res.json?.user).toBeInstanceOf(Object);
  expect(res.json?.changes).toBeInstanceOf(Object);
});

check('userapi.update.envelope.changes', 'changes holds the fields that were updated, with the values stored', async ({ api }) => {
  const res = await api.update(api.a, api.valid(api.a, { name: 'Alice', surname: 'Smith', description: 'Changes' }));
  expect(res.status).toBe(200);
  expect(res.json?.changes).toMatchObject({ name: 'Alice', surname: 'Smith', email: api.a.original.email, description: 'Changes' });
});

check('userapi.update.transport.form-json-field', 'a url-encoded json field holding the JSON string is read', async ({ api }) => {
  const res = await api.update(api.a, api.valid(api.a, { name: 'John', surname: 'Doe', description: 'Senior developer' }));
  expect(res.status).toBe(200);
  expect((await api.detail(api.a.id)).name).toBe('John');
});

check('userapi.update.transport.json-body', 'an application/json body whose json member holds the JSON string is read', async ({ api }) => {
  const res = await api.update(api.a, api.valid(api.a, { name: 'Jane', surname: 'Roe', description: 'Json body' }), { as: 'json' });
  expect(res.status).toBe(200);
  expect(await api.detail(api.a.id)).toMatchObject({ name: 'Jane', surname: 'Roe', description: 'Json body' });
});

check('userapi.update.transport.query-fallback', 'the json field may come from the query string', async ({ api }) => {
  const json = encodeURIComponent(JSON.stringify(api.valid(api.a, { name: 'Query' })));
  const res = await api.update(api.a, '', { as: 'raw', contentType: 'application/x-www-form-urlencoded', query: `?json=${json}` });
  expect(res.status).toBe(200);
  expect((await api.detail(api.a.id)).name).toBe('Query');
});

check('userapi.update.transport.json-response', 'success and error answers are JSON objects served as application/json', async ({ api }) => {
  for (const res of [await api.update(api.a, api.valid(api.a)), await api.update(api.a, api.valid(api.a), { authorization: null })]) {
    expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
    expect(typeof res.json).toBe('object');
  }
});

check('userapi.update.envelope.no-message-on-success', 'a successful answer carries no message', async ({ api }) => {
  const ok = await api.update(api.a, api.valid(api.a));
  expect(ok.status).toBe(200);
  expect(ok.json, 'message is only present when status is error').not.toHaveProperty('message');
});

check('userapi.update.envelope.code-equals-http-status', 'code is the HTTP status, as an integer', async ({ api }) => {
  const ok = await api.update(api.a, api.valid(api.a));
  expect(ok.json?.code).toBe(ok.status);
  expect(Number.isInteger(ok.json?.code)).toBe(true);
  const refused = await api.update(api.a, api.valid(api.a), { authorization: null });
  expect(refused.json?.code).toBe(refused.status);
  expect(Number.isInteger(refused.json?.code)).toBe(true);
});

check('userapi.update.envelope.error', 'an error answer is {code, status:"error", message}', async ({ api }) => {
  const res = await api.update(api.a, api.valid(api.a), { authorization: null });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.json).toMatchObject({ code: res.status, status: 'error' });
  expect(typeof res.json?.message).toBe('string');
});

check('userapi.update.envelope.user-claims', 'user is the authenticated user: sub its id, email its email', async ({ api }) => {
  const res = await api.update(api.a, api.valid(api.a));
  expect(res.status).toBe(200);
  expect(res.json?.user?.sub).toBe(api.a.id);
  expect(res.json?.user?.email).toBe(api.a.original.email);
  expect(api.envelopeProblem(res.json)).toBeUndefined();
});

check('userapi.update.envelope.user-email-from-token', 'user.email stays the token’s email after the email changes', async ({ api }) => {
  const email = api.freshEmail();
  const res = await api.update(api.a, api.valid(api.a, { email }));
  expect(res.status).toBe(200);
  expect(res.json?.user?.email).toBe(api.a.original.email);
});

check('userapi.update.default.description-kept', 'an omitted description is kept and not in changes', async ({ api }) => {
  await api.update(api.a, api.valid(api.a, { description: 'Keep this' }));
  const res = await api.update(api.a, api.valid(api.a, { name: 'Keep' }));
  expect(res.status).toBe(200);
  expect(res.json?.changes).not.toHaveProperty('description');
  expect(await api.detail(api.a.id)).toMatchObject({ name: 'Keep', description: 'Keep this' });
});
