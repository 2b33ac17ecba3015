#!/usr/bin/env node
// The conform CLI. An installed package has only the build in dist/ and runs it. In a checkout it runs dist/ when
// that is newer than every source file, and the TypeScript sources through tsx (a development dependency)
// otherwise, so a developer's edit is never shadowed by a stale build (docs/decisions/0001-run-typescript-with-tsx.md).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const SOURCE_DIRS = ['src', 'mocks', 'suites'];

function builtAndFresh() {
  if (!fs.existsSync(path.join(root, 'src', 'cli', 'main.ts'))) return true; // an installed package: dist/ is all there is
  let built;
  try {
    built = fs.statSync(path.join(root, 'dist', 'BUILT')).mtimeMs;
  } catch {
    return false;
  }
  const config = fs.statSync(path.join(root, 'playwright.config.ts')).mtimeMs;
  return built >= Math.max(config, ...SOURCE_DIRS.map((dir) => newestSource(path.join(root, dir))));
}

// Output piped into `head` and the like: a closed pipe ends the command quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

let entry;
if (builtAndFresh()) {
  entry = pathToFileURL(path.join(root, 'dist', 'src', 'cli', 'main.js')).href;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = pathToFileURL(path.join(root, 'src', 'cli', 'main.ts')).href;
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
