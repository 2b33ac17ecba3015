import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBehaviour, DOCUMENTED } from '../../src/core/behaviour.ts';
import { schemaValidator } from '../../src/core/validation.ts';
import type { Json } from './json.ts';
import { readUserUpdate, WRONG_TYPE } from './user-update-body.ts';

const SAMPLES: Json[] = [
  {},
  { login: 'x' },
  { login: 1 },
  { role: 0 },
  { role: 5 },
  { role: '1' },
  { role: null, status: null, login: null },
  { status: 2 },
  { status: 3 },
  { password: 'p' },
  { password: 1 },
  { data: {} },
  { data: [] },
  { data: 's' },
  { data: null },
  { introReviewed: true },
  { introReviewed: 'yes' },
  { introReviewed: 1 },
  { foo: 1, oldPassword: 'x' },
  [],
  'x',
  null,
];

/** Within range for the documents: role 0..1, status 0..2 (the service checks these after the types). */
function inRange(sample: Json): boolean {
  const { role, status } = sample as { role?: unknown; status?: unknown };
  return [role, status].every((v, i) => v === undefined || v === null || (typeof v === 'number' && v >= 0 && v <= 1 + i));
}

test('the documented reading agrees with schemas/devicehive/user-update.json (types here, ranges in the service)', () => {
  const validate = schemaValidator('devicehive/user-update.json');
  for (const sample of SAMPLES) {
    const read = readUserUpdate(sample, DOCUMENTED);
    assert.equal(read !== WRONG_TYPE && inRange(sample), validate(sample), JSON.stringify(sample));
  }
});

test('the Gson reading of the validation.types deviation converts what Gson converts', () => {
  const gson = createBehaviour('custom', ['devicehive.updateCurrent.validation.types']);
  assert.deepEqual(readUserUpdate({ login: 12, password: true, role: '1', introReviewed: 'TRUE', data: 's' }, gson), {
    nulls: [],
    unknown: [],
    login: '12',
    password: 'true',
    role: 1,
    introReviewed: true,
    data: { value: 's' },
  });
  assert.equal(readUserUpdate({ introReviewed: 1 }, gson), WRONG_TYPE);
  assert.equal(readUserUpdate({ role: 'abc' }, gson), WRONG_TYPE);
  assert.equal(readUserUpdate({ role: 2 ** 31 }, gson), WRONG_TYPE);
  assert.equal(readUserUpdate({ allDeviceTypesAvailable: 3 }, gson), WRONG_TYPE);
  assert.equal(readUserUpdate(null, gson), null);
  assert.equal(readUserUpdate(undefined, DOCUMENTED), null);
});
