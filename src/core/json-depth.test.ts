import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exceedsJsonDepth } from './json-depth.ts';

const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;

test('depth counts containers: a scalar is 0, [] is 1, objects and arrays alike', () => {
  assert.equal(exceedsJsonDepth(42, 0), false);
  assert.equal(exceedsJsonDepth([], 0), true);
  assert.equal(exceedsJsonDepth([], 1), false);
  assert.equal(exceedsJsonDepth({ a: { b: [1] } }, 3), false);
  assert.equal(exceedsJsonDepth({ a: { b: [1] } }, 2), true);
  assert.equal(exceedsJsonDepth({ wide: 1, deep: [[[]]] }, 3), true);
});

test('the limit itself passes, one more level does not', () => {
  assert.equal(exceedsJsonDepth(nested(1000), 1000), false);
  assert.equal(exceedsJsonDepth(nested(1001), 1000), true);
});

test('a value nested 100,000 deep is measured without overflowing the stack', () => {
  assert.equal(exceedsJsonDepth(nested(100_000), 1000), true);
});
