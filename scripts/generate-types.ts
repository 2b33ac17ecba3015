/**
 * Regenerates schemas/families.schema.json from the registry, src/generated/<family>.openapi.ts from
 * specs/openapi/<family>.yaml and src/generated/schemas.ts from schemas/: `npm run generate`.
 */
import { writeTypes } from '../src/specs/generate-types.ts';
import { writeProfileBundle, writeSchemaBundle } from '../src/specs/schema-bundle.ts';
import { FAMILIES } from '../src/specs/families.ts';
import { writeFamilySchema } from '../src/specs/family-schema.ts';
import { relative } from '../src/specs/paths.ts';

// The family enum first: the schema bundle below carries it.
console.log(`wrote ${relative(writeFamilySchema())}`);
for (const family of FAMILIES) console.log(`wrote ${relative(await writeTypes(family))}`);
console.log(`wrote ${relative(writeSchemaBundle())}`);
console.log(`wrote ${relative(writeProfileBundle())}`);
