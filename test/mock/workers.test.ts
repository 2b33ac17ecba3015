// conform mock --workers N, as a user runs it (bin/conform.mjs in a child process): N node:cluster workers share the
// listeners on a Redis store; a worker killed with SIGKILL is replaced while the others keep serving; SIGINT stops
// all of them. --workers on the memory store, and a bad N, are refused with exit 2 before anything listens.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT } from '../../src/specs/paths.ts';
import { startMockProcess, type MockProcess } from '../helpers/mock-process.ts';
import { skipWithoutRedis, startRedis, type RedisServer } from '../helpers/redis-server.ts';

const redisMissing = skipWithoutRedis || undefined;

let redis: RedisServer | undefined;
before(async () => {
  if (!redisMissing) redis = await startRedis();
});
after(async () => {
  await redis?.stop();
});

async function conform(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'conform.mjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

/** GET /__conform/health on a fresh connection (no keep-alive), so the cluster hands each one to the next worker. */
function health(base: string): Promise<{ status: number; pid: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}/__conform/health`, { agent: false, headers: { connection: 'close' } }, (response) => {
      let body = '';
      response.on('data', (d) => (body += d));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, pid: (JSON.parse(body) as { pid: number }).pid }));
    });
    request.on('error', reject);
    request.setTimeout(5000, () => request.destroy(new Error('health timed out')));
  });
}

/** The pids that answer, over at most `tries` connections, until `wanted` distinct ones did. */
async function answeringPids(base: string, wanted: number, tries = 40): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < tries && pids.size < wanted; i++) pids.add((await health(base)).pid);
  return pids;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('--workers on the memory store is refused with exit 2 and says why, before anything listens', async () => {
  const run = await conform(['mock', '--ephemeral', '--workers', '2']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--workers 2 needs a shared store: on the memory store each process would hold its own state .* add --store redis:\/\/host:6379\/0, or run one worker \[CONFORM_ERR_CONFIG\]/);
  assert.equal(run.stdout, '', 'no banner');
});

test('a bad worker count is refused with exit 2 and a precise message', async () => {
  const expected: Array<[string, RegExp]> = [
    ['0', /argument '0' is invalid\. 0 is not between 1 and 64\./],
    ['-1', /argument '-1' is invalid\. -1 is not between 1 and 64\./],
    ['abc', /argument 'abc' is invalid\. "abc" is not an integer\./],
    ['65', /argument '65' is invalid\. 65 is not between 1 and 64\./],
  ];
  for (const [value, message] of expected) {
    const run = await conform(['mock', '--ephemeral', '--workers', value]);
    assert.equal(run.code, 2, value);
    assert.match(run.stderr, message, value);
  }
});

test('an unreachable store refuses --workers with exit 2 once, without printing the password', async () => {
  const run = await conform(['mock', '--ephemeral', '--workers', '2', '--store', 'redis://:not-the-password@127.0.0.1:1/0']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--store redis:\/\/\*\*\*@127\.0\.0\.1:1\/0: Redis does not answer .*\[CONFORM_ERR_STORE\]/);
  assert.equal(run.stderr.match(/CONFORM_ERR_STORE/g)?.length, 1, run.stderr);
  assert.doesNotMatch(run.stderr, /not-the-password/);
});

test('--workers 2 on Redis: both workers serve, a SIGKILLed worker is replaced while the other serves, SIGINT stops them all', { skip: redisMissing }, async () => {
  const mock: MockProcess = startMockProcess(['--family', 'userapi', '--store', redis!.url, '--workers', '2']);
  try {
    const urls = await mock.ready;
    const base = new URL(urls['userapi http']!).origin;
    const banner = mock.output();
    assert.equal(banner.match(/conform mock is ready/g)?.length, 1, 'one banner for both workers');
    const listed = /workers: 2 processes \(pids (\d+), (\d+)\)/.exec(banner);
    assert.ok(listed, banner);
    const workerPids = [Number(listed[1]), Number(listed[2])];
    assert.deepEqual([...(await answeringPids(base, 2))].sort(), [...workerPids].sort(), 'both workers answer on the one port');

    const [victim, survivor] = workerPids as [number, number];
    process.kill(victim, 'SIGKILL');
    await until('the victim to be gone', () => !alive(victim));
    // The survivor keeps serving while the replacement starts.
    assert.deepEqual(await health(base), { status: 200, pid: survivor });
    await until('a replacement to answer', async () => {
      const pids = await answeringPids(base, 2, 6);
      return pids.size === 2 && !pids.has(victim);
    });
    const replaced = [...(await answeringPids(base, 2))].filter((pid) => pid !== survivor);
    assert.equal(replaced.length, 1);
    assert.notEqual(replaced[0], victim);

    mock.child.kill('SIGINT');
    const end = await mock.exited;
    assert.equal(end.code, 0, end.stderr);
    for (const pid of [survivor, replaced[0]!]) assert.equal(alive(pid), false, `worker ${pid} stopped`);
    assert.match(end.stderr, new RegExp(`worker ${victim} died \\(code null, signal SIGKILL\\); starting another \\(restart 1 of 5 per 60 s\\)`));
    assert.match(end.stderr, /conform mock stopped/);
  } finally {
    if (mock.child.exitCode === null) mock.child.kill('SIGKILL');
  }
});

test('workers: in a configuration file or CONFORM_MOCK_WORKERS is checked as the flag is', async () => {
  const { resolveMockConfig, configFromEnv } = await import('../../src/config/mock-config.ts');
  const { checkWorkers } = await import('../../src/cli/mock-workers.ts');
  const resolve = (file: object, env: NodeJS.ProcessEnv = {}) => resolveMockConfig({ file, env: configFromEnv(env) }, new Set());
  for (const [file, env] of [[{ workers: 0 }, {}], [{ workers: 65 }, {}], [{}, { CONFORM_MOCK_WORKERS: 'abc' }], [{}, { CONFORM_MOCK_WORKERS: '2.5' }]] as Array<[object, NodeJS.ProcessEnv]>) {
    assert.throws(() => resolve(file, env), (error: Error & { code?: string }) => error.code === 'CONFORM_ERR_CONFIG' && /workers/.test(error.message), JSON.stringify([file, env]));
  }
  assert.equal(resolve({}, { CONFORM_MOCK_WORKERS: '3' }).workers, 3);
  assert.throws(() => checkWorkers(resolve({ workers: 2 })), /--workers 2 needs a shared store/);
  assert.doesNotThrow(() => checkWorkers(resolve({ workers: 2, store: 'redis://127.0.0.1:6379/0' })));
  assert.doesNotThrow(() => checkWorkers(resolve({ workers: 1 })));
});
