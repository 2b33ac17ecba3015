import fs from 'node:fs';
import path from 'node:path';
import { SPECS_DIR } from './paths.ts';
import { identityOf } from './catalogue-identity.ts';
import { readCatalogue, type Catalogue } from './catalogue.ts';
import type { Family } from './families.ts';
import { ToolError } from '../core/tool-error.ts';

/**
 * Frozen requirement sets: each version of a family's catalogue, as it was when that version was current, kept in
 * specs/catalogue/frozen/<family>-v<version>.json (written by `npm run freeze`). An old certificate names its
 * version; `conform specs --changes <version>` says what was added, removed, re-levelled or changed since, so the
 * certificate keeps its meaning as the catalogue grows. A test holds the current catalogue to its frozen copy: a
 * requirement changed without raising `version` fails it.
 */
export interface FrozenCatalogue {
  family: Family;
  version: number;
  sha256: string;
  /** requirement id → what a reader of an old certificate needs: its level, title and content hash. */
  requirements: Record<string, { level: string; title: string; sha256: string }>;
}

export const FROZEN_DIR = path.join(SPECS_DIR, 'catalogue', 'frozen');

export function frozenPath(family: Family, version: number): string {
  return path.join(FROZEN_DIR, `${family}-v${version}.json`);
}

export function freeze(catalogue: Catalogue): FrozenCatalogue {
  const identity = identityOf(catalogue);
  return {
    family: catalogue.family,
    version: catalogue.version,
    sha256: identity.sha256,
    requirements: Object.fromEntries(catalogue.requirements.map((r) => [r.id, { level: r.level, title: r.title, sha256: identity.requirements[r.id]! }])),
  };
}

/** The frozen versions of a family there are, oldest first. */
export function frozenVersions(family: Family): number[] {
  if (!fs.existsSync(FROZEN_DIR)) return [];
  const pattern = new RegExp(`^${family}-v(\\d+)\\.json$`);
  return fs.readdirSync(FROZEN_DIR).flatMap((f) => (pattern.test(f) ? [Number(pattern.exec(f)![1])] : [])).sort((a, b) => a - b);
}

export function readFrozen(family: Family, version: number): FrozenCatalogue {
  const file = frozenPath(family, version);
  if (!fs.existsSync(file)) {
    const known = frozenVersions(family);
    throw new ToolError('CONFORM_ERR_USAGE', `${family} has no catalogue version ${version}: its versions are ${known.join(', ') || 'none frozen'} (current ${readCatalogue(family).version})`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as FrozenCatalogue;
}

export interface CatalogueChanges {
  family: Family;
  from: number;
  to: number;
  added: Array<{ id: string; level: string; title: string }>;
  removed: Array<{ id: string; level: string; title: string }>;
  relevelled: Array<{ id: string; from: string; to: string }>;
  /** Same id and level, other content: the check, the quote, the transports or the title. */
  changed: string[];
}

export function changesBetween(before: FrozenCatalogue, after: FrozenCatalogue): CatalogueChanges {
  const changes: CatalogueChanges = { family: after.family, from: before.version, to: after.version, added: [], removed: [], relevelled: [], changed: [] };
  for (const [id, r] of Object.entries(after.requirements)) {
    const old = before.requirements[id];
    if (!old) changes.added.push({ id, level: r.level, title: r.title });
    else if (old.level !== r.level) changes.relevelled.push({ id, from: old.level, to: r.level });
    else if (old.sha256 !== r.sha256) changes.changed.push(id);
  }
  for (const [id, r] of Object.entries(before.requirements)) if (!(id in after.requirements)) changes.removed.push({ id, level: r.level, title: r.title });
  return changes;
}

/** What changed in a family's catalogue since one of its versions, up to the catalogue as it is now. */
export function changesSince(family: Family, version: number): CatalogueChanges {
  return changesBetween(readFrozen(family, version), freeze(readCatalogue(family)));
}

export function renderChanges(changes: CatalogueChanges): string {
  const lines = [`${changes.family}: version ${changes.from} → ${changes.to}: ${changes.added.length} added, ${changes.removed.length} removed, ${changes.relevelled.length} re-levelled, ${changes.changed.length} changed`];
  for (const r of changes.added) lines.push(`  + ${r.level.padEnd(6)} ${r.id}  ${r.title}`);
  for (const r of changes.removed) lines.push(`  - ${r.level.padEnd(6)} ${r.id}  ${r.title}`);
  for (const r of changes.relevelled) lines.push(`  ~ ${r.id}: ${r.from} → ${r.to}`);
  for (const id of changes.changed) lines.push(`  * ${id}: check, quote, transports or title changed`);
  return lines.join('\n');
}
