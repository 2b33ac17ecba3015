import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMockProcess } from '../helpers/mock-process.ts';

function stateFile(content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conform-bad-state-')), 'state.json');
  fs.writeFileSync(file, content);
  return file;
}

/** Starts `conform mock --state <file>`; a refused file ends it at once (a ready mock would be a failure). */
async function refusedStart(file: string, families = ['userapi']): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const run = startMockProcess([...families.flatMap((f) => ['--family', f]), '--state', file]);
  const ready = await run.ready.then(
    () => true,
    () => false,
  );
  if (ready) run.child.kill('SIGTERM');
  const end = await run.exited;
  assert.equal(ready, false, 'the mock must not start on this state file');
  return end;
}

function assertRefused(end: { code: number | null; stderr: string }, reason: RegExp): void {
  assert.equal(end.code, 2, end.stderr);
  assert.match(end.stderr, /CONFORM_ERR_STATE/);
  assert.match(end.stderr, reason);
  assert.doesNotMatch(end.stderr, /\n\s+at |unexpected error/, 'no stack trace');
}

const valid = JSON.stringify({ userapi: { users: [] } });

const BAD_FILES: Array<[string, string, RegExp]> = [
  ['truncated JSON', valid.slice(0, valid.length - 5), /not JSON, or truncated/],
  ['corrupt bytes', '\u0000\u0001garbage{', /not JSON, or truncated/],
  ['an empty file', '', /empty/],
  ['a users field that is a string', JSON.stringify({ userapi: { users: 'xyz' } }), /\/userapi\/users must be array/],
  ['an array', '[]', /must be object/],
  ['an unknown family', JSON.stringify({ nosuch: {} }), /additional properties "nosuch"/],
  ['a userapi row without its fields', JSON.stringify({ userapi: { users: [{ id: '1', version: 1, source: { id: 1 } }] } }), /\/userapi\/users\/0\/source must have required property/],
  ['a kuzzle state without its stores', JSON.stringify({ kuzzle: { users: [] } }), /\/kuzzle must have required property/],
];

for (const [name, content, reason] of BAD_FILES) {
  test(`--state refuses ${name} with exit 2 and leaves the file as it is`, async () => {
    const file = stateFile(content);
    assertRefused(await refusedStart(file), reason);
    assert.equal(fs.readFileSync(file, 'utf8'), content, 'never a silent wipe');
  });
}

test('--state refuses a family part its family cannot load (a DeviceHive user without its fields)', async () => {
  const content = JSON.stringify({ devicehive: { users: [{ id: '1', version: 1, source: { id: 1 } }], nextId: 2 } });
  const file = stateFile(content);
  assertRefused(await refusedStart(file, ['devicehive']), /devicehive state/);
  assert.equal(fs.readFileSync(file, 'utf8'), content);
});

test('--state refuses a path under a regular file, and a directory', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-bad-path-'));
  fs.writeFileSync(path.join(dir, 'plain'), 'x');
  assertRefused(await refusedStart(path.join(dir, 'plain', 'state.json')), /a parent of the path is a regular file/);
  assertRefused(await refusedStart(dir), /the path is a directory/);
});
