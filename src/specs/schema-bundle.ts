import fs from 'node:fs';
import path from 'node:path';
import { GENERATED_DIR, SCHEMAS_DIR, relative } from './paths.ts';
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

export function checkSchemaBundle(): Problem[] {
  const rel = relative(SCHEMA_BUNDLE);
  if (!fs.existsSync(SCHEMA_BUNDLE)) return [problem('generated-types', rel, 'missing: run `npm run generate`')];
  if (fs.readFileSync(SCHEMA_BUNDLE, 'utf8') !== generateSchemaBundle()) return [problem('generated-types', rel, 'stale: run `npm run generate`')];
  return [];
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
  const rel = relative(PROFILE_BUNDLE);
  if (!fs.existsSync(PROFILE_BUNDLE)) return [problem('generated-types', rel, 'missing: run `npm run generate`')];
  if (fs.readFileSync(PROFILE_BUNDLE, 'utf8') !== generateProfileBundle()) return [problem('generated-types', rel, 'stale: run `npm run generate`')];
  return [];
}
