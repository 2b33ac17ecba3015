/**
 * Which deviations of the mock the generative phase catches on its own: for each deviation of a validation, default,
 * field-exclusion or role-restriction requirement, a mock with it switched on and only the generated tests run
 * (the hand-written ones left out). `tsx scripts/generative-sweep.ts [family…] [--seed n] [--cases n] [--only id,…]`
 * (--only: just those deviations, e.g. to check one generated test).
 */
import { readCatalogue } from '../src/specs/catalogue.ts';
import { FAMILIES, type Family } from '../src/specs/families.ts';
import { FAMILY_MODULES } from '../src/server/family-modules.ts';
import { sweepDeviations } from '../src/runner/deviation-sweep.ts';

const CATEGORIES = new Set(['validation', 'default', 'field-exclusion', 'role-restriction']);
/** The generated tests' names: "<id> [<transport>] generated: …" (suites/generative/declare.ts). */
export const GENERATED_TESTS = '\\] generated: ';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const seed = flag('--seed', 1);
const cases = flag('--cases', 5);
const only = args.includes('--only') ? new Set(String(args[args.indexOf('--only') + 1]).split(',')) : undefined;
const families = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) as Family[];
for (const family of families.length > 0 ? families : [...FAMILIES]) {
  const category = new Map(readCatalogue(family).requirements.map((r) => [r.id, r.category]));
  const ids = Object.keys(FAMILY_MODULES[family]?.deviations ?? {}).filter((id) => CATEGORIES.has(category.get(id) ?? '') && (!only || only.has(id)));
  const started = performance.now();
  const rows = await sweepDeviations(family, ids, { tests: () => GENERATED_TESTS, generate: { cases, seed } });
  const caught = rows.filter((r) => r.detectedBy.length > 0).length;
  console.log(`${family}: ${caught} of ${rows.length} deviations caught by the generated tests alone (seed ${seed}, ${cases} cases, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  for (const r of rows) console.log(`  ${r.detected ? 'OWN  ' : r.detectedBy.length > 0 ? 'OTHER' : 'MISS '} ${r.deviation}${r.detectedBy.length > 0 && !r.detected ? ` → ${r.detectedBy.join(', ')}` : ''}`);
}
