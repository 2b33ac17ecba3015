import { test } from 'node:test';
import assert from 'node:assert/strict';
import { propertySettings } from './settings.ts';

test('the seed and budget come from CONFORM_PROPERTY_SEED and CONFORM_PROPERTY_RUNS, with 40 runs by default', () => {
  assert.deepEqual(propertySettings({ CONFORM_PROPERTY_SEED: '-42', CONFORM_PROPERTY_RUNS: '7' }), { seed: -42, numRuns: 7 });
  const picked = propertySettings({});
  assert.equal(picked.numRuns, 40);
  assert.ok(Number.isInteger(picked.seed) && picked.seed >= 0 && picked.seed < 2 ** 31, 'a picked seed is a 32-bit integer');
});

test('a seed or budget that is not an integer in range is a clear error naming the variable', () => {
  assert.throws(() => propertySettings({ CONFORM_PROPERTY_SEED: 'abc' }), /CONFORM_PROPERTY_SEED must be an integer from -2147483648 to 2147483647, got "abc"/);
  assert.throws(() => propertySettings({ CONFORM_PROPERTY_SEED: '1.5' }), /CONFORM_PROPERTY_SEED/);
  assert.throws(() => propertySettings({ CONFORM_PROPERTY_SEED: String(2 ** 31) }), /CONFORM_PROPERTY_SEED/);
  assert.throws(() => propertySettings({ CONFORM_PROPERTY_RUNS: '0' }), /CONFORM_PROPERTY_RUNS must be an integer from 1 to 10000, got "0"/);
  assert.throws(() => propertySettings({ CONFORM_PROPERTY_RUNS: '1e9' }), /CONFORM_PROPERTY_RUNS/);
});
