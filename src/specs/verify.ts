import fs from 'node:fs';
import { readCatalogue, type Catalogue } from './catalogue.ts';
import { DataFileError } from './data-file.ts';
import { examplesPath, readExamples, type ExampleFile } from './examples.ts';
import { FAMILIES, type Family } from './families.ts';
import { listProfileFiles, readProfile } from './profiles.ts';
import { readResearchItems } from './research-items.ts';
import { loadSchemaRegistry } from './schema-registry.ts';
import { problem, type Problem } from './problem.ts';
import { relative, SOURCE_CHECKOUT } from './paths.ts';
import { checkCatalogue, checkIdsUnique, checkSeedsAssigned } from './checks/check-catalogue.ts';
import { checkResearchCoverage, checkSeedCoverage } from './checks/check-coverage.ts';
import { checkExamples } from './checks/check-examples.ts';
import { checkProfile, checkRequiredProfiles } from './checks/check-profiles.ts';
import { ASYNC_FAMILIES } from './descriptions.ts';
import { checkProfileBundle, checkSchemaBundle } from './schema-bundle.ts';
import { checkFamilySchema } from './family-schema.ts';
import { checkNoDuplicateDefinitions, checkSchemasReferenced } from './checks/check-schema-usage.ts';

export interface VerifyOptions {
  families?: readonly Family[];
  /** Skip the slower checks that run external tools (OpenAPI/AsyncAPI validation, type generation). */
  skipDescriptions?: boolean;
}

function attempt<T>(problems: Problem[], check: string, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof DataFileError) problems.push(problem(check, relative(error.file), error.reason));
    else problems.push(problem(check, 'specs', (error as Error).message));
    return undefined;
  }
}

/** Runs every check of the specification layer and returns what it found; an empty list means all is well. */
export async function verifySpecs(options: VerifyOptions = {}): Promise<Problem[]> {
  const families = options.families ?? FAMILIES;
  const problems: Problem[] = [];
  const registry = loadSchemaRegistry();
  problems.push(...registry.problems);
  const research = attempt(problems, 'research-coverage', () => readResearchItems());
  const catalogues: Catalogue[] = [];
  for (const family of FAMILIES) {
    const catalogue = attempt(problems, 'catalogue', () => readCatalogue(family));
    if (catalogue) catalogues.push(catalogue);
  }
  for (const family of families) {
    const catalogue = catalogues.find((c) => c.family === family);
    if (!catalogue) continue;
    const catalogueProblems = checkCatalogue(family, catalogue, registry);
    problems.push(...catalogueProblems);
    if (catalogueProblems.some((p) => p.message.startsWith('does not match'))) continue;
    let examples: ExampleFile | undefined;
    if (fs.existsSync(examplesPath(family))) {
      examples = attempt(problems, 'examples', () => readExamples(family));
      if (examples) problems.push(...checkExamples(family, examples, registry, catalogue.seeds));
    } else {
      problems.push(problem('examples', relative(examplesPath(family)), 'missing'));
    }
    problems.push(...checkSeedCoverage(catalogue, examples?.examples ? examples : undefined));
    problems.push(...checkResearchCoverage(catalogue, research?.[family]));
  }
  if (families.length === FAMILIES.length) {
    problems.push(...checkIdsUnique(catalogues), ...checkSeedsAssigned(catalogues), ...checkRequiredProfiles(listProfileFiles()));
    problems.push(...checkNoDuplicateDefinitions(), ...checkFamilySchema(), ...checkSchemaBundle(), ...checkProfileBundle());
  }
  for (const file of listProfileFiles()) {
    const profile = attempt(problems, 'profiles', () => readProfile(file));
    if (profile && families.includes(profile.family)) problems.push(...checkProfile(file, profile, catalogues, registry));
  }
  if (!options.skipDescriptions) {
    // The description tools (redocly, the AsyncAPI parser, openapi-typescript with the TypeScript compiler) take
    // seconds to load: only a full verification pays for them.
    const { checkOpenapi } = await import('./checks/check-openapi.ts');
    const { checkAsyncapi } = await import('./checks/check-asyncapi.ts');
    // openapi-typescript and the TypeScript compiler are development dependencies: an installed package has its
    // generated types compiled in dist/ and nothing to regenerate them with.
    const checkGeneratedTypes = SOURCE_CHECKOUT ? (await import('./generate-types.ts')).checkGeneratedTypes : async () => [];
    for (const family of families) {
      problems.push(...(await checkOpenapi(family, catalogues.find((c) => c.family === family))));
      problems.push(...checkSchemasReferenced(family));
      if (ASYNC_FAMILIES.includes(family)) problems.push(...(await checkAsyncapi(family)));
      problems.push(...(await checkGeneratedTypes(family)));
    }
  }
  return problems;
}
