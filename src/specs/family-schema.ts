import fs from 'node:fs';
import path from 'node:path';
import { SCHEMAS_DIR } from './paths.ts';
import { FAMILIES } from './families.ts';
import { checkGeneratedFile } from './schema-bundle.ts';
import type { Problem } from './problem.ts';

export const FAMILY_SCHEMA = path.join(SCHEMAS_DIR, 'families.schema.json');

/** The family enum every schema references ($ref families.schema.json#/$defs/family), from the registry. */
export function generateFamilySchema(): string {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://conform.invalid/schemas/families.schema.json',
    title: 'The API families conform knows',
    description: 'Generated from src/families/registry.ts: do not edit, run `npm run generate`.',
    $defs: { family: { enum: [...FAMILIES] } },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export function writeFamilySchema(): string {
  fs.writeFileSync(FAMILY_SCHEMA, generateFamilySchema());
  return FAMILY_SCHEMA;
}

export function checkFamilySchema(): Problem[] {
  return checkGeneratedFile(FAMILY_SCHEMA, generateFamilySchema());
}
