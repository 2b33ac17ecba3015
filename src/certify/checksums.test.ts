import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkSums, writeSums } from './checksums.ts';

function bundle(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-sums-'));
  fs.mkdirSync(path.join(dir, 'a'));
  fs.writeFileSync(path.join(dir, 'a', 'one.json'), '{}');
  fs.writeFileSync(path.join(dir, 'README.md'), '# x');
  return dir;
}

test('SHA256SUMS lists every file but itself and its signature, and checks clean', () => {
  const dir = bundle();
  fs.writeFileSync(path.join(dir, 'SHA256SUMS.sig'), 'x');
  const text = writeSums(dir);
  assert.deepEqual(text.split('\n').filter(Boolean).map((l) => l.slice(66)), ['README.md', 'a/one.json']);
  assert.deepEqual(checkSums(dir, text), []);
});

test('a line naming a path outside the bundle is malformed and never opened; a link is never hashed', () => {
  const dir = bundle();
  const text = `${writeSums(dir)}${'0'.repeat(64)}  ../../etc/passwd\n${'0'.repeat(64)}  /etc/passwd\n`;
  fs.symlinkSync('/etc/hostname', path.join(dir, 'a', 'link'));
  const problems = checkSums(dir, text);
  assert.deepEqual(problems.map((p) => p.kind), ['malformed', 'malformed', 'extra']);
  assert.match(problems[2]!.message, /extra: a\/link is not a regular file/);
});
