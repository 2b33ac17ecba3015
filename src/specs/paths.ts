import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project root: two levels above src/specs, wherever the package is installed. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SPECS_DIR = path.join(ROOT, 'specs');
export const SCHEMAS_DIR = path.join(ROOT, 'schemas');
export const SEEDS_DIR = path.join(SPECS_DIR, 'seeds');
export const GENERATED_DIR = path.join(ROOT, 'src', 'generated');

/** ../shared beside the checkout, where the team keeps the original seeds and research; absent on a user's clone. */
export const SHARED_DIR = path.resolve(ROOT, '..', 'shared');

/** Path relative to the project root, for messages. */
export function relative(file: string): string {
  return path.relative(ROOT, file) || '.';
}
