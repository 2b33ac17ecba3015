// userapi authentication: "Requires a valid JWT token in the Authorization header."
import { expect } from '../harness.ts';
import { check, type UserApi } from './fixtures.ts';

/**
 * Fields that differ from a passing update in nothing but the token: letters-only names and a fresh address no
 * user holds, so a server that processed the request without a (valid) token could refuse it for nothing else.
 * A stored email would let such a server refuse it as "taken" and pass the test for the wrong reason.
 */
const otherwiseValid = (api: UserApi) => api.valid(api.a, { name: 'Mallory', surname: 'Intruder', email: api.freshEmail() });

/** Nobody was changed: A and B as they were, and the fresh address on neither. */
async function expectNobodyChanged(api: UserApi, fields: Record<string, unknown>, before: Array<Record<string, any>>) {
  for (const [i, id] of [api.a.id, api.b.id].entries()) {
    const after = await api.detail(id);
    for (const k of ['name', 'surname', 'email', 'description']) expect(after[k], `user ${id} ${k}`).toEqual(before[i]?.[k]);
    expect(after.email, `user ${id} took the request's address`).not.toBe(fields.email);
  }
}

/** The control: the same fields with A's own token pass, so the refusals above were for the token alone. */
async function expectAcceptedWithToken(api: UserApi, fields: Record<string, unknown>) {
  const res = await api.update(api.a, fields);
  expect(res.status, 'the same fields with a valid token (the control) are accepted').toBe(200);
}

check('userapi.update.auth.token-required', 'without Authorization an otherwise valid request is refused with 400 and nothing changes', async ({ api }) => {
  const fields = otherwiseValid(api);
  const before = [await api.detail(api.a.id), await api.detail(api.b.id)];
  const res = await api.update(api.a, fields, { authorization: null });
  expect(res.status).toBe(400);
  expect(res.json).toMatchObject({ code: 400, status: 'error' });
  await expectNobodyChanged(api, fields, before);
  await expectAcceptedWithToken(api, fields);
});

check('userapi.update.auth.invalid-token', 'garbage, altered, re-signed and unsigned tokens are refused with 400', async ({ api }) => {
  const [header, payload, signature = ''] = api.a.token.split('.');
  const flipped = `${signature.slice(0, 5)}${signature[5] === 'A' ? 'B' : 'A'}${signature.slice(6)}`;
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
  const swapped = `${header}.${payload}.${api.b.token.split('.')[2] ?? ''}`;
  const fields = otherwiseValid(api);
  const before = [await api.detail(api.a.id), await api.detail(api.b.id)];
  for (const [label, token] of Object.entries({ garbage: 'not-a-jwt', 'altered signature': `${header}.${payload}.${flipped}`, "B's signature": swapped, 'alg none': none })) {
    const res = await api.update(api.a, fields, { authorization: token });
    expect(res.status, label).toBe(400);
    expect(res.json, label).toMatchObject({ code: 400, status: 'error' });
  }
  await expectNobodyChanged(api, fields, before);
  await expectAcceptedWithToken(api, fields);
});

check('userapi.update.auth.bearer-scheme', '"Authorization: Bearer <JWT>" is accepted', async ({ api }) => {
  const res = await api.update(api.a, api.valid(api.a, { name: 'Bearer' }), { authorization: `Bearer ${api.a.token}` });
  expect(res.status).toBe(200);
  expect((await api.detail(api.a.id)).name).toBe('Bearer');
});

check('userapi.update.auth.raw-token', 'the token alone, without a scheme, is accepted', async ({ api }) => {
  const res = await api.update(api.a, api.valid(api.a, { name: 'Raw' }), { authorization: api.a.token });
  expect(res.status).toBe(200);
  expect((await api.detail(api.a.id)).name).toBe('Raw');
});

check('userapi.update.auth.quoted-token', 'a token wrapped in double quotes may be accepted', async ({ api }) => {
  const res = await api.update(api.a, api.valid(api.a, { name: 'Quoted' }), { authorization: `"${api.a.token}"` });
  expect(res.status).toBe(200);
});
