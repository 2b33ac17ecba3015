import type { SeededCredentials } from '../core/family.ts';
import type { FamilyManifest } from '../core/manifest.ts';
import { manifestOf } from '../families/lookup.ts';
import type { Family, Transport } from '../specs/families.ts';

/**
 * The name a report shows for the mock: its family and profile, and the deliberate deviations switched on, so a
 * mock started with --deviate never calls itself "documented".
 */
export function mockTargetName(family: Family, profile: string, deviations: readonly string[] = []): string {
  const own = deviations.filter((id) => id.startsWith(`${family}.`));
  const extra = own.length === 0 ? '' : ` + ${own.length} deviation${own.length === 1 ? '' : 's'}`;
  return `conform mock (${family}, ${profile}${extra})`;
}

/**
 * The target file `conform test --target` reads: the family, the endpoints and the credentials the suite may use
 * to set up its own fixtures (the issue of the conformance suites gives the format).
 */
export function targetFile(family: Family, endpoints: Partial<Record<Transport, string>>, credentials: SeededCredentials | undefined, profile: string, deviations: readonly string[] = []): Record<string, unknown> {
  return { api: family, name: mockTargetName(family, profile, deviations), ...endpoints, auth: targetAuth(manifestOf(family).targetAuth, credentials) };
}

/** The target file's auth, shaped as the family's manifest says (e.g. tokens kept, passwords left out). */
function targetAuth(shape: FamilyManifest['targetAuth'], credentials: SeededCredentials | undefined): Record<string, unknown> {
  if (shape.kind === 'as-seeded') return credentials ?? {};
  const entries = (credentials?.[shape.list] as Array<Record<string, unknown>> | undefined) ?? [];
  return { [shape.list]: entries.map((entry) => Object.fromEntries(shape.fields.map((field) => [field, entry[field]]))) };
}
