import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nativeRoutes } from './http-routes.ts';
import { MEMORY_STORAGE_COMMANDS } from './native-api.ts';

test('the memory-storage commands the funnel knows are those of the ms routes, in their order', () => {
  const routed = [...new Set(nativeRoutes().filter((r) => r.controller === 'ms').map((r) => r.action))];
  assert.deepEqual(MEMORY_STORAGE_COMMANDS.split(' '), routed);
});
