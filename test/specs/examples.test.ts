import { test } from 'node:test';
import { readCatalogue } from '../../src/specs/catalogue.ts';
import { readExamples } from '../../src/specs/examples.ts';
import { FAMILIES } from '../../src/specs/families.ts';
import { loadSchemaRegistry } from '../../src/specs/schema-registry.ts';
import { checkExamples } from '../../src/specs/checks/check-examples.ts';
import assert from 'node:assert/strict';
import { formatProblem } from '../../src/specs/problem.ts';

const registry = loadSchemaRegistry();

test('every schema compiles under ajv in strict mode, with the $id of its path', () => {
  assert.deepEqual(registry.problems.map(formatProblem), []);
  for (const family of FAMILIES) assert.ok(registry.files.some((f) => f.startsWith(`${family}/`)), `no schema for ${family}`);
});

for (const family of FAMILIES) {
  test(`${family}: every document example validates, every schema rejects its counterexamples precisely`, () => {
    const problems = checkExamples(family, readExamples(family), registry, readCatalogue(family).seeds);
    assert.deepEqual(problems.map(formatProblem), []);
  });
}
