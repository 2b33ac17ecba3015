import path from 'node:path';
import { SPECS_DIR } from './paths.ts';
import { readDataFile } from './data-file.ts';
import type { Family } from './families.ts';

export interface ResearchItems {
  source: string;
  items: Array<{ n: number; text: string }>;
}

export const RESEARCH_ITEMS_FILE = path.join(SPECS_DIR, 'research-items.yaml');

export function readResearchItems(): Record<Family, ResearchItems> {
  return readDataFile(RESEARCH_ITEMS_FILE) as Record<Family, ResearchItems>;
}

/** "<family>#12" for each item of the family. */
export function researchIds(family: Family, items: ResearchItems): string[] {
  return items.items.map((i) => `${family}#${i.n}`);
}
