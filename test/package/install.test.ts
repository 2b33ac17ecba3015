// conform as its users get it: `npm pack`, the tarball installed into an empty project, and there every command and
// export the README shows: the CLI (--version, specs, test --mock, mock), `conform/msw` from a Node script and from
// a strict NodeNext TypeScript file checked by the consumer's own compiler (conform's .d.ts included), on Node 20 and,
// where npm can fetch it, Node 22.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from '../../src/specs/paths.ts';

const run = promisify(execFile);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-package-'));
const project = path.join(work, 'app');
let tarball = '';
let npmOutput = '';
const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];

/** The installed CLI under a given node binary (the bin script, as npx runs it). */
const cli = (args: string[], node = process.execPath, timeout = 120_000) => run(node, [path.join(project, 'node_modules', 'conform', 'bin', 'conform.mjs'), ...args], { cwd: project, timeout, maxBuffer: 1 << 24 });

before(async () => {
  const started = performance.now();
  // npm test builds dist/ before any test; packing without the prepack build keeps dist/ still while other test
  // files run from it. Alone, the test builds when there is no build.
  if (!fs.existsSync(path.join(ROOT, 'dist', 'BUILT'))) await run(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
  const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, maxBuffer: 1 << 26 });
  const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string; entryCount: number; size: number; unpackedSize: number; files: Array<{ path: string }> }>;
  const entry = info[0] as (typeof info)[number];
  tarball = path.join(work, path.basename(entry.filename));
  fs.writeFileSync(path.join(work, 'files.json'), JSON.stringify(entry.files.map((f) => f.path)));
  console.log(`# tarball: ${entry.entryCount} files, ${(entry.size / 1024).toFixed(0)} KiB packed, ${(entry.unpackedSize / 1024 / 1024).toFixed(1)} MiB unpacked`);
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  // What a user installs next to conform for the examples: msw for setupServer, and a TypeScript of their own.
  const install = await run('npm', ['install', tarball, 'msw@~2.15.0', 'typescript@~5.9', '@types/node@^20', ...NPM_FLAGS], { cwd: project, maxBuffer: 1 << 24 });
  npmOutput = install.stdout + install.stderr;
  console.log(`# packed and installed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
after(() => fs.rmSync(work, { recursive: true, force: true }));

test('the tarball holds the build, the data and the docs; no sources of tests, benches or CI', () => {
  const files = JSON.parse(fs.readFileSync(path.join(work, 'files.json'), 'utf8')) as string[];
  for (const needed of ['bin/conform.mjs', 'dist/src/cli/main.js', 'dist/src/index.d.ts', 'dist/mocks/msw/index.js', 'dist/mocks/msw/index.d.ts', 'dist/playwright.config.js', 'dist/src/reports/playwright-reporter.js', 'dist/src/reports/live-reporter.js', 'LICENSE', 'README.md', 'schemas/report.schema.json']) {
    assert.ok(files.includes(needed), `${needed} is in the tarball`);
  }
  assert.ok(files.some((f) => f.startsWith('dist/suites/userapi/')), 'the compiled suites');
  assert.ok(files.some((f) => f.startsWith('specs/catalogue/')), 'the catalogue');
  const unwanted = files.filter((f) => /^(test|bench|\.ci|scripts)\//.test(f) || /\.test\.(js|ts)$/.test(f) || (/\.ts$/.test(f) && !f.endsWith('.d.ts')));
  assert.deepEqual(unwanted, []);
});

test('npm install of the tarball warns of no engine on this Node', () => {
  assert.doesNotMatch(npmOutput, /EBADENGINE/);
  assert.ok(fs.existsSync(path.join(project, 'node_modules', 'conform', 'dist', 'src', 'cli', 'main.js')));
  const deps = Object.keys(JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'conform', 'package.json'), 'utf8')).dependencies as object);
  for (const devOnly of ['typescript', 'tsx', 'openapi-typescript', 'esbuild']) assert.ok(!deps.includes(devOnly), `${devOnly} is no runtime dependency`);
  assert.ok(deps.includes('@playwright/test'), 'conform test needs @playwright/test at run time');
});

test('installed: --version, specs --counts and test --mock --family userapi run and write the reports', async () => {
  const v = await cli(['--version']);
  assert.equal(v.stdout.trim(), version);
  const specs = await cli(['specs', '--counts']);
  assert.match(specs.stderr + specs.stdout, /167 requirement\(s\)/);
  const reports = path.join(project, 'reports');
  const started = performance.now();
  const certified = await cli(['test', '--mock', '--family', 'userapi', '--report-dir', reports]);
  console.log(`# installed conform test --mock --family userapi: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  assert.match(certified.stdout, /\[\s*1\/\d+\] ✔ pass/);
  for (const file of ['conformance.json', 'conformance.html', 'junit.xml', 'summary.md']) assert.ok(fs.existsSync(path.join(reports, 'userapi', file)), file);
  const report = JSON.parse(fs.readFileSync(path.join(reports, 'userapi', 'conformance.json'), 'utf8'));
  assert.equal(report.summary.mustFailed, 0);
  assert.ok(report.summary.passed > 30, `passed ${report.summary.passed}`);
});

test('installed: conform mock --ephemeral serves, answers a login, and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, [path.join(project, 'node_modules', 'conform', 'bin', 'conform.mjs'), 'mock', '--ephemeral', '--family', 'userapi'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const deadline = Date.now() + 20_000;
  while (!/http:\/\/127\.0\.0\.1:\d+/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const base = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
  assert.ok(base, out);
  const login = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `json=${encodeURIComponent(JSON.stringify({ email: 'alice@example.com', password: 'alice-password' }))}` });
  assert.equal(login.status, 200);
  assert.match(await login.text(), /eyJ/);
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
});

const SCENARIO = `
const handlers = createHandlers({ api: 'userapi', baseUrl: 'http://users.test:8000' });
const server = setupServer(...handlers);
server.listen({ onUnhandledRequest: 'error' });
const form = (fields: object): RequestInit['body'] => \`json=\${encodeURIComponent(JSON.stringify(fields))}\`;
const headers = { 'content-type': 'application/x-www-form-urlencoded' };
const token: string = await (await fetch('http://users.test:8000/api/login', { method: 'POST', headers, body: form({ email: 'alice@example.com', password: 'alice-password' }) })).json();
const updated = await fetch('http://users.test:8000/api/user/update', { method: 'PUT', headers: { ...headers, authorization: token }, body: form({ name: 'Ada', surname: 'Lovelace', email: 'ada@example.com' }) });
const body = (await updated.json()) as { changes: Record<string, string> };
server.close();
if (updated.status !== 200 || body.changes.email !== 'ada@example.com') throw new Error(\`update: \${updated.status} \${JSON.stringify(body)}\`);
console.log('updated', body.changes.name);
`;

test('conform/msw from a Node script: login and update through setupServer', async () => {
  const script = path.join(project, 'msw.mjs');
  fs.writeFileSync(script, `import { createHandlers } from 'conform/msw';\nimport { setupServer } from 'msw/node';\n${SCENARIO.replace(/: string =/, ' =').replace(/ as \{[^)]*\}/, '').replace(/\(fields: object\): RequestInit\['body'\]/, '(fields)')}`);
  const { stdout } = await run(process.execPath, [script], { cwd: project });
  assert.equal(stdout.trim(), 'updated Ada');
});

test("conform/msw from strict NodeNext TypeScript: the consumer's tsc checks conform's declarations with 0 errors, and it runs", async () => {
  fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: false, outDir: 'out', types: ['node'] }, include: ['msw.ts'] }));
  fs.writeFileSync(path.join(project, 'msw.ts'), `import { createHandlers, type ConformHandlers } from 'conform/msw';\nimport { setupServer } from 'msw/node';\nconst typed: ConformHandlers = createHandlers({ api: 'userapi' });\ntyped.reset();\n${SCENARIO}`);
  const tsc = await run(process.execPath, [path.join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project }).catch((e: { stdout: string; code: number }) => e);
  assert.equal(tsc.stdout.trim(), '', 'tsc reports no error');
  const { stdout } = await run(process.execPath, [path.join(project, 'out', 'msw.js')], { cwd: project });
  assert.equal(stdout.trim(), 'updated Ada');
});

test('installed, on Node 22: --version, specs --counts and test --mock --family userapi', async (t) => {
  let node22 = '';
  try {
    node22 = (await run('npx', ['-y', 'node@22', '-e', 'process.stdout.write(process.execPath)'], { cwd: work, timeout: 120_000 })).stdout.trim();
  } catch (error) {
    return t.skip(`npm could not fetch Node 22 (${(error as Error).message.split('\n')[0]})`);
  }
  const v = await run(node22, ['--version']);
  assert.match(v.stdout, /^v22\./);
  assert.equal((await cli(['--version'], node22)).stdout.trim(), version);
  const specs22 = await cli(['specs', '--counts'], node22);
  assert.match(specs22.stderr + specs22.stdout, /167 requirement\(s\)/);
  const reports = path.join(project, 'reports-22');
  await cli(['test', '--mock', '--family', 'userapi', '--report-dir', reports, '--quiet'], node22);
  const report = JSON.parse(fs.readFileSync(path.join(reports, 'userapi', 'conformance.json'), 'utf8'));
  assert.equal(report.summary.mustFailed, 0);
  assert.ok(report.summary.passed > 30);
});
