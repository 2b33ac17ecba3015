// Builds dist/ with the TypeScript compiler (tsconfig.build.json): JavaScript and declarations for the CLI, the
// library, the MSW handlers, the suites and their Playwright config. bin/conform.mjs runs it when it is up to date,
// and the installed package runs nothing else (Playwright does not transform files under node_modules).
// `npm run build`; npm ci and npm pack run it through `prepare`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
// An installed copy (npm install of a git URL runs prepare too) without the compiler has nothing to rebuild.
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  if (fs.existsSync(path.join(dist, 'BUILT'))) process.exit(0);
  console.error('build: the TypeScript compiler is missing: run npm ci');
  process.exit(1);
}
fs.rmSync(dist, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
fs.writeFileSync(path.join(dist, 'BUILT'), `${new Date().toISOString()}\n`);
console.log('built dist/');
