/**
 * Growth: does a request slow down as the data grows? DeviceHive user creations/s and logins/s, and Kuzzle logins/s,
 * with 1k and 50k users (Kuzzle: each with a live session), written as the 50k/1k ratio (1.0: no slowdown). With
 * BENCH_BEFORE=<git ref> the same figures come from that ref's tree in the same run, side by side.
 *
 * Each subject (this tree, the ref's) runs in its own Node process that imports the family modules from its own tree
 * and calls FamilyMock.http() directly: sockets would add the same constant to both sizes and hide the growth. The
 * data is loaded through importState (linear on either tree), and every measure is bounded by GROWTH_MS.
 *
 * `node --import tsx bench/growth.ts` alone, or as part of `npm run bench`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SIZES = [1000, 50_000];
const GROWTH_MS = Number(process.env.GROWTH_MS ?? 1500);
/** A cap on the calls of one measure, whatever the machine's speed. */
const MAX_CALLS = 200_000;
const HERE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(HERE), '..');
const WORKER_FLAG = '--growth-subject';

interface Figures {
  [scenario: string]: Record<number, number>;
}

/* ---------- the worker: one tree's family modules, measured in-process ---------- */

interface Request {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
}
interface Mock {
  http(request: Request): Promise<{ status: number; body: string | null }>;
  exportState(): unknown;
  importState(state: unknown): void;
  credentials(): Promise<Record<string, { login?: string; username?: string; password: string }>>;
}

const encoder = new TextEncoder();
const json = (method: string, url: string, body: unknown, headers: Record<string, string> = {}): Request => ({
  method,
  url,
  headers: { host: 'localhost', 'content-type': 'application/json', ...headers },
  body: encoder.encode(JSON.stringify(body)),
});

/** Calls per second of `call` (awaited one after the other) over GROWTH_MS; a call answering `status` otherwise throws. */
async function rate(ms: number, status: number, call: (i: number) => Promise<{ status: number }>): Promise<number> {
  const started = performance.now();
  let calls = 0;
  while (calls < MAX_CALLS && performance.now() - started < ms) {
    const answer = await call(calls);
    if (answer.status !== status) throw new Error(`call ${calls} answered ${answer.status}, expected ${status}`);
    calls++;
  }
  return Math.round(calls / ((performance.now() - started) / 1000));
}

async function worker(root: string): Promise<Figures> {
  const load = async (file: string) => (await import(pathToFileURL(path.join(root, file)).href)) as Record<string, any>;
  const { createBehaviour } = await load('src/core/behaviour.ts');
  const dh = (await load('mocks/devicehive/index.ts')).default;
  const kuzzle = (await load('mocks/kuzzle/index.ts')).default;
  const options = () => ({ behaviour: createBehaviour('documented', []), jwtSecret: 'growth-bench-secret', tokenTtlSeconds: 3600 });
  const figures: Figures = { 'devicehive create user': {}, 'devicehive login': {}, 'kuzzle login': {} };
  const dhAt = await measureDh(dh.create(options()) as Mock);
  const kuzzleAt = await measureKuzzle(kuzzle.create(options()) as Mock);
  // A first, discarded pass warms the JIT up, so that the first size measured is not also the coldest.
  await dhAt(SIZES[0]!, GROWTH_MS / 3);
  await kuzzleAt(SIZES[0]!, GROWTH_MS / 3);
  // Two rounds, the second in reverse order (1k 50k 50k 1k), averaged: a shared machine's drift falls on both sizes.
  const samples: Record<string, Record<number, number[]>> = { 'devicehive create user': {}, 'devicehive login': {}, 'kuzzle login': {} };
  const add = (scenario: string, size: number, value: number) => (samples[scenario]![size] ??= []).push(value);
  for (const order of [SIZES, [...SIZES].reverse()]) {
    for (const size of order) {
      const dhFigures = await dhAt(size, GROWTH_MS / 2);
      add('devicehive create user', size, dhFigures.create);
      add('devicehive login', size, dhFigures.login);
      add('kuzzle login', size, await kuzzleAt(size, GROWTH_MS / 2));
    }
  }
  for (const [scenario, bySize] of Object.entries(samples)) {
    for (const [size, values] of Object.entries(bySize)) figures[scenario]![Number(size)] = Math.round(values.reduce((a, b) => a + b, 0) / values.length);
  }
  return figures;
}

/** DeviceHive with `size` client users next to the seeded administrator: creations/s, then logins/s. */
async function measureDh(mock: Mock): Promise<(size: number, ms: number) => Promise<{ create: number; login: number }>> {
  const seeded = mock.exportState() as { users: Array<{ id: string; version: number; source: Record<string, unknown> }> };
  const admin = seeded.users[0]!;
  const adminLogin = (await mock.credentials()).admin!;
  let run = 0;
  return async (size, ms) => {
    const users = Array.from({ length: size }, (_, i) => ({ id: String(i + 2), version: 1, source: { ...admin.source, id: i + 2, login: `bench${i}`, password: 'bench-password', role: 1 } }));
    mock.importState({ users: [admin, ...users], nextId: size + 2 });
    const tokens = JSON.parse((await mock.http(json('POST', '/api/rest/token', { login: adminLogin.login, password: adminLogin.password }))).body!) as { accessToken: string };
    const auth = { authorization: `Bearer ${tokens.accessToken}` };
    run++;
    const create = await rate(ms, 201, (i) => mock.http(json('POST', '/api/rest/user', { login: `new${run}-${i}`, password: 'bench-password', role: 1 }, auth)));
    const login = await rate(ms, 201, (i) => mock.http(json('POST', '/api/rest/token', { login: `bench${(i * 7919) % size}`, password: 'bench-password' })));
    return { create, login };
  };
}

/** Kuzzle with `size` users of profile default, each with a live one-hour session: logins/s. */
async function measureKuzzle(k: Mock): Promise<(size: number, ms: number) => Promise<number>> {
  const seeded = JSON.stringify(k.exportState());
  return async (size, ms) => {
    const state = JSON.parse(seeded) as Record<string, Array<{ id: string; version: number; source: unknown }>>;
    const now = Date.now();
    const info = { createdAt: now, updatedAt: null, updater: null };
    for (let i = 0; i < size; i++) {
      state.users!.push({ id: `bench-${i}`, version: 1, source: { profileIds: ['default'], _kuzzle_info: info } });
      state.credentials!.push({ id: `bench-${i}`, version: 1, source: { kuid: `bench-${i}`, password: 'bench-password' } });
      state.tokens!.push({ id: `kauth-bench-session-${i}`, version: 1, source: { userId: `bench-${i}`, expiresAt: now + 3_600_000, ttl: 3_600_000 } });
    }
    k.importState(state);
    return rate(ms, 200, (i) => k.http(json('POST', '/_login/local', { username: `bench-${(i * 7919) % size}`, password: 'bench-password' })));
  };
}

/* ---------- the orchestrator: one worker per tree, figures side by side ---------- */

/** The ref's files in a temporary directory (git archive: the repository's branches and worktrees are left alone). */
function treeAt(ref: string): string {
  const commit = execFileSync('git', ['-C', ROOT, 'rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `conform-growth-${commit.slice(0, 8)}-`));
  const archive = path.join(dir, '.tree.tar');
  execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', '-o', archive, commit]);
  execFileSync('tar', ['-xf', archive, '-C', dir]);
  fs.rmSync(archive);
  // The same dependencies: the comparison is between the two trees, not two installs.
  fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

function measureTree(root: string): Figures {
  const run = spawnSync(process.execPath, ['--import', 'tsx', HERE, WORKER_FLAG, root], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 180_000 });
  if (run.status !== 0) throw new Error(`the growth worker on ${root} exited with ${run.status ?? run.signal}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Figures;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function runGrowth(): void {
  const before = process.env.BENCH_BEFORE;
  process.stderr.write(`growth: ${SIZES.join(' and ')} users, ${GROWTH_MS} ms per measure${before ? `, side by side with ${before}` : ''}…\n`);
  const beforeDir = before ? treeAt(before) : undefined;
  try {
    const mock = measureTree(ROOT);
    const old = beforeDir ? measureTree(beforeDir) : undefined;
    const [small, large] = SIZES as [number, number];
    const rows = Object.entries(mock).map(([scenario, by]) => ({
      scenario,
      unit: 'calls/s',
      mock: { [small]: by[small]!, [large]: by[large]!, growthRatio: round2(by[large]! / by[small]!) },
      ...(old ? { before: { [small]: old[scenario]![small]!, [large]: old[scenario]![large]!, growthRatio: round2(old[scenario]![large]! / old[scenario]![small]!) } } : {}),
      ...(old ? { mockOverBeforeAt50k: round2(by[large]! / old[scenario]![large]!) } : {}),
    }));
    fs.mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'reports', 'growth.json'), `${JSON.stringify({ tool: 'conform bench growth', at: new Date().toISOString(), msPerMeasure: GROWTH_MS, sizes: SIZES, ...(before ? { before } : {}), rows }, null, 2)}\n`);
    const cell = (v: number | string | undefined, w: number) => String(v ?? '').padStart(w);
    console.log(`\ngrowth (calls/s, in-process)  ${old ? '  before 1k  before 50k  50k/1k' : ''}     mock 1k    mock 50k  50k/1k${old ? '  mock/before at 50k' : ''}`);
    for (const r of rows) {
      const b = r.before ? `${cell(r.before[small], 11)} ${cell(r.before[large], 10)} ${cell(r.before.growthRatio.toFixed(2), 7)}` : '';
      console.log(`${r.scenario.padEnd(30)} ${b} ${cell(r.mock[small], 11)} ${cell(r.mock[large], 11)} ${cell(r.mock.growthRatio.toFixed(2), 7)}${r.mockOverBeforeAt50k !== undefined ? cell(r.mockOverBeforeAt50k.toFixed(2), 20) : ''}`);
    }
    console.log('written to reports/growth.json');
  } finally {
    if (beforeDir) fs.rmSync(beforeDir, { recursive: true, force: true });
  }
}

const flag = process.argv.indexOf(WORKER_FLAG);
if (flag !== -1) console.log(JSON.stringify(await worker(process.argv[flag + 1]!)));
else if (process.argv[1] && path.resolve(process.argv[1]) === HERE) runGrowth();
