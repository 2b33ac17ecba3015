import path from 'node:path';
import { PROFILES_DIR, type Profile } from '../profiles.ts';
import type { Catalogue } from '../catalogue.ts';
import { manifests } from '../../families/lookup.ts';
import { formatAjvErrors, type SchemaRegistry } from '../schema-registry.ts';
import { relative } from '../paths.ts';
import { problem, type Problem } from '../problem.ts';

/** The real-server profiles the project ships, one per family; each names the requirements it deviates from. */
export const REQUIRED_PROFILES: readonly string[] = manifests().flatMap((m) => m.profiles);

export function checkProfile(fileName: string, profile: Profile, catalogues: Catalogue[], registry: SchemaRegistry): Problem[] {
  const file = relative(path.join(PROFILES_DIR, fileName));
  const validate = registry.validator('profile.schema.json');
  if (!validate) return [problem('profiles', file, 'schemas/profile.schema.json does not compile')];
  if (!validate(profile)) return [problem('profiles', file, `does not match schemas/profile.schema.json: ${formatAjvErrors(validate.errors)}`)];
  const problems: Problem[] = [];
  if (`${profile.name}.yaml` !== fileName) problems.push(problem('profiles', file, `name "${profile.name}" does not match the file name`));
  const catalogue = catalogues.find((c) => c.family === profile.family);
  const requirements = new Map((catalogue?.requirements ?? []).map((r) => [r.id, r]));
  const seen = new Set<string>();
  for (const d of profile.deviations) {
    const r = requirements.get(d.requirement);
    if (!r) {
      problems.push(problem('profiles', file, `${d.requirement} is not a requirement of ${profile.family}`));
      continue;
    }
    if (seen.has(d.requirement)) problems.push(problem('profiles', file, `${d.requirement} is listed twice`));
    seen.add(d.requirement);
    for (const t of d.transports ?? []) {
      if (!r.transports.includes(t)) problems.push(problem('profiles', file, `${d.requirement}: transport ${t} is not one of the requirement's`));
    }
  }
  return problems;
}

export function checkRequiredProfiles(files: string[]): Problem[] {
  return REQUIRED_PROFILES.filter((name) => !files.includes(`${name}.yaml`)).map((name) =>
    problem('profiles', 'specs/profiles', `profile ${name} is missing`),
  );
}
