import { cataloguePath, type Catalogue } from '../catalogue.ts';
import type { ExampleFile } from '../examples.ts';
import type { ResearchItems } from '../research-items.ts';
import { researchIds } from '../research-items.ts';
import { linesOfQuote, loadSeed, textLines } from '../seeds.ts';
import { relative } from '../paths.ts';
import { problem, type Problem } from '../problem.ts';
import { seedSources } from './check-catalogue.ts';

/**
 * Every line of a seed that carries text is accounted for: quoted by a requirement, a not-checkable or
 * informative entry, or an example. This is how "every normative sentence is in the catalogue" is proved.
 */
export function checkSeedCoverage(catalogue: Catalogue, examples: ExampleFile | undefined): Problem[] {
  const problems: Problem[] = [];
  const quotes = seedSources(catalogue).map((s) => s.source);
  for (const e of examples?.examples ?? []) quotes.push({ seed: e.seed, quote: e.quote });
  for (const seedName of catalogue.seeds) {
    const seed = loadSeed(seedName);
    const covered = new Set<number>();
    for (const q of quotes) {
      if (q.seed === seedName) for (const line of linesOfQuote(seed, q.quote)) covered.add(line);
    }
    const missing = textLines(seed).filter((l) => !covered.has(l));
    for (const line of missing) {
      problems.push(problem('seed-coverage', `specs/seeds/${seedName}`, `line ${line + 1} is not covered by any quote: ${JSON.stringify(seed.lines[line]?.trim())}`));
    }
  }
  return problems;
}

/** Each research checklist item is either covered by a requirement or deliberately left out, never both. */
export function checkResearchCoverage(catalogue: Catalogue, items: ResearchItems | undefined): Problem[] {
  const file = relative(cataloguePath(catalogue.family));
  if (!items) return [problem('research-coverage', file, `specs/research-items.yaml has no section for ${catalogue.family}`)];
  const known = new Set(researchIds(catalogue.family, items));
  const covered = new Set(catalogue.requirements.flatMap((r) => r.research ?? []));
  const leftOut = new Set(catalogue.leftOut.map((l) => l.research));
  const problems: Problem[] = [];
  for (const id of [...covered, ...leftOut]) {
    if (!known.has(id)) problems.push(problem('research-coverage', file, `${id} is not a research item of ${catalogue.family}`));
  }
  for (const id of known) {
    if (!covered.has(id) && !leftOut.has(id)) problems.push(problem('research-coverage', file, `${id} is neither covered by a requirement nor listed in leftOut`));
    if (covered.has(id) && leftOut.has(id)) problems.push(problem('research-coverage', file, `${id} is both covered and left out`));
  }
  return problems;
}
