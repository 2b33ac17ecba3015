// Frozen requirement sets (issue 14): each family's catalogue at its current version is the frozen copy of that
// version (a requirement changed without raising `version` fails here), and `conform specs --changes` says what
// changed since an older version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { FAMILIES } from '../../src/specs/families.ts';
import { readCatalogue } from '../../src/specs/catalogue.ts';
import { changesBetween, freeze, frozenPath, frozenVersions, readFrozen } from '../../src/specs/frozen-catalogues.ts';
import { ROOT } from '../../src/specs/paths.ts';

for (const family of FAMILIES) {
  test(`${family}: the catalogue is its frozen version ${readCatalogue(family).version} (change a requirement: raise version, npm run freeze)`, () => {
    const current = freeze(readCatalogue(family));
    assert.ok(fs.existsSync(frozenPath(family, current.version)), `no frozen copy of ${family} version ${current.version}: run npm run freeze`);
    const changes = changesBetween(readFrozen(family, current.version), current);
    assert.deepEqual([changes.added, changes.removed, changes.relevelled, changes.changed], [[], [], [], []], `${family} changed since version ${current.version} was frozen: raise version in specs/catalogue/${family}.yaml and run npm run freeze`);
    assert.equal(readFrozen(family, current.version).sha256, current.sha256);
    assert.deepEqual(frozenVersions(family), Array.from({ length: current.version }, (_, i) => i + 1), 'every version from 1 is kept');
  });
}

test('conform specs --changes 1 lists, per family, what changed since version 1; an unknown version is a usage error', () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), 'specs', '--changes', '1', '--json'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const all = JSON.parse(run.stdout) as Array<ReturnType<typeof changesBetween>>;
  assert.deepEqual(all.map((c) => c.family), [...FAMILIES]);
  for (const c of all) {
    const expected = changesBetween(readFrozen(c.family, 1), freeze(readCatalogue(c.family)));
    assert.deepEqual(c, expected);
    const v1 = Object.keys(readFrozen(c.family, 1).requirements).length;
    assert.equal(v1 + c.added.length - c.removed.length, readCatalogue(c.family).requirements.length, `${c.family}: counts add up`);
  }
  const text = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), 'specs', '--changes', '1', '--family', 'userapi'], { cwd: ROOT, encoding: 'utf8' });
  assert.match(text.stdout, /^userapi: version 1 → \d+: \d+ added, \d+ removed, \d+ re-levelled, \d+ changed/);
  const unknown = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), 'specs', '--changes', '99', '--family', 'userapi'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /userapi has no catalogue version 99: its versions are 1/);
});
