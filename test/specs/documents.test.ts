import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentOf, documentTitle, INTRODUCTION } from '../../src/specs/documents.ts';
import { readCatalogue } from '../../src/specs/catalogue.ts';
import { listSeeds } from '../../src/specs/seeds.ts';
import { FAMILIES } from '../../src/specs/families.ts';

test('every seed has a title from its own text: front matter, or the Mintlify page’s title and route', () => {
  assert.deepEqual(listSeeds().map(documentTitle), ['updateSelf', 'updateProfile', 'user/updateCurrent', 'update', 'Update User (PUT /api/user/update)']);
});

test('a requirement names its document by title and the heading path above its quote', () => {
  const find = (family: (typeof FAMILIES)[number], id: string) => readCatalogue(family).requirements.find((r) => r.id === id)?.source;
  assert.deepEqual(documentOf(find('kuzzle', 'kuzzle.updateSelf.route.me')!), { title: 'updateSelf', section: 'Query Syntax › HTTP', file: '000_8a824777e70a5ba5.txt' });
  assert.deepEqual(documentOf(find('userapi', 'userapi.update.route.put-user-update')!), { title: 'Update User (PUT /api/user/update)', section: 'Endpoint', file: '004_d5b3bdf9b1e41913.txt' });
});

test('every requirement of every family resolves to a titled document; no document section is a file name', () => {
  for (const family of FAMILIES) {
    for (const r of readCatalogue(family).requirements) {
      const d = documentOf(r.source);
      assert.ok(d.title && !/\.txt$/.test(d.title), `${r.id}: ${d.title}`);
      assert.ok(d.section === INTRODUCTION || d.section.length > 0, r.id);
    }
  }
});
