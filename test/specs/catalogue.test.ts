import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readCatalogue } from '../../src/specs/catalogue.ts';
import { FAMILIES } from '../../src/specs/families.ts';
import { formatProblem } from '../../src/specs/problem.ts';
import { loadSchemaRegistry } from '../../src/specs/schema-registry.ts';
import { readResearchItems } from '../../src/specs/research-items.ts';
import { readExamples } from '../../src/specs/examples.ts';
import { checkCatalogue, checkIdsUnique, checkSeedsAssigned } from '../../src/specs/checks/check-catalogue.ts';
import { checkResearchCoverage, checkSeedCoverage } from '../../src/specs/checks/check-coverage.ts';

const registry = loadSchemaRegistry();
const catalogues = FAMILIES.map((f) => readCatalogue(f));
const none = (problems: { check: string; file: string; message: string }[]) =>
  assert.deepEqual(problems.map(formatProblem), [], 'expected no problems');

for (const catalogue of catalogues) {
  describe(`catalogue ${catalogue.family}`, () => {
    test('is well-formed: schema, operations, transports, quotes that really occur in the seeds', () => {
      none(checkCatalogue(catalogue.family, catalogue, registry));
    });
    test('accounts for every line of text of its seeds', () => {
      none(checkSeedCoverage(catalogue, readExamples(catalogue.family)));
    });
    test('covers or deliberately leaves out every research checklist item', () => {
      none(checkResearchCoverage(catalogue, readResearchItems()[catalogue.family]));
    });
    test('has MUST requirements in the categories the documents make normative', () => {
      const categories = new Set(catalogue.requirements.filter((r) => r.level === 'MUST').map((r) => r.category));
      for (const c of ['route', 'envelope', 'auth'] as const) assert.ok(categories.has(c), `no MUST ${c} requirement`);
    });
  });
}

test('requirement ids are unique across families', () => {
  none(checkIdsUnique(catalogues));
});

test('every seed belongs to exactly one family', () => {
  none(checkSeedsAssigned(catalogues));
});
