import crypto from 'node:crypto';
import fs from 'node:fs';
import { canonicalJson } from '../core/canonical-json.ts';
import { readCatalogue, isSeedSource, type Catalogue } from './catalogue.ts';
import { seedPath } from './seeds.ts';
import type { Family } from './families.ts';

export const sha256 = (data: string | Buffer): string => crypto.createHash('sha256').update(data).digest('hex');

/**
 * What a certificate was measured against: the family's requirement set by version and content hash, each
 * requirement's own hash (so a later conform can say which requirements changed, not only that something did), and
 * the documents the set derives from, by SHA-256. The hashes are of the parsed catalogue in canonical JSON: a comment
 * or a re-ordered key does not change them, a changed level, check, quote or transport does.
 */
export interface CatalogueIdentity {
  family: Family;
  version: number;
  sha256: string;
  /** requirement id → SHA-256 of the requirement in canonical JSON. */
  requirements: Record<string, string>;
  /** The seed documents (specs/seeds/) the requirements quote: file name → SHA-256 of its bytes. */
  documents: Record<string, string>;
}

export function identityOf(catalogue: Catalogue): CatalogueIdentity {
  const quoted = catalogue.requirements.flatMap((r) => [r.source, ...(r.also ?? [])]).filter(isSeedSource).map((s) => s.seed);
  const files = [...new Set([...catalogue.seeds, ...quoted])].sort();
  return {
    family: catalogue.family,
    version: catalogue.version,
    sha256: sha256(canonicalJson(catalogue)),
    requirements: Object.fromEntries(catalogue.requirements.map((r) => [r.id, sha256(canonicalJson(r))])),
    documents: Object.fromEntries(files.map((f) => [f, sha256(fs.readFileSync(seedPath(f)))])),
  };
}

export function catalogueIdentity(family: Family): CatalogueIdentity {
  return identityOf(readCatalogue(family));
}

/** What changed in a requirement set between a recorded identity and another: ids added, removed, changed. */
export interface CatalogueChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

export function catalogueChanges(recorded: Pick<CatalogueIdentity, 'requirements'>, current: Pick<CatalogueIdentity, 'requirements'>): CatalogueChanges {
  const before = recorded.requirements;
  const now = current.requirements;
  return {
    added: Object.keys(now).filter((id) => !(id in before)).sort(),
    removed: Object.keys(before).filter((id) => !(id in now)).sort(),
    changed: Object.keys(now).filter((id) => id in before && before[id] !== now[id]).sort(),
  };
}
