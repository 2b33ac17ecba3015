/**
 * `npm run bench`: the mock against bare baselines, side by side in one run, written as ratios
 * (reports/bench.json). Absolute figures vary 15-35% between runs on this kind of machine; ratios measured in the
 * same run are what to compare (../shared/research/performance.md). Every load loop is bounded in time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import os from 'node:os';
import { BENCH_DIR, startChild, startProcess, type Child } from './load/child.ts';
import { wsRoundTrips } from './load/ws-load.ts';
import { mqttRoundTrips } from './load/mqtt-load.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const ROOT = path.resolve(BENCH_DIR, '..');

interface MockReady {
  listeners: Array<{ family: string; transport: string; url: string }>;
  credentials: Record<string, { admin?: { username?: string; login?: string; password: string } }>;
}

/** The mock as a user runs it: `conform mock` (the build in dist/ when fresh), its endpoints read from its target files. */
function startCliMock(families: string[]): Promise<Child<MockReady>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-bench-'));
  const args = [path.join(ROOT, 'bin', 'conform.mjs'), 'mock', '--ephemeral', '--family', families.join(','), '--targets-dir', dir];
  return startProcess(args, (out) => {
    if (!out.includes('conform mock is ready')) return undefined;
    const targets = families.map((f) => JSON.parse(fs.readFileSync(path.join(dir, `${f}.json`), 'utf8')) as Record<string, any>);
    return {
      listeners: targets.flatMap((t) => ['http', 'ws', 'mqtt'].filter((k) => t[k]).map((k) => ({ family: t.api, transport: k, url: t[k] }))),
      credentials: Object.fromEntries(targets.map((t) => [t.api, t.auth])),
    };
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * PUT /_me from `connections` connections, each as its own user (tokens[i]): one user updated from 100 connections
 * at once would measure version conflicts, as it would on a real Kuzzle, not round trips.
 */
async function http(url: string, tokens: string[], connections: number): Promise<number> {
  let next = 0;
  const result = await autocannon({
    url: `${url}/_me`,
    method: 'PUT',
    connections,
    duration: SECONDS,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fullname: 'Walter Smith', foo: 'bar' }),
    setupClient: (client: { setHeaders(headers: Record<string, string>): void }) => {
      client.setHeaders({ authorization: `Bearer ${tokens[next++ % tokens.length]}`, 'content-type': 'application/json' });
    },
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`HTTP load got ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return result.requests.average;
}

async function kuzzleToken(base: string, credentials: { username?: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/_login/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: credentials.username, password: credentials.password, expiresIn: '1h' }) });
  const body = (await res.json()) as { result?: { jwt?: string } };
  if (!body.result?.jwt) throw new Error(`Kuzzle login failed: ${JSON.stringify(body)}`);
  return body.result.jwt;
}

/** One user (profile default) per connection, created through the API as a client would. */
async function kuzzleUsers(base: string, adminToken: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `bench-${i}`;
    const res = await fetch(`${base}/users/${id}/_create?refresh=wait_for`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: { profileIds: ['default'] }, credentials: { local: { username: id, password: 'bench-password' } } }),
    });
    if (res.status !== 200) throw new Error(`createUser ${id} answered ${res.status}: ${await res.text()}`);
    tokens.push(await kuzzleToken(base, { username: id, password: 'bench-password' }));
  }
  return tokens;
}

const listener = (ready: MockReady, family: string, transport: string) => {
  const l = ready.listeners.find((x) => x.family === family && x.transport === transport);
  if (!l) throw new Error(`the mock has no ${family} ${transport} listener`);
  return l.url;
};

/** Start-up: `conform mock` (every family) from spawn to its "ready" line, as a user starts it. */
async function cliStartMs(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), 'mock', '--ephemeral'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('conform mock was not ready within 20 s')), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('conform mock is ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const ms = performance.now() - started;
  child.kill('SIGKILL');
  return ms;
}

async function measure<T>(name: string, run: () => Promise<T>): Promise<T> {
  process.stderr.write(`  ${name}…\n`);
  return run();
}

const results: Record<string, { baseline: number[]; mock: number[]; unit: string }> = {};
const record = (key: string, unit: string, baseline: number, mock: number) => {
  results[key] ??= { baseline: [], mock: [], unit };
  results[key].baseline.push(baseline);
  results[key].mock.push(mock);
};

let mockPeak = 0;
let bareHttpPeak = 0;
for (let round = 1; round <= ROUNDS; round++) {
  process.stderr.write(`round ${round}/${ROUNDS}\n`);
  const bare = await startChild<{ port: number }>('servers/bare-http.ts', ['bench-token']);
  const mock = await startCliMock(['kuzzle', 'devicehive']);
  try {
    const kuzzle = listener(mock.ready, 'kuzzle', 'http');
    const token = await kuzzleToken(kuzzle, mock.ready.credentials.kuzzle?.admin ?? { password: '' });
    const tokens = await kuzzleUsers(kuzzle, token, 100);
    for (const connections of [10, 100]) {
      const b = await measure(`bare node:http PUT /_me, ${connections} connections`, () => http(`http://127.0.0.1:${bare.ready.port}`, ['bench-token'], connections));
      const m = await measure(`mock PUT /_me, ${connections} connections`, () => http(kuzzle, tokens, connections));
      record(`http PUT /_me ×${connections}`, 'requests/s', b, m);
    }
    bareHttpPeak = Math.max(bareHttpPeak, bare.peakRssMb());
    const bareWs = await startChild<{ port: number }>('servers/bare-ws.ts');
    // Connection c sends as user c (see kuzzleUsers); the request id starts with the connection number.
    const ws = (id: string) => ({ controller: 'auth', action: 'updateSelf', requestId: id, jwt: tokens[Number(id.split('-')[0]) % tokens.length], body: { fullname: 'Walter Smith' } });
    const bw = await measure('bare ws round trips, 50 connections', () => wsRoundTrips(`ws://127.0.0.1:${bareWs.ready.port}`, 50, SECONDS * 1000, ws));
    const mw = await measure('mock Kuzzle WebSocket updateSelf, 50 connections', () => wsRoundTrips(listener(mock.ready, 'kuzzle', 'ws'), 50, SECONDS * 1000, ws));
    record('ws updateSelf ×50', 'round trips/s', bw, mw);
    await bareWs.stop();
    const bareMqtt = await startChild<{ port: number }>('servers/bare-aedes.ts');
    const dh = mock.ready.credentials.devicehive?.admin ?? { password: '' };
    const bm = await measure('bare aedes responder, 50 clients', () => mqttRoundTrips(`mqtt://127.0.0.1:${bareMqtt.ready.port}`, 50, SECONDS * 1000, {}));
    const mm = await measure('mock DeviceHive MQTT user/updateCurrent, 50 clients', () => mqttRoundTrips(listener(mock.ready, 'devicehive', 'mqtt'), 50, SECONDS * 1000, { username: dh.login, password: dh.password }));
    record('mqtt user/updateCurrent ×50', 'round trips/s', bm, mm);
    await bareMqtt.stop();
    mockPeak = Math.max(mockPeak, mock.peakRssMb());
  } finally {
    await Promise.all([bare.stop(), mock.stop()]);
  }
}

const starts: number[] = [];
const bareStarts: number[] = [];
for (let i = 0; i < 3; i++) {
  const b: Child<{ port: number }> = await startChild('servers/bare-http.ts');
  bareStarts.push(b.startMs);
  await b.stop();
  starts.push(await measure('conform mock start-up', cliStartMs));
}

const rows = Object.entries(results).map(([name, r]) => ({ name, unit: r.unit, baseline: Math.round(median(r.baseline)), mock: Math.round(median(r.mock)), ratio: Math.round((median(r.mock) / median(r.baseline)) * 100) / 100, goal: 0.5 }));
const summary = {
  tool: 'conform bench',
  at: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  secondsPerMeasure: SECONDS,
  rounds: ROUNDS,
  throughput: rows,
  startup: { conformMockMs: Math.round(median(starts)), bareNodeHttpMs: Math.round(median(bareStarts)), goalMs: 1000 },
  memory: { mockPeakRssMb: mockPeak, bareNodeHttpPeakRssMb: bareHttpPeak, goalMb: 150 },
};
fs.mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'reports', 'bench.json'), `${JSON.stringify(summary, null, 2)}\n`);

console.log('\nscenario                          baseline        mock   ratio  (goal ≥ 0.5)');
for (const r of rows) console.log(`${r.name.padEnd(30)} ${String(r.baseline).padStart(10)} ${String(r.mock).padStart(10)}   ${r.ratio.toFixed(2)}  ${r.unit}`);
console.log(`start-up: conform mock ${summary.startup.conformMockMs} ms (bare node:http ${summary.startup.bareNodeHttpMs} ms; goal < 1000 ms)`);
console.log(`peak memory: mock ${mockPeak} MB (bare node:http ${bareHttpPeak} MB; goal < 150 MB)`);
console.log('written to reports/bench.json');
