// userapi authentication: "Requires a valid JWT token in the Authorization header."
import { conformance, expect } from '../harness.ts';
import { test } from './fixtures.ts';

const check = (ids: string | string[], title: string, body: Parameters<typeof conformance<any>>[4]) => conformance(test, 'userapi', ids, title, body);

check('userapi.update.auth.token-required', 'without Authorization the request is refused with 400 and nothing changes', async ({ api }) => {
  const res = await api.update(api.a, api.valid(api.a, { name: 'Mallory' }), { authorization: null });
  expect(res.status).toBe(400);
  expect(res.json).toMatchObject({ code: 400, status: 'error' });
  expect((await api.detail(api.a.id)).name).not.toBe('Mallory');
});

check('userapi.update.auth.invalid-token', 'garbage, altered, re-signed and unsigned tokens are refused with 400', async ({ api }) => {
  const [header, payload, signature = ''] = api.a.token.split('.');
  const flipped = `${signature.slice(0, 5)}${signature[5] === 'A' ? 'B' : 'A'}${signature.slice(6)}`;
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
  const swapped = `${header}.${payload}.${api.b.token.split('.')[2] ?? ''}`;
  for (const token of ['not-a-jwt', `${header}.${payload}.${flipped}`, swapped, none]) {
    const res = await api.update(api.a, api.valid(api.a, { name: 'Mallory' }), { authorization: token });
    expect(res.status, token).toBe(400);
    expect(res.json).toMatchObject({ code: 400, status: 'error' });
  }
  expect((await api.detail(api.a.id)).name).not.toBe('Mallory');
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
