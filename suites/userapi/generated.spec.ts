// The generative phase for PUT /api/user/update (issue 12): bodies drawn from update.fields.json by json-schema-faker,
// kept inside what every server accepts (docs/generative.md), and single-constraint mutations drawn by fast-check.
import { expect } from '../harness.ts';
import { test, type UserApi } from './fixtures.ts';
import { fakeRecords, layerSchema } from '../../src/core/generate.ts';
import { schemaProblem } from '../clients/schema.ts';
import { generated, type GeneratedTest } from '../generative/declare.ts';
import { acceptedValues } from '../generative/accepted.ts';
import { choose, drawMutations, type Mutation } from '../generative/mutations.ts';
import type { GeneratedCase } from '../generative/run-cases.ts';

type Fields = Record<string, unknown>;
const ROOT = 'userapi/update.fields.json';
const DOCUMENTED = ['name', 'surname', 'email', 'description'] as const;
const EXCLUDED = ['id', 'role', 'password', 'created_at', 'remember_token'] as const;

/**
 * The document's fields schema, narrowed: ASCII letters for names (whether "é" is alphabetic depends on the server's
 * rule and collation; the document says "alphabetic characters only"), short printable descriptions, and the email
 * set per case (the caller's own or a fresh unique one: a generated address may be another user's).
 */
function generationSchema(excluded: readonly string[]): Record<string, unknown> {
  const schema = layerSchema(ROOT);
  const name = { type: 'string', pattern: '^[A-Z][a-z]{1,11}$' };
  const properties: Record<string, unknown> = { name, surname: name, description: { type: 'string', pattern: '^[A-Za-z0-9 .,]{0,40}$' } };
  for (const field of excluded) properties[field] = (schema.properties as Record<string, unknown>)[field];
  return { type: 'object', required: ['name', 'surname', ...excluded], additionalProperties: false, properties };
}

/** `count` valid field sets for `account`: generated, with its own email or a fresh one. */
function validFields(api: UserApi, count: number, seed: number, excluded: readonly string[] = []): Fields[] {
  return acceptedValues(generationSchema(excluded), ROOT, ROOT, count, seed, (v, i) => ({ ...v, email: (seed + i) % 2 === 0 ? api.a.original.email : api.freshEmail() }));
}

const snapshot = (row: Record<string, unknown>) => Object.fromEntries(DOCUMENTED.map((k) => [k, row[k]]));

/** Accepted: 200 with the documented envelope; the read-back holds the sent fields, an omitted description kept. */
async function expectAccepted(api: UserApi, fields: Fields): Promise<{ changes: Fields; before: Record<string, unknown> }> {
  const before = await api.detail(api.a.id);
  const res = await api.update(api.a, fields);
  expect(res.status, 'a body inside the document is accepted with 200').toBe(200);
  expect(schemaProblem('userapi/update.response.json', res.json), 'the success envelope (schemas/userapi/update.response.json)').toBeUndefined();
  const after = await api.detail(api.a.id);
  // Only the sent fields: what an omitted one does is default.description-kept's, checked by its own test.
  for (const k of DOCUMENTED) if (k in fields) expect(after[k], `read-back ${k}`).toEqual(fields[k]);
  return { changes: res.json?.changes ?? {}, before };
}

/** Refused: a 4xx error envelope (schemas/userapi/common.json#/$defs/errorEnvelope) and A's row unchanged. */
async function expectRefused(api: UserApi, body: unknown, raw = false): Promise<void> {
  const before = snapshot(await api.detail(api.a.id));
  const res = raw ? await api.update(api.a, body, { as: 'raw', contentType: 'application/x-www-form-urlencoded' }) : await api.update(api.a, body);
  expect(res.status, 'refused with a client error').toBeGreaterThanOrEqual(400);
  expect(res.status, 'a refusal is a client error, never a server error').toBeLessThan(500);
  expect(schemaProblem('userapi/common.json#/$defs/errorEnvelope', res.json), 'the error envelope').toBeUndefined();
  expect(res.json?.code, 'code is the HTTP status').toBe(res.status);
  expect(snapshot(await api.detail(api.a.id)), 'a refused update leaves the row as it was').toEqual(before);
}

const accepted = (fields: Fields): GeneratedCase => ({ label: 'accepted', body: fields, optional: ['description'] });

function declare(id: string, title: string, spec: GeneratedTest<{ api: UserApi }>): void {
  generated<any>(test, 'userapi', id, title, spec as GeneratedTest<any>);
}

declare('userapi.update.route.put-user-update', 'generated valid bodies are accepted and read back as sent', {
  cases: ({ api }, n, seed) => validFields(api, n, seed).map(accepted),
  check: async ({ api }, c) => void (await expectAccepted(api, c.body as Fields)),
});

declare('userapi.update.envelope.changes', 'changes holds every sent documented field with its stored value', {
  cases: ({ api }, n, seed) => validFields(api, n, seed).map(accepted),
  check: async ({ api }, c) => {
    const fields = c.body as Fields;
    const { changes } = await expectAccepted(api, fields);
    for (const k of DOCUMENTED) if (k in fields) expect(changes[k], `changes.${k}`).toEqual(fields[k]);
  },
});

declare('userapi.update.default.description-kept', 'generated bodies without description keep the stored one', {
  cases: ({ api }, n, seed) => validFields(api, n, seed).map((f) => ({ label: 'without description', body: Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'description')) })),
  check: async ({ api }, c) => {
    const kept = `Kept ${Date.now().toString(36)}`;
    expect((await api.update(api.a, api.valid(api.a, { description: kept }))).status, 'setting the description to keep').toBe(200);
    const { changes } = await expectAccepted(api, c.body as Fields);
    expect(changes, 'changes has no description').not.toHaveProperty('description');
    expect((await api.detail(api.a.id)).description, 'the stored description is kept').toBe(kept);
  },
});

/** Keys the document names nowhere (neither fields nor excluded ones), generated per case. */
const UNKNOWN = { type: 'string', pattern: '^x[a-z]{3,10}$' };
declare('userapi.update.validation.unknown-field', 'generated keys the document does not name are ignored or refused, never a server error', {
  cases: ({ api }, n, seed) => {
    const keys = fakeRecords(UNKNOWN, n, seed, ROOT) as string[];
    return validFields(api, n, seed).map((f, i) => ({ label: `with ${keys[i]}`, body: { ...f, [keys[i] as string]: `value ${i}` }, optional: ['description'] }));
  },
  check: async ({ api }, c) => {
    const unknown = Object.keys(c.body as Fields).filter((k) => !(DOCUMENTED as readonly string[]).includes(k));
    const res = await api.update(api.a, c.body);
    expect(res.status, 'a key the document does not name is never a server error').toBeLessThan(500);
    if (res.status === 200) for (const k of unknown) expect(res.json?.changes, `changes has no ${k}`).not.toHaveProperty(k);
  },
});

for (const field of EXCLUDED) {
  declare(`userapi.update.field-exclusion.${field.replace('_', '-')}`, `a generated ${field} of any type is ignored: not in changes, unchanged`, {
    cases: ({ api }, n, seed) => validFields(api, n, seed, [field]).map((f) => ({ label: `with ${field}`, body: f, optional: ['description'] })),
    check: async ({ api }, c) => {
      const fields = c.body as Fields;
      const { changes, before } = await expectAccepted(api, fields);
      expect(changes, `changes has no ${field}`).not.toHaveProperty(field);
      const after = await api.detail(api.a.id);
      if (field in before) expect(after[field], `${field} unchanged`).toEqual(before[field]);
      expect(after, 'the detail never shows a password').not.toHaveProperty('password');
    },
  });
}

/** A non-letter the document's "alphabetic characters only" clearly excludes. */
const NOT_LETTERS = ['0', '7', ' ', '-', '!', '.', '_', '@', "'"];
const nameMutations = (field: 'name' | 'surname'): { required: Array<Mutation<Fields>>; alphabetic: Array<Mutation<Fields>> } => ({
  required: [
    { name: `without ${field}`, apply: (v) => Object.fromEntries(Object.entries(v).filter(([k]) => k !== field)) },
    { name: `${field} empty`, apply: (v) => ({ ...v, [field]: '' }) },
  ],
  alphabetic: [
    {
      name: `${field} with a non-letter`,
      apply: (v, pick) => {
        const value = String(v[field]);
        const at = pick % (value.length + 1);
        return { ...v, [field]: `${value.slice(0, at)}${choose(NOT_LETTERS, Math.floor(pick / 7))}${value.slice(at)}` };
      },
    },
    { name: `${field} a number`, apply: (v, pick) => ({ ...v, [field]: pick }) },
    { name: `${field} a boolean`, apply: (v, pick) => ({ ...v, [field]: pick % 2 === 0 }) },
  ],
});

/** Every mutation of the validation rules, for error-status-400 (each refusal must be exactly 400). */
const ALL_MUTATIONS: Array<Mutation<Fields>> = [];

/** Declares a refused-case test: valid generated fields, one constraint broken by a drawn mutation. */
function refused(id: string, title: string, mutations: Array<Mutation<Fields>>, after?: (api: UserApi) => Promise<void>): void {
  ALL_MUTATIONS.push(...mutations);
  declare(id, title, {
    cases: ({ api }, n, seed) => {
      const valid = validFields(api, n, seed);
      return drawMutations(mutations, n, seed).map(({ mutation, pick }, i) => ({ label: mutation.name, body: mutation.apply(valid[i] as Fields, pick), optional: ['description'] }));
    },
    check: async ({ api }, c) => {
      await expectRefused(api, c.body);
      await after?.(api);
    },
  });
}

for (const field of ['name', 'surname'] as const) {
  const m = nameMutations(field);
  refused(`userapi.update.validation.${field}-required`, `generated bodies without ${field}, or with an empty one, are refused`, m.required);
  refused(`userapi.update.validation.${field}-alphabetic`, `generated bodies whose ${field} is not letters only are refused`, m.alphabetic);
}

refused('userapi.update.validation.email-required', 'generated bodies without email, or with an empty one, are refused', [
  { name: 'without email', apply: (v) => Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'email')) },
  { name: 'email empty', apply: (v) => ({ ...v, email: '' }) },
]);

/** Breaks a fresh address in one clear way: no @, no local part, no domain, a space, not a string. */
const freshAddress = (pick: number) => `gen${pick}x${Date.now().toString(36)}@example.com`;
refused('userapi.update.validation.email-format', 'generated bodies whose email is not an address are refused', [
  { name: 'email without @', apply: (v, pick) => ({ ...v, email: freshAddress(pick).replace('@', '') }) },
  { name: 'email without local part', apply: (v, pick) => ({ ...v, email: `@${freshAddress(pick).split('@')[1]}` }) },
  { name: 'email without domain', apply: (v, pick) => ({ ...v, email: `${freshAddress(pick).split('@')[0]}@` }) },
  { name: 'email with a space', apply: (v, pick) => ({ ...v, email: freshAddress(pick).replace('x', ' x') }) },
  { name: 'email a number', apply: (v, pick) => ({ ...v, email: pick }) },
]);

declare('userapi.update.validation.email-unique', 'generated bodies with the other user’s email are refused, B keeps it', {
  cases: ({ api }, n, seed) => validFields(api, n, seed).map((f) => ({ label: 'B’s email', body: { ...f, email: api.b.original.email }, optional: ['description'] })),
  check: async ({ api }, c) => {
    await expectRefused(api, c.body);
    expect((await api.detail(api.b.id)).email, 'B keeps its email').toBe(api.b.original.email);
  },
});

/** JSON that is not an object: a number, a string, a boolean, an array of generated fields. */
declare('userapi.update.validation.json-invalid', 'a json holding a generated non-object is refused', {
  cases: ({ api }, n, seed) => {
    const valid = validFields(api, n, seed);
    const kinds: Array<Mutation<Fields>> = [
      { name: 'json a number', apply: (_v, pick) => pick },
      { name: 'json a string', apply: (v) => String(v.name) },
      { name: 'json a boolean', apply: (_v, pick) => pick % 2 === 0 },
      { name: 'json an array', apply: (v) => [v] },
    ];
    return drawMutations(kinds, n, seed).map(({ mutation, pick }, i) => ({ label: mutation.name, body: mutation.apply(valid[i] as Fields, pick) }));
  },
  check: ({ api }, c) => expectRefused(api, `json=${encodeURIComponent(JSON.stringify(c.body))}`, true),
});

declare('userapi.update.validation.error-status-400', 'every generated validation failure answers exactly 400', {
  cases: ({ api }, n, seed) => {
    const valid = validFields(api, n, seed);
    return drawMutations(ALL_MUTATIONS, n, seed).map(({ mutation, pick }, i) => ({ label: mutation.name, body: mutation.apply(valid[i] as Fields, pick), optional: ['description'] }));
  },
  check: async ({ api }, c) => {
    const res = await api.update(api.a, c.body);
    expect(res.status, 'the error status the document names').toBe(400);
  },
});
