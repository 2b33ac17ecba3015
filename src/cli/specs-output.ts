import Table from 'cli-table3';
import { describeSource, type CatalogueRow } from '../specs/catalogue.ts';
import { CATEGORIES, FAMILIES, type Family } from '../specs/families.ts';

/** The catalogue as a table a person reads in a terminal: one row per requirement. */
export function renderTable(rows: CatalogueRow[], width = process.stdout.columns || 200): string {
  // Every column but the source fits its longest value, so ids and levels never wrap; the source takes the rest.
  const fit = (values: string[], head: string) => Math.max(head.length, ...values.map((v) => v.length)) + 2;
  const fixed = [
    fit(rows.map((r) => r.family), 'family'),
    fit(rows.map((r) => r.operation), 'operation'),
    fit(rows.map((r) => r.id), 'id'),
    fit(rows.map((r) => r.level), 'level'),
    fit(rows.map((r) => r.category), 'category'),
    fit(rows.map((r) => r.transports.join(',')), 'transports'),
  ];
  const sourceWidth = Math.max(40, width - fixed.reduce((a, b) => a + b, 0) - 8);
  const table = new Table({
    head: ['family', 'operation', 'id', 'level', 'category', 'transports', 'source'],
    colWidths: [...fixed, sourceWidth],
    wordWrap: true,
    wrapOnWordBoundary: false,
    style: { head: [], border: [] },
  });
  for (const r of rows) {
    table.push([r.family, r.operation, r.id, r.level, r.category, r.transports.join(','), describeSource(r.source)]);
  }
  return table.toString();
}

/** Counts per family and category: the figures a closing note or a CI summary quotes. */
export function renderCounts(rows: CatalogueRow[]): string {
  const table = new Table({ head: ['family', ...CATEGORIES, 'total'], style: { head: [], border: [] } });
  const families = FAMILIES.filter((f) => rows.some((r) => r.family === f));
  for (const family of families) {
    const own = rows.filter((r) => r.family === family);
    table.push([family, ...CATEGORIES.map((c) => String(own.filter((r) => r.category === c).length)), String(own.length)]);
  }
  table.push(['all', ...CATEGORIES.map((c) => String(rows.filter((r) => r.category === c).length)), String(rows.length)]);
  return table.toString();
}

/** Machine-readable form: stable keys, one object per requirement. */
export function renderJson(rows: CatalogueRow[]): string {
  return JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      family: r.family as Family,
      operation: r.operation,
      level: r.level,
      category: r.category,
      transports: r.transports,
      title: r.title,
      source: r.source,
      ...(r.also ? { also: r.also } : {}),
      ...(r.check ? { check: r.check } : {}),
      ...(r.schema ? { schema: r.schema } : {}),
    })),
    null,
    2,
  );
}
