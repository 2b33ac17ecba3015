import path from 'node:path';
import { SPECS_DIR } from './paths.ts';
import { readDataFile } from './data-file.ts';
import { FAMILIES, type Category, type Family, type Level, type Transport } from './families.ts';

export interface SeedSource {
  seed: string;
  quote: string;
}
export interface ReferenceSource {
  reference: string;
  citation: string;
}
export type Source = SeedSource | ReferenceSource;

export interface Requirement {
  id: string;
  operation: string;
  transports: Transport[];
  level: Level;
  category: Category;
  title: string;
  source: Source;
  also?: SeedSource[];
  check?: string;
  schema?: string;
  research?: string[];
}

export interface Operation {
  name: string;
  title: string;
  transports: Transport[];
}

export interface Catalogue {
  family: Family;
  /** The requirement set's version: raised whenever a requirement is added, removed or changed (catalogue-identity.ts). */
  version: number;
  title: string;
  seeds: string[];
  operations: Operation[];
  requirements: Requirement[];
  notCheckable: Array<{ source: SeedSource; why: string }>;
  informative: Array<{ source: SeedSource; why: string }>;
  leftOut: Array<{ research: string; why: string }>;
}

/** A requirement as the CLI and reports show it: flat, with its family. */
export interface CatalogueRow extends Requirement {
  family: Family;
}

export function cataloguePath(family: Family): string {
  return path.join(SPECS_DIR, 'catalogue', `${family}.yaml`);
}

/** Reads a catalogue file as it is; validation is the job of the checks (see checks/check-catalogue.ts). */
export function readCatalogue(family: Family): Catalogue {
  return readDataFile(cataloguePath(family)) as Catalogue;
}

export function isSeedSource(source: Source): source is SeedSource {
  return 'seed' in source;
}

/** "seed 000_….txt: “quote”" or "reference <family>.md §3.2 (lib/…:12)": one line for tables. */
export function describeSource(source: Source): string {
  return isSeedSource(source)
    ? `${source.seed}: "${source.quote.replace(/\s+/g, ' ').trim()}"`
    : `reference ${source.reference} (${source.citation})`;
}

export function catalogueRows(catalogues: Catalogue[]): CatalogueRow[] {
  return catalogues.flatMap((c) => c.requirements.map((r) => ({ ...r, family: c.family })));
}

export function allFamilies(): readonly Family[] {
  return FAMILIES;
}
