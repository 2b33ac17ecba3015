import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readCatalogue } from './catalogue.ts';
import { catalogueChanges, identityOf } from './catalogue-identity.ts';
import { FAMILIES } from './families.ts';
import { SEEDS_DIR } from './paths.ts';

test('the identity is of the content: re-ordered keys keep it, a changed level changes it and names the requirement', () => {
  const catalogue = readCatalogue('userapi');
  const before = identityOf(catalogue);
  const reordered = Object.fromEntries(Object.entries(catalogue).reverse()) as typeof catalogue;
  reordered.requirements = catalogue.requirements.map((r) => Object.fromEntries(Object.entries(r).reverse()) as typeof r);
  assert.equal(identityOf(reordered).sha256, before.sha256);
  const changed = structuredClone(catalogue);
  const [first, second] = changed.requirements as [(typeof changed.requirements)[number], (typeof changed.requirements)[number]];
  first.level = first.level === 'MUST' ? 'SHOULD' : 'MUST';
  changed.requirements = changed.requirements.filter((r) => r !== second);
  const after = identityOf(changed);
  assert.notEqual(after.sha256, before.sha256);
  assert.deepEqual(catalogueChanges(before, after), { added: [], removed: [second.id], changed: [first.id] });
});

test("every family's identity hashes exactly the seed documents it quotes, as specs/seeds/SHA256SUMS has them", () => {
  const sums = fs.readFileSync(path.join(SEEDS_DIR, 'SHA256SUMS'), 'utf8');
  for (const family of FAMILIES) {
    const identity = identityOf(readCatalogue(family));
    assert.ok(identity.version >= 1);
    assert.deepEqual(Object.keys(identity.documents).sort(), [...readCatalogue(family).seeds].sort(), family);
    for (const [file, hash] of Object.entries(identity.documents)) assert.ok(sums.includes(`${hash}  ${file}`), `${family}: ${file}`);
  }
});
