import { catalogueRows, readCatalogue } from '../specs/catalogue.ts';
import { FAMILIES } from '../specs/families.ts';
import { formatProblem } from '../specs/problem.ts';
import { verifySpecs } from '../specs/verify.ts';
import { changesSince, renderChanges } from '../specs/frozen-catalogues.ts';
import { ToolError } from './errors.ts';
import { applyFilter, validateFilter, type SpecsFilter } from './specs-filter.ts';
import { renderCounts, renderJson, renderTable } from './specs-output.ts';

export interface SpecsOptions extends SpecsFilter {
  json?: boolean;
  counts?: boolean;
  /** Also validate the OpenAPI and AsyncAPI descriptions and the generated types (slower). */
  verify?: boolean;
  /** List what changed in each (selected) family's catalogue since this version. */
  changes?: number;
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/**
 * `conform specs`: validates the specification layer, then prints the catalogue (filtered) as a table or JSON.
 * An invalid catalogue is never printed as if it were fine: its problems are listed and the exit code is 1.
 */
export async function runSpecs(options: SpecsOptions, io: Output): Promise<number> {
  const catalogues = FAMILIES.map((f) => readCatalogue(f));
  validateFilter(options, [...new Set(catalogues.flatMap((c) => [...c.operations.map((o) => o.name), '*']))]);
  const problems = await verifySpecs({ skipDescriptions: !options.verify });
  if (problems.length > 0) {
    for (const p of problems) io.err(formatProblem(p));
    throw new ToolError('CONFORM_ERR_SPECS_INVALID', `the specification layer has ${problems.length} problem(s), listed above`);
  }
  if (options.changes !== undefined) {
    const families = options.family?.length ? FAMILIES.filter((f) => options.family!.includes(f)) : FAMILIES;
    const all = families.map((f) => changesSince(f, options.changes!));
    io.out(options.json ? JSON.stringify(all, null, 2) : all.map(renderChanges).join('\n'));
    return 0;
  }
  const rows = applyFilter(catalogueRows(catalogues), options);
  if (options.json) {
    io.out(renderJson(rows));
    return 0;
  }
  io.out(options.counts ? renderCounts(rows) : renderTable(rows));
  io.err(`${rows.length} requirement(s)${options.verify ? '; catalogue, schemas, examples and descriptions verified' : '; catalogue, schemas and examples verified'}`);
  return 0;
}
