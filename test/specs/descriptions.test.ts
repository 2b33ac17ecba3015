import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCatalogue } from '../../src/specs/catalogue.ts';
import { FAMILIES } from '../../src/specs/families.ts';
import { formatProblem } from '../../src/specs/problem.ts';
import { checkOpenapi } from '../../src/specs/checks/check-openapi.ts';
import { checkAsyncapi } from '../../src/specs/checks/check-asyncapi.ts';
import { ASYNC_FAMILIES } from '../../src/specs/descriptions.ts';
import { checkGeneratedTypes } from '../../src/specs/generate-types.ts';
import { checkProfileBundle, checkSchemaBundle } from '../../src/specs/schema-bundle.ts';
import { checkNoDuplicateDefinitions, checkSchemasReferenced } from '../../src/specs/checks/check-schema-usage.ts';

for (const family of FAMILIES) {
  test(`${family}: the OpenAPI description is valid OpenAPI 3.1 and has the documented routes`, async () => {
    assert.deepEqual((await checkOpenapi(family, readCatalogue(family))).map(formatProblem), []);
  });
  test(`${family}: every schema is referenced from the descriptions, directly or through another schema`, () => {
    assert.deepEqual(checkSchemasReferenced(family).map(formatProblem), []);
  });
  test(`${family}: the generated TypeScript types are up to date`, async () => {
    assert.deepEqual((await checkGeneratedTypes(family)).map(formatProblem), []);
  });
}

for (const family of ASYNC_FAMILIES) {
  test(`${family}: the AsyncAPI description parses with the official parser without errors`, async () => {
    assert.deepEqual((await checkAsyncapi(family)).map(formatProblem), []);
  });
}

test('no object definition is written twice across the schemas (one definition, referenced)', () => {
  assert.deepEqual(checkNoDuplicateDefinitions().map(formatProblem), []);
});

test('src/generated/schemas.ts carries every schema as it is in schemas/', () => {
  assert.deepEqual(checkSchemaBundle().map(formatProblem), []);
});

test('src/generated/profiles.ts carries every profile’s deviations as in specs/profiles/', () => {
  assert.deepEqual(checkProfileBundle().map(formatProblem), []);
});
