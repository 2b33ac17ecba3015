// Concurrent updates of one Kuzzle profile through two `conform mock --store redis://…` processes (bin/conform.mjs:
// `npm run build` first): every acknowledged update is in Redis, versions strictly increase and none is answered
// twice, a conflict with retryOnConflict=0 is observable across processes, and a process killed with SIGKILL under
// that load loses no acknowledged write while the other keeps serving.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipWithoutRedis } from '../helpers/redis-server.ts';
import { startSharedPair, type SharedMock, type SharedPair } from '../helpers/shared-mocks.ts';

const JSON_TYPE = { 'content-type': 'application/json' };
const WORKERS_PER_PROCESS = 4;

let pair: SharedPair | undefined;
let a: SharedMock;
let b: SharedMock;
let jwt: string;
const profileId = `hot-${Date.now()}`;

before(async () => {
  if (skipWithoutRedis) return;
  pair = await startSharedPair(['--family', 'kuzzle']);
  ({ a, b } = pair);
  const login = await fetch(`${a.urls['kuzzle http']}/_login/local`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(a.credentials.kuzzle.admin) });
  jwt = ((await login.json()) as { result: { jwt: string } }).result.jwt;
  const created = await fetch(`${a.urls['kuzzle http']}/profiles/${profileId}/_create`, { method: 'POST', headers: { ...JSON_TYPE, authorization: `Bearer ${jwt}` }, body: JSON.stringify({ policies: [{ roleId: 'default' }] }) });
  assert.equal(created.status, 200, await created.text());
});
after(async () => {
  await pair?.stop();
});

interface Ack {
  key: string;
  version: number;
  via: string;
}

async function update(base: string, body: Record<string, unknown>, query = ''): Promise<{ status: number; json: any }> {
  const response = await fetch(`${base}/profiles/${profileId}/_update${query}`, { method: 'PUT', headers: { ...JSON_TYPE, authorization: `Bearer ${jwt}` }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

/** One client: sequential updates, each setting its own key, until `until`; what was acknowledged, in order. */
async function worker(name: string, base: string, until: number, acks: Ack[], failures: { count: number }): Promise<void> {
  let last = 0;
  for (let n = 0; Date.now() < until; n++) {
    const key = `${name}_${n}`;
    let answer: { status: number; json: any };
    try {
      answer = await update(base, { [key]: n });
    } catch {
      // A killed process: no answer, so nothing acknowledged; the connection is gone for good.
      failures.count++;
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    if (answer.status !== 200) {
      failures.count++;
      continue;
    }
    const version = answer.json.result._version as number;
    assert.ok(version > last, `${name}: version ${version} after ${last}`);
    last = version;
    acks.push({ key, version, via: name });
  }
}

async function readProfile(base: string): Promise<{ source: Record<string, unknown> }> {
  const response = await fetch(`${base}/profiles/${profileId}`, { headers: { authorization: `Bearer ${jwt}` } });
  const json = (await response.json()) as { result: { _source: Record<string, unknown> } };
  return { source: json.result._source };
}

function checkAcks(acks: Ack[], source: Record<string, unknown>): void {
  const versions = acks.map((ack) => ack.version);
  assert.equal(new Set(versions).size, versions.length, 'no version answered twice');
  const missing = acks.filter((ack) => !(ack.key in source));
  assert.equal(missing.length, 0, `acknowledged updates missing: ${missing.slice(0, 5).map((m) => m.key).join(', ')}`);
}

test('10 s of concurrent updates of one document through both processes: all acknowledged, unique increasing versions', { skip: skipWithoutRedis }, async () => {
  const acks: Ack[] = [];
  const failures = { count: 0 };
  const started = Date.now();
  const until = started + 10_000;
  await Promise.all([
    ...Array.from({ length: WORKERS_PER_PROCESS }, (_, i) => worker(`a${i}`, a.urls['kuzzle http']!, until, acks, failures)),
    ...Array.from({ length: WORKERS_PER_PROCESS }, (_, i) => worker(`b${i}`, b.urls['kuzzle http']!, until, acks, failures)),
  ]);
  const seconds = (Date.now() - started) / 1000;
  assert.equal(failures.count, 0, 'no update failed (conflicts across processes are re-run)');
  assert.ok(acks.length > 50, `only ${acks.length} updates`);
  const final = await readProfile(b.urls['kuzzle http']!);
  checkAcks(acks, final.source);
  // One more update, through the other process than the last: its version is above every one answered.
  const highest = Math.max(...acks.map((x) => x.version));
  const next = await update(a.urls['kuzzle http']!, { last: true });
  assert.equal(next.json.result._version, highest + 1);
  const counters = await Promise.all([a, b].map(async (m) => ((await (await fetch(`${m.urls['kuzzle http']}/__conform/health`)).json()) as { store: { commits: number; reruns: number } }).store));
  assert.ok(counters.every((c) => c.commits > 0), JSON.stringify(counters));
  console.log(`# commits and re-runs after losing a commit race: A ${JSON.stringify(counters[0])}, B ${JSON.stringify(counters[1])}`);
  console.log(`# two processes: ${acks.length} updates of one document in ${seconds.toFixed(1)} s = ${(acks.length / seconds).toFixed(0)} updates/s (${acks.filter((x) => x.via.startsWith('a')).length} via A)`);
});

test('retryOnConflict=0 across processes: updates sent together through A and B can conflict (services.storage.too_many_changes)', { skip: skipWithoutRedis }, async () => {
  let conflicts = 0;
  let successes = 0;
  for (let round = 0; round < 10 && conflicts === 0; round++) {
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => update((i % 2 ? a : b).urls['kuzzle http']!, { cold: i }, '?retryOnConflict=0')));
    for (const answer of answers) {
      if (answer.status === 200) successes++;
      else {
        assert.equal(answer.status, 500, JSON.stringify(answer.json));
        assert.equal(answer.json.error.id, 'services.storage.too_many_changes');
        conflicts++;
      }
    }
  }
  assert.ok(conflicts >= 1, 'no conflict was observable across processes');
  assert.ok(successes >= 1, 'some updates won');
});

test('SIGKILL of process A under load: no acknowledged update is lost, B keeps serving', { skip: skipWithoutRedis }, async () => {
  const acks: Ack[] = [];
  const failures = { count: 0 };
  const until = Date.now() + 8000;
  const kill = new Promise<void>((resolve) =>
    setTimeout(() => {
      a.process.child.kill('SIGKILL');
      resolve();
    }, 3000),
  );
  await Promise.all([
    kill,
    ...Array.from({ length: WORKERS_PER_PROCESS }, (_, i) => worker(`ka${i}`, a.urls['kuzzle http']!, until, acks, failures)),
    ...Array.from({ length: WORKERS_PER_PROCESS }, (_, i) => worker(`kb${i}`, b.urls['kuzzle http']!, until, acks, failures)),
  ]);
  const exit = await a.process.exited;
  assert.equal(exit.signal, 'SIGKILL');
  const viaA = acks.filter((x) => x.via.startsWith('ka')).length;
  const viaB = acks.filter((x) => x.via.startsWith('kb')).length;
  assert.ok(viaA > 0, 'A acknowledged updates before it was killed');
  const final = await readProfile(b.urls['kuzzle http']!);
  checkAcks(acks, final.source);
  console.log(`# SIGKILL: ${viaA} acknowledged via A (all present), ${viaB} via B, ${failures.count} unanswered on A after the kill`);
});
