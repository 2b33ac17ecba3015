import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCatalogue } from '../../src/specs/catalogue.ts';
import { FAMILIES } from '../../src/specs/families.ts';
import { listProfileFiles, readProfile } from '../../src/specs/profiles.ts';
import { FAMILY_MODULES, NOT_DEVIABLE } from '../../src/server/family-modules.ts';

for (const family of FAMILIES) {
  test(`${family}: every MUST requirement has a deviation or a reason why it cannot be violated observably`, (t) => {
    const module = FAMILY_MODULES[family];
    if (!module) return t.todo(`the ${family} mock is not built yet`);
    const deviations = new Set(Object.keys(module.deviations));
    const notDeviable = new Set(Object.keys(NOT_DEVIABLE[family] ?? {}));
    const requirements = readCatalogue(family).requirements;
    const ids = new Set(requirements.map((r) => r.id));
    for (const r of requirements.filter((x) => x.level === 'MUST')) {
      assert.ok(deviations.has(r.id) !== notDeviable.has(r.id), `${r.id} must be in exactly one of deviations and notDeviable`);
    }
    for (const id of [...deviations, ...notDeviable]) assert.ok(ids.has(id), `${id} is not a requirement of ${family}`);
    for (const file of listProfileFiles()) {
      const profile = readProfile(file);
      if (profile.family !== family) continue;
      for (const d of profile.deviations) assert.ok(deviations.has(d.requirement), `profile ${profile.name}: ${d.requirement} has no deviation`);
    }
  });
}
