import { CATEGORIES, FAMILIES, LEVELS, TRANSPORTS } from '../specs/families.ts';
import type { CatalogueRow } from '../specs/catalogue.ts';
import { ToolError } from './errors.ts';

export interface SpecsFilter {
  family?: string[];
  category?: string[];
  level?: string[];
  transport?: string[];
  operation?: string[];
}

const KNOWN = {
  family: FAMILIES as readonly string[],
  category: CATEGORIES as readonly string[],
  level: LEVELS as readonly string[],
  transport: TRANSPORTS as readonly string[],
};

/** "a,b" and repeated flags both give a list; values are trimmed and empty ones dropped. */
export function splitList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

/** Rejects unknown filter values with the list of known ones, before anything is printed. */
export function validateFilter(filter: SpecsFilter, operations: readonly string[]): void {
  for (const key of Object.keys(KNOWN) as Array<keyof typeof KNOWN>) {
    const known = KNOWN[key];
    const values = filter[key] ?? [];
    const unknown = values.filter((v) => !known.includes(key === 'level' ? v.toUpperCase() : v));
    if (unknown.length > 0) {
      throw new ToolError('CONFORM_ERR_USAGE', `unknown ${key} ${unknown.map((u) => `"${u}"`).join(', ')}: expected one of ${known.join(', ')}`);
    }
  }
  const unknownOps = (filter.operation ?? []).filter((o) => !operations.includes(o));
  if (unknownOps.length > 0) {
    throw new ToolError('CONFORM_ERR_USAGE', `unknown operation ${unknownOps.map((u) => `"${u}"`).join(', ')}: expected one of ${operations.join(', ')}`);
  }
}

export function applyFilter(rows: CatalogueRow[], filter: SpecsFilter): CatalogueRow[] {
  const levels = filter.level?.map((l) => l.toUpperCase());
  return rows.filter(
    (r) =>
      (!filter.family?.length || filter.family.includes(r.family)) &&
      (!filter.category?.length || filter.category.includes(r.category)) &&
      (!levels?.length || levels.includes(r.level)) &&
      (!filter.transport?.length || r.transports.some((t) => filter.transport?.includes(t))) &&
      (!filter.operation?.length || filter.operation.includes(r.operation)),
  );
}
