import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuote, linesOfQuote, loadSeed, normalizeSpace, textLines } from './seeds.ts';

const UPDATE_SELF = '000_8a824777e70a5ba5.txt';

test('normalizeSpace collapses every run of white space, newlines included', () => {
  assert.equal(normalizeSpace('a \n\t b\n\nc'), 'a b c');
});

test('findQuote finds a sentence across line breaks and indentation, and nothing that is not there', () => {
  const seed = loadSeed(UPDATE_SELF);
  assert.equal(findQuote(seed, 'This route cannot update the list of associated security profiles.').length, 1);
  assert.equal(findQuote(seed, '"controller": "auth",\n      "action":   "updateSelf"').length, 1);
  assert.equal(findQuote(seed, 'This route can update the list of associated security profiles.').length, 0);
});

test('linesOfQuote maps a multi-line quote back to the lines it spans', () => {
  const seed = loadSeed(UPDATE_SELF);
  const lines = [...linesOfQuote(seed, 'Method: PUT\nHeaders: Authorization: "Bearer <authentication token>"')].sort((a, b) => a - b);
  assert.ok(lines.length >= 2);
  for (const l of lines) assert.match(seed.lines[l] ?? '', /Method: PUT|Headers: Authorization/);
});

test('textLines skips front matter, headings, fences and JSON punctuation but keeps prose and JSON members', () => {
  const seed = loadSeed(UPDATE_SELF);
  const kept = textLines(seed).map((l) => seed.lines[l]?.trim());
  assert.ok(!kept.includes('title: updateSelf'), 'front matter is exempt');
  assert.ok(!kept.some((l) => l?.startsWith('#') || l?.startsWith('```') || l === '{' || l === '}'));
  assert.ok(kept.includes('Updates the currently logged in user information.'));
  assert.ok(kept.includes('"controller": "auth",'));
});
