import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SEEDS_DIR, SHARED_DIR } from '../../src/specs/paths.ts';
import { listSeeds } from '../../src/specs/seeds.ts';
import { readResearchItems } from '../../src/specs/research-items.ts';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('the vendored seeds are byte-for-byte the documents recorded in SHA256SUMS', () => {
  const sums = fs.readFileSync(path.join(SEEDS_DIR, 'SHA256SUMS'), 'utf8').trim().split('\n');
  const recorded = new Map(sums.map((line) => [line.split(/\s+/)[1], line.split(/\s+/)[0]]));
  assert.deepEqual(listSeeds(), [...recorded.keys()].sort());
  for (const seed of listSeeds()) assert.equal(sha256(path.join(SEEDS_DIR, seed)), recorded.get(seed), seed);
});

// The team keeps the originals in ../shared; a user's clone has only the vendored copies, checked above.
const sharedSeeds = path.join(SHARED_DIR, 'seeds');
test('the vendored seeds equal the originals in ../shared/seeds, when that folder is present', { skip: !fs.existsSync(sharedSeeds) && 'no ../shared/seeds beside this checkout' }, () => {
  for (const seed of fs.readdirSync(sharedSeeds).filter((f) => f.endsWith('.txt'))) {
    assert.equal(sha256(path.join(SEEDS_DIR, seed)), sha256(path.join(sharedSeeds, seed)), seed);
  }
});

const checklist = (file: string, heading: string, end?: string) => {
  const text = fs.readFileSync(path.join(SHARED_DIR, 'research', file), 'utf8');
  const start = text.indexOf(heading);
  return text.slice(start, end ? text.indexOf(end, start) : undefined).split('\n').filter((l) => /^\d+\. /.test(l)).length;
};
const sharedResearch = path.join(SHARED_DIR, 'research');
test('specs/research-items.yaml numbers every checklist item of the research notes, when they are present', { skip: !fs.existsSync(sharedResearch) && 'no ../shared/research beside this checkout' }, () => {
  const items = readResearchItems();
  assert.equal(items.kuzzle.items.length, checklist('kuzzle.md', '## 11. Mock'));
  assert.equal(items.devicehive.items.length, checklist('devicehive.md', '## 9. Mock', '## 10.'));
  assert.ok(items.userapi.items.length >= 9);
});
