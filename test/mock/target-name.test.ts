import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mockTargetName } from '../../src/server/targets.ts';

test('the mock names its target with its profile and the deviations switched on, its own family’s only', () => {
  assert.equal(mockTargetName('userapi', 'documented'), 'conform mock (userapi, documented)');
  assert.equal(mockTargetName('userapi', 'documented', ['userapi.update.route', 'kuzzle.updateSelf.route.me']), 'conform mock (userapi, documented + 1 deviation)');
  assert.equal(mockTargetName('kuzzle', 'kuzzle-2.56', ['kuzzle.a', 'kuzzle.b']), 'conform mock (kuzzle, kuzzle-2.56 + 2 deviations)');
});
