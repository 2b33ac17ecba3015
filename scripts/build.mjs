// Builds dist/ from the TypeScript sources with esbuild: what bin/conform.mjs runs when it is up to date, so a user
// pays neither tsx's compile-on-load nor its loader thread (about 40 MB) on every start. `npm run build`; npm ci
// runs it through `prepare`.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { 'cli/main': 'src/cli/main.ts', index: 'src/index.ts', 'msw/index': 'mocks/msw/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
fs.writeFileSync(path.join(root, 'dist', 'BUILT'), `${new Date().toISOString()}\n`);
console.log('built dist/');
