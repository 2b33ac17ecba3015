import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The nearest folder above `from` whose package.json is conform's: the same from src/ and from a build in dist/. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'conform') return dir;
    } catch {
      // no package.json here: keep looking upwards
    }
    if (path.dirname(dir) === dir) throw new Error(`no conform package.json above ${from}`);
  }
}

/** The project root, wherever the package is installed. */
export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

export const SPECS_DIR = path.join(ROOT, 'specs');
export const SCHEMAS_DIR = path.join(ROOT, 'schemas');
export const SEEDS_DIR = path.join(SPECS_DIR, 'seeds');
export const GENERATED_DIR = path.join(ROOT, 'src', 'generated');

/**
 * True in a clone of the repository, false in an installed package (which carries dist/ but not the TypeScript
 * sources): the checks that generated files are fresh, and the tools they need, are a developer's.
 */
export const SOURCE_CHECKOUT = fs.existsSync(path.join(ROOT, 'src', 'cli', 'main.ts'));

/** ../shared beside the checkout, where the team keeps the original seeds and research; absent on a user's clone. */
export const SHARED_DIR = path.resolve(ROOT, '..', 'shared');

/** Path relative to the project root, for messages. */
export function relative(file: string): string {
  return path.relative(ROOT, file) || '.';
}
