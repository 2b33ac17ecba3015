import { test } from 'node:test';
import assert from 'node:assert/strict';

test('conform/msw is a package export with createHandlers (the build in dist/)', async () => {
  const { createHandlers } = (await import('conform/msw')) as typeof import('../../mocks/msw/index.ts');
  const handlers = createHandlers({ api: 'userapi' });
  assert.ok(handlers.length >= 1);
  assert.equal(typeof handlers.reset, 'function');
  assert.equal(handlers.mock.family, 'userapi');
});
