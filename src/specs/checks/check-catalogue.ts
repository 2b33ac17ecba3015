import { cataloguePath, isSeedSource, type Catalogue, type SeedSource } from '../catalogue.ts';
import { formatAjvErrors, listSchemaFiles, type SchemaRegistry } from '../schema-registry.ts';
import { findQuote, listSeeds, loadSeed } from '../seeds.ts';
import { relative } from '../paths.ts';
import { problem, type Problem } from '../problem.ts';
import type { Family } from '../families.ts';

const CHECK = 'catalogue';

/** Well-formedness of one catalogue: its schema, its operations, its quotes, its schema references. */
export function checkCatalogue(family: Family, catalogue: Catalogue, registry: SchemaRegistry): Problem[] {
  const file = relative(cataloguePath(family));
  const problems: Problem[] = [];
  const validate = registry.validator('catalogue.schema.json');
  if (!validate) return [problem(CHECK, file, 'schemas/catalogue.schema.json does not compile')];
  if (!validate(catalogue)) {
    return [problem(CHECK, file, `does not match schemas/catalogue.schema.json: ${formatAjvErrors(validate.errors)}`)];
  }
  if (catalogue.family !== family) problems.push(problem(CHECK, file, `family is "${catalogue.family}", expected "${family}"`));
  const seeds = new Set(listSeeds());
  for (const seed of catalogue.seeds) {
    if (!seeds.has(seed)) problems.push(problem(CHECK, file, `seed ${seed} is not in specs/seeds/`));
  }
  const operations = new Map(catalogue.operations.map((o) => [o.name, o]));
  const schemaFiles = new Set(listSchemaFiles());
  const ids = new Set<string>();
  for (const r of catalogue.requirements) {
    if (ids.has(r.id)) problems.push(problem(CHECK, file, `duplicate id ${r.id}`));
    ids.add(r.id);
    if (!r.id.startsWith(`${family}.`)) problems.push(problem(CHECK, file, `${r.id}: id must start with "${family}."`));
    if (!r.id.includes(`.${r.category}.`)) problems.push(problem(CHECK, file, `${r.id}: id must carry its category "${r.category}"`));
    const op = r.operation === '*' ? undefined : operations.get(r.operation);
    if (r.operation !== '*' && !op) problems.push(problem(CHECK, file, `${r.id}: unknown operation "${r.operation}"`));
    const allowed = op ? op.transports : [...new Set(catalogue.operations.flatMap((o) => o.transports))];
    for (const t of r.transports) {
      if (!allowed.includes(t)) problems.push(problem(CHECK, file, `${r.id}: transport ${t} is not one of its operation's (${allowed.join(', ')})`));
    }
    if (r.schema && !schemaFiles.has(r.schema.split('#')[0] ?? '')) {
      problems.push(problem(CHECK, file, `${r.id}: schema ${r.schema} does not exist under schemas/`));
    } else if (r.schema && !registry.validator(r.schema)) {
      problems.push(problem(CHECK, file, `${r.id}: schema ${r.schema} does not resolve or compile`));
    }
  }
  for (const { label, source } of seedSources(catalogue)) {
    if (!catalogue.seeds.includes(source.seed)) {
      problems.push(problem(CHECK, file, `${label}: seed ${source.seed} is not one of this family's seeds`));
    } else if (seeds.has(source.seed) && findQuote(loadSeed(source.seed), source.quote).length === 0) {
      problems.push(problem(CHECK, file, `${label}: quote not found in ${source.seed}: ${JSON.stringify(source.quote)}`));
    }
  }
  return problems;
}

/** Every document quote of a catalogue, labelled for messages. */
export function seedSources(catalogue: Catalogue): Array<{ label: string; source: SeedSource }> {
  const out: Array<{ label: string; source: SeedSource }> = [];
  for (const r of catalogue.requirements) {
    if (isSeedSource(r.source)) out.push({ label: r.id, source: r.source });
    for (const also of r.also ?? []) out.push({ label: `${r.id} (also)`, source: also });
  }
  catalogue.notCheckable.forEach((n, i) => out.push({ label: `notCheckable[${i}]`, source: n.source }));
  catalogue.informative.forEach((n, i) => out.push({ label: `informative[${i}]`, source: n.source }));
  return out;
}

/** Ids are unique across families, since reports and baselines name requirements by id alone. */
export function checkIdsUnique(catalogues: Catalogue[]): Problem[] {
  const seen = new Map<string, Family>();
  const problems: Problem[] = [];
  for (const c of catalogues) {
    for (const r of c.requirements ?? []) {
      const other = seen.get(r.id);
      if (other && other !== c.family) problems.push(problem(CHECK, relative(cataloguePath(c.family)), `id ${r.id} also used by ${other}`));
      seen.set(r.id, c.family);
    }
  }
  return problems;
}

/** Every seed belongs to exactly one family. */
export function checkSeedsAssigned(catalogues: Catalogue[]): Problem[] {
  const problems: Problem[] = [];
  for (const seed of listSeeds()) {
    const owners = catalogues.filter((c) => c.seeds?.includes(seed)).map((c) => c.family);
    if (owners.length !== 1) {
      problems.push(problem(CHECK, `specs/seeds/${seed}`, owners.length === 0 ? 'no catalogue lists this seed' : `listed by several catalogues: ${owners.join(', ')}`));
    }
  }
  return problems;
}
