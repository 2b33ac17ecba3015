import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCatalogue } from '../../src/specs/catalogue.ts';
import { FAMILIES } from '../../src/specs/families.ts';
import { formatProblem } from '../../src/specs/problem.ts';
import { listProfileFiles, readProfile } from '../../src/specs/profiles.ts';
import { loadSchemaRegistry } from '../../src/specs/schema-registry.ts';
import { checkProfile, checkRequiredProfiles } from '../../src/specs/checks/check-profiles.ts';

const registry = loadSchemaRegistry();
const catalogues = FAMILIES.map((f) => readCatalogue(f));

test('a profile ships for each real server: kuzzle-2.56, devicehive-4, userapi-laravel', () => {
  assert.deepEqual(checkRequiredProfiles(listProfileFiles()).map(formatProblem), []);
});

for (const file of listProfileFiles()) {
  test(`profile ${file} names existing requirements of its family, each once, with why`, () => {
    assert.deepEqual(checkProfile(file, readProfile(file), catalogues, registry).map(formatProblem), []);
  });
}
