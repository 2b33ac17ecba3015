import { examplesPath, exampleInstance, type ExampleFile } from '../examples.ts';
import { formatAjvErrors, listSchemaFiles, type SchemaRegistry } from '../schema-registry.ts';
import { findQuote, linesOfQuote, loadSeed, type Seed } from '../seeds.ts';
import { relative } from '../paths.ts';
import { problem, type Problem } from '../problem.ts';
import type { Family } from '../families.ts';

const CHECK = 'examples';

/** The documents' examples validate; each schema file rejects at least one broken instance with the expected error. */
export function checkExamples(family: Family, file: ExampleFile, registry: SchemaRegistry, seeds: string[]): Problem[] {
  const path = relative(examplesPath(family));
  const validateFile = registry.validator('examples.schema.json');
  if (!validateFile) return [problem(CHECK, path, 'schemas/examples.schema.json does not compile')];
  if (!validateFile(file)) return [problem(CHECK, path, `does not match schemas/examples.schema.json: ${formatAjvErrors(validateFile.errors)}`)];
  const problems: Problem[] = [];
  const ids = new Set<string>();
  for (const example of file.examples) {
    const label = example.id;
    if (ids.has(label)) problems.push(problem(CHECK, path, `duplicate example id ${label}`));
    ids.add(label);
    if (!seeds.includes(example.seed)) {
      problems.push(problem(CHECK, path, `${label}: seed ${example.seed} is not one of this family's seeds`));
      continue;
    }
    const seed = loadSeed(example.seed);
    if (findQuote(seed, example.quote).length === 0) {
      problems.push(problem(CHECK, path, `${label}: quote not found in ${example.seed}`));
      continue;
    }
    let instance: unknown;
    try {
      instance = exampleInstance(example, example.quote);
    } catch (error) {
      problems.push(problem(CHECK, path, `${label}: cannot parse as ${example.parse}: ${(error as Error).message}`));
      continue;
    }
    const validate = registry.validator(example.schema);
    if (!validate) problems.push(problem(CHECK, path, `${label}: schema ${example.schema} does not exist or compile`));
    else if (!validate(instance)) problems.push(problem(CHECK, path, `${label}: rejected by ${example.schema}: ${formatAjvErrors(validate.errors)}`));
  }
  problems.push(...checkCounterexamples(family, file, registry));
  for (const seedName of seeds) problems.push(...checkExampleBlocksCovered(loadSeed(seedName), file));
  return problems;
}

function checkCounterexamples(family: Family, file: ExampleFile, registry: SchemaRegistry): Problem[] {
  const path = relative(examplesPath(family));
  const problems: Problem[] = [];
  const exercised = new Set<string>();
  file.counterexamples.forEach((c, i) => {
    const label = `counterexamples[${i}] (${c.schema})`;
    const validate = registry.validator(c.schema);
    if (!validate) {
      problems.push(problem(CHECK, path, `${label}: schema does not exist or compile`));
      return;
    }
    exercised.add(c.schema.split('#')[0] ?? c.schema);
    if (validate(c.instance)) {
      problems.push(problem(CHECK, path, `${label}: the broken instance is accepted (${c.why})`));
      return;
    }
    const precise = (validate.errors ?? []).some((e) => e.keyword === c.error.keyword && e.instancePath === c.error.instancePath);
    if (!precise) {
      problems.push(problem(CHECK, path, `${label}: expected error ${c.error.keyword} at "${c.error.instancePath}", got ${formatAjvErrors(validate.errors)}`));
    }
  });
  for (const schema of listSchemaFiles().filter((f) => f.startsWith(`${family}/`))) {
    if (!exercised.has(schema)) problems.push(problem(CHECK, path, `schema ${schema} has no counterexample`));
  }
  return problems;
}

/**
 * The documents' examples are their JSON blocks (a line "{" at column 0, or after "--data '") and their curl
 * commands; each must be registered as an example. readme.io's [block:parameters] tables are not examples.
 */
export function exampleBlocks(seed: Seed): Array<{ start: number; end: number }> {
  const blocks: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < seed.lines.length; i++) {
    const line = seed.lines[i] ?? '';
    if (line.startsWith('curl ')) {
      // The command goes on while a line ends with a backslash or a single-quoted argument is still open.
      let end = i;
      let open = false;
      for (;;) {
        const current = seed.lines[end] ?? '';
        open = (current.split("'").length - 1) % 2 === 1 ? !open : open;
        if (end + 1 >= seed.lines.length || (!open && !/\\\s*$/.test(current))) break;
        end++;
      }
      blocks.push({ start: i, end });
      i = end;
      continue;
    }
    if (line.trimEnd() === '{' && !/^\[block:/.test(seed.lines[i - 1] ?? '') && !/^\s/.test(line)) {
      let end = i + 1;
      while (end < seed.lines.length && !/^}/.test(seed.lines[end] ?? '')) end++;
      blocks.push({ start: i, end });
      i = end;
    }
  }
  return blocks;
}

function checkExampleBlocksCovered(seed: Seed, file: ExampleFile): Problem[] {
  const covered = new Set<number>();
  for (const e of file.examples) if (e.seed === seed.file) for (const l of linesOfQuote(seed, e.quote)) covered.add(l);
  const problems: Problem[] = [];
  for (const block of exampleBlocks(seed)) {
    const lines = [];
    for (let l = block.start; l <= block.end; l++) if ((seed.lines[l] ?? '').trim() && !/^[\s{}[\],:'`]*$/.test(seed.lines[l] ?? '')) lines.push(l);
    const uncovered = lines.filter((l) => !covered.has(l));
    if (uncovered.length > 0) {
      problems.push(problem(CHECK, `specs/seeds/${seed.file}`, `the example at lines ${block.start + 1}-${block.end + 1} is not registered in specs/examples (first uncovered line ${(uncovered[0] ?? 0) + 1})`));
    }
  }
  return problems;
}
