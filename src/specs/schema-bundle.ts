import fs from 'node:fs';
import path from 'node:path';
import { GENERATED_DIR, SCHEMAS_DIR, SOURCE_CHECKOUT, relative } from './paths.ts';
import { listSchemaFiles } from './schema-registry.ts';
import { problem, type Problem } from './problem.ts';
import { listProfileFiles, readProfile } from './profiles.ts';

export const SCHEMA_BUNDLE = path.join(GENERATED_DIR, 'schemas.ts');

/**
 * Every schema under schemas/ as one importable module, so the mocks validate with the same schemas in Node and in
 * a browser (MSW), without reading files at run time.
 */
export function generateSchemaBundle(): string {
  const entries = listSchemaFiles().map((file) => `  ${JSON.stringify(file)}: ${fs.readFileSync(path.join(SCHEMAS_DIR, file), 'utf8').trim().replace(/\n/g, '\n  ')},`);
  return `// Generated from schemas/: do not edit, run \`npm run generate\`.\n\nexport const SCHEMAS: Record<string, object> = {\n${entries.join('\n')}\n};\n`;
}

export function writeSchemaBundle(): string {
  fs.mkdirSync(path.dirname(SCHEMA_BUNDLE), { recursive: true });
  fs.writeFileSync(SCHEMA_BUNDLE, generateSchemaBundle());
  return SCHEMA_BUNDLE;
}

/** A generated file must exist and hold exactly what generating it now gives; otherwise `npm run generate` is due. */
export function checkGeneratedFile(file: string, expected: string): Problem[] {
  if (!SOURCE_CHECKOUT) return []; // an installed package carries them compiled into dist/
  const rel = relative(file);
  if (!fs.existsSync(file)) return [problem('generated-types', rel, 'missing: run `npm run generate`')];
  if (fs.readFileSync(file, 'utf8') !== expected) return [problem('generated-types', rel, 'stale: run `npm run generate`')];
  return [];
}

export function checkSchemaBundle(): Problem[] {
  return checkGeneratedFile(SCHEMA_BUNDLE, generateSchemaBundle());
}

export const PROFILE_BUNDLE = path.join(GENERATED_DIR, 'profiles.ts');

/** The requirement ids of each real-server profile, importable where specs/profiles cannot be read (a browser). */
export function generateProfileBundle(): string {
  const entries = listProfileFiles().map((file) => {
    const profile = readProfile(file);
    return `  ${JSON.stringify(profile.name)}: ${JSON.stringify(profile.deviations.map((d) => d.requirement))},`;
  });
  return `// Generated from specs/profiles/: do not edit, run \`npm run generate\`.\n\nexport const PROFILE_DEVIATIONS: Record<string, readonly string[]> = {\n${entries.join('\n')}\n};\n`;
}

export function writeProfileBundle(): string {
  fs.writeFileSync(PROFILE_BUNDLE, generateProfileBundle());
  return PROFILE_BUNDLE;
}

export function checkProfileBundle(): Problem[] {
  return checkGeneratedFile(PROFILE_BUNDLE, generateProfileBundle());
}
