import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../src/specs/paths.ts';
import { FAMILIES } from '../../src/specs/families.ts';

/**
 * A new family is a folder (mocks/, suites/, schemas/, specs/) and one line in the registry: no other hand-written
 * code may name a family. Tests (test/, *.test.ts), docs and the bench are not scanned: they name the families they
 * exercise or describe, and a new family needs none of them edited.
 */
const SCANNED = ['src', 'mocks', 'suites', 'scripts', 'bin', 'playwright.config.ts'];
const DATA = /\.(json|ya?ml)$/;
const NOT_SCANNED = [/\.test\.ts$/, /^src\/generated\//, /^src\/families\/registry\.ts$/, /\/node_modules\//];

/** What must still name a family, each with why: a package's own name, and one chosen example. */
const ALLOWED: Record<string, string> = {
  'src/types/devicehive.d.ts': 'the type declaration of the npm package of that name, which the tests use as a client',
  'scripts/screenshot-report.ts': 'the README screenshot is of one chosen family',
};

function files(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs.readdirSync(full).flatMap((name) => files(path.posix.join(entry, name)));
}

/** Whether the file lies in this family's own folder: mocks/<family>/, suites/<family>/. */
function ownFolder(file: string, family: string): boolean {
  return file.startsWith(`mocks/${family}/`) || file.startsWith(`suites/${family}/`);
}

function strays(): string[] {
  const found: string[] = [];
  const scanned = SCANNED.flatMap(files).filter((f) => !DATA.test(f) && !NOT_SCANNED.some((re) => re.test(f)) && !(f in ALLOWED));
  for (const file of scanned) {
    const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const family of FAMILIES) {
        if (!ownFolder(file, family) && new RegExp(`\\b${family}\\b`, 'i').test(line)) found.push(`${file}:${i + 1}: ${family}: ${line.trim()}`);
      }
    });
  }
  return found;
}

test('no family name appears outside its own folders, the data files, the generated files and the registry', () => {
  assert.deepEqual(strays(), []);
});

test('the allow-list names only files that exist and still name a family', () => {
  for (const file of Object.keys(ALLOWED)) {
    assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} is allowed but does not exist`);
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    assert.ok(FAMILIES.some((f) => new RegExp(`\\b${f}\\b`, 'i').test(text)), `${file} no longer names a family: drop it from the allow-list`);
  }
});
