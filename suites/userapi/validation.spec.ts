// userapi validation rules and field exclusion (seed 004: "Validation Rules", "automatically excluded from updates").
import { expect } from '../harness.ts';
import { check } from './fixtures.ts';
import type { UserApi } from './fixtures.ts';

/** Refused: a 4xx error envelope, and A as it was. */
async function expectRefused(api: UserApi, fields: unknown, options?: Parameters<UserApi['update']>[2]) {
  const before = await api.detail(api.a.id);
  const res = await api.update(api.a, fields, options);
  expect(res.status, JSON.stringify(fields)).toBeGreaterThanOrEqual(400);
  expect(res.status, 'a refusal is a client error, never a server error').toBeLessThan(500);
  expect(res.json).toMatchObject({ code: res.status, status: 'error' });
  expect(typeof res.json?.message).toBe('string');
  const after = await api.detail(api.a.id);
  for (const k of ['name', 'surname', 'email', 'description']) expect(after[k], k).toEqual(before[k]);
  return res;
}

check('userapi.update.validation.json-required', 'a request without json, or with an empty one, is refused', async ({ api }) => {
  await expectRefused(api, '', { as: 'raw', contentType: 'application/x-www-form-urlencoded' });
  await expectRefused(api, 'json=', { as: 'raw', contentType: 'application/x-www-form-urlencoded' });
  // The fields themselves, valid and different from A's, but not inside json: as separate form fields, and as the
  // top-level members of a JSON body (the document's curl shows them beside json, which stays required).
  const fields = api.valid(api.a, { name: 'Toplevel', description: 'Not inside json' }) as Record<string, string>;
  await expectRefused(api, new URLSearchParams(fields).toString(), { as: 'raw', contentType: 'application/x-www-form-urlencoded' });
  await expectRefused(api, JSON.stringify(fields), { as: 'raw', contentType: 'application/json' });
});

check('userapi.update.validation.json-invalid', 'json that is not a JSON object is refused', async ({ api }) => {
  for (const raw of ['json=%7Bname', 'json=42', `json=${encodeURIComponent('"Alice"')}`, `json=${encodeURIComponent('[1,2]')}`]) {
    await expectRefused(api, raw, { as: 'raw', contentType: 'application/x-www-form-urlencoded' });
  }
});

for (const field of ['name', 'surname'] as const) {
  check(`userapi.update.validation.${field}-required`, `a json without ${field}, or with an empty one, is refused`, async ({ api }) => {
    const { [field]: _gone, ...without } = api.valid(api.a);
    await expectRefused(api, without);
    await expectRefused(api, api.valid(api.a, { [field]: '' }));
  });
  check(`userapi.update.validation.${field}-alphabetic`, `a ${field} with digits, spaces or punctuation is refused`, async ({ api }) => {
    for (const value of ['J0hn', 'John Smith', 'O-Brien', 'Smith!']) await expectRefused(api, api.valid(api.a, { [field]: value }));
  });
}

check('userapi.update.validation.email-required', 'a json without email, or with an empty one, is refused', async ({ api }) => {
  const { email: _gone, ...without } = api.valid(api.a);
  await expectRefused(api, without);
  await expectRefused(api, api.valid(api.a, { email: '' }));
});

check('userapi.update.validation.email-format', 'an email that is not an address is refused', async ({ api }) => {
  for (const email of ['not-an-address', 'a@', '@example.com', 'a b@example.com']) await expectRefused(api, api.valid(api.a, { email }));
});

check('userapi.update.validation.email-unique', 'another user’s email is refused, B keeps it', async ({ api }) => {
  await expectRefused(api, api.valid(api.a, { email: api.b.original.email }));
  expect((await api.detail(api.b.id)).email).toBe(api.b.original.email);
});

check('userapi.update.validation.error-status-400', 'a refused validation answers 400, the error status the document names', async ({ api }) => {
  for (const fields of [api.valid(api.a, { email: api.b.original.email }), api.valid(api.a, { name: 'J0hn' })]) {
    const res = await api.update(api.a, fields);
    expect(res.status, JSON.stringify(fields)).toBe(400);
  }
});

check('userapi.update.validation.email-keep-own', 'the caller’s own email passes the uniqueness check', async ({ api }) => {
  const res = await api.update(api.a, api.valid(api.a, { name: 'Keep' }));
  expect(res.status).toBe(200);
  expect(await api.detail(api.a.id)).toMatchObject({ name: 'Keep', email: api.a.original.email });
});

check('userapi.update.validation.description-optional', 'a json without description is accepted', async ({ api }) => {
  const { description: _gone, ...fields } = api.valid(api.a);
  expect((await api.update(api.a, fields)).status).toBe(200);
});

check('userapi.update.validation.unknown-field', 'a key the document does not name is ignored or refused, never a server error', async ({ api }) => {
  const res = await api.update(api.a, api.valid(api.a, { nickname: 'Ally' }));
  expect(res.status).toBeLessThan(500);
  if (res.status === 200) expect(res.json?.changes).not.toHaveProperty('nickname');
});

const EXCLUDED = { id: 999999, role: 'ROLE_ADMIN', password: 'conform-new-password', created_at: '2000-01-01 00:00:00', remember_token: 'conform-token' } as const;
for (const [field, value] of Object.entries(EXCLUDED)) {
  check(`userapi.update.field-exclusion.${field.replace('_', '-')}`, `${field} in the json is ignored: 200, not in changes, unchanged`, async ({ api }) => {
    const before = await api.detail(api.a.id);
    const res = await api.update(api.a, api.valid(api.a, { [field]: value }));
    expect(res.status).toBe(200);
    expect(res.json?.changes).not.toHaveProperty(field);
    const after = await api.detail(api.a.id);
    expect(after.id ?? api.a.id).toBe(api.a.id);
    if (field in before) expect(after[field]).toEqual(before[field]);
    expect(after).not.toHaveProperty('password');
  });
}

check('userapi.update.role-restriction.own-profile-only', 'an id naming another user never updates that user', async ({ api }) => {
  // A fresh email, so that nothing but the id could stop the update from landing on B.
  const res = await api.update(api.a, api.valid(api.a, { id: api.b.id, name: 'Hijack', email: api.freshEmail() }));
  expect(res.status).toBeLessThan(500);
  expect((await api.detail(api.b.id)).name).not.toBe('Hijack');
});

check('userapi.update.role-restriction.no-self-escalation', 'a role in the json never changes the caller’s role', async ({ api }) => {
  const before = await api.detail(api.a.id);
  await api.update(api.a, api.valid(api.a, { role: 'ROLE_ADMIN' }));
  expect((await api.detail(api.a.id)).role).toEqual(before.role);
});
