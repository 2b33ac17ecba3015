import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../specs/paths.ts';
import { TOOL_ERRORS } from './errors.ts';

test('every tool error code is documented in docs/errors.md with its exit code, and nothing else is', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'errors.md'), 'utf8');
  const documented = new Map([...doc.matchAll(/^\| `(CONFORM_ERR_[A-Z_]+)` \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])]));
  assert.deepEqual([...documented.keys()].sort(), Object.keys(TOOL_ERRORS).sort());
  for (const [code, { exitCode }] of Object.entries(TOOL_ERRORS)) assert.equal(documented.get(code), exitCode, code);
});
