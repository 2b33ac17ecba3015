// `--state` under SIGKILL, one family at a time, against `conform mock` in a child process (bin/conform.mjs uses
// dist/: `npm run build` first): writes go on under load, the mock is killed mid-flight, restarted on the same file,
// and every write whose answer the client received is there. Bounded: a fixed number of writes per family.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMockProcess, type MockProcess } from '../helpers/mock-process.ts';

const TOTAL = 300;
const CONCURRENCY = 16;
/** SIGKILL once this many writes were acknowledged: the others are in flight or not yet sent. */
const KILL_AFTER = 150;
const JSON_TYPE = { 'content-type': 'application/json' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const stateFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conform-crash-')), 'state.json');

/** Calls `kill` once `count()` reaches KILL_AFTER; `killed()` tells the writers to stop sending. */
function killSwitch(mock: MockProcess, count: () => number) {
  let killed = false;
  return {
    killed: () => killed,
    check: () => {
      if (!killed && count() >= KILL_AFTER) {
        killed = true;
        mock.child.kill('SIGKILL');
      }
    },
  };
}

/**
 * Runs `write(n)` for n = 0..TOTAL-1, CONCURRENCY at a time, until the switch kills the mock. A write that throws
 * (its connection was cut by the kill) just ends its worker: it was not acknowledged.
 */
async function load(write: (n: number) => Promise<void>, stopped: () => boolean): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!stopped() && next < TOTAL) {
      try {
        await write(next++);
      } catch {
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function restarted(family: string, file: string, first: MockProcess): Promise<{ second: MockProcess; base: string }> {
  const end = await first.exited;
  assert.equal(end.signal, 'SIGKILL', 'the mock was killed, not stopped cleanly');
  const second = startMockProcess(['--family', family, '--state', file]);
  return { second, base: (await second.ready)[`${family} http`]! };
}

async function stop(mock: MockProcess): Promise<void> {
  mock.child.kill('SIGTERM');
  await mock.exited;
}

test('devicehive --state: every user creation acknowledged before a SIGKILL is there after a restart', async () => {
  const ADMIN = { login: 'dhadmin', password: 'dhadmin_#911' };
  const token = async (base: string) => {
    const res = await fetch(`${base}/token`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(ADMIN) });
    assert.equal(res.status, 201);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const file = stateFile();
  const first = startMockProcess(['--family', 'devicehive', '--state', file]);
  const base = (await first.ready)['devicehive http']!;
  const auth = { authorization: `Bearer ${await token(base)}`, ...JSON_TYPE };
  const acknowledged: number[] = [];
  const kill = killSwitch(first, () => acknowledged.length);
  await load(async (n) => {
    const res = await fetch(`${base}/user`, { method: 'POST', headers: auth, body: JSON.stringify({ login: `crash-user-${n}`, password: 'crash-pass-1', role: 1 }) });
    const body = (await res.json()) as { id: number };
    // An answer read after the kill was still sent before it: it counts as acknowledged.
    if (res.status === 201) acknowledged.push(body.id);
    kill.check();
  }, kill.killed);
  assert.ok(acknowledged.length >= KILL_AFTER);

  const { second, base: again } = await restarted('devicehive', file, first);
  try {
    const headers = { authorization: `Bearer ${await token(again)}` };
    const lost: number[] = [];
    for (const id of acknowledged) {
      const res = await fetch(`${again}/user/${id}`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) lost.push(id);
    }
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged creations lost`);
  } finally {
    await stop(second);
  }
});

test('kuzzle --state: every createUser and the last acknowledged updateSelf before a SIGKILL are there after a restart', async () => {
  const ADMIN = { username: 'admin', password: 'admin-password' };
  const login = async (base: string) => {
    const res = await fetch(`${base}/_login/local`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(ADMIN) });
    assert.equal(res.status, 200);
    return ((await res.json()) as { result: { jwt: string } }).result.jwt;
  };
  const file = stateFile();
  const first = startMockProcess(['--family', 'kuzzle', '--state', file]);
  const base = (await first.ready)['kuzzle http']!;
  const auth = { authorization: `Bearer ${await login(base)}`, ...JSON_TYPE };
  const created: string[] = [];
  const kill = killSwitch(first, () => created.length);
  // Beside the creations, one client updates its own user in sequence: after the restart its counter is the last
  // acknowledged value, or the one in flight at the kill (written, its answer lost), never older.
  let lastAcknowledged = -1;
  const selfUpdates = (async () => {
    for (let n = 0; n < TOTAL * 10 && !kill.killed(); n++) {
      try {
        const res = await fetch(`${base}/_me`, { method: 'PUT', headers: auth, body: JSON.stringify({ crashCounter: n }) });
        await res.arrayBuffer();
        if (res.status === 200) lastAcknowledged = n;
      } catch {
        return;
      }
    }
  })();
  await load(async (n) => {
    const id = `crash-kuzzle-${n}`;
    const res = await fetch(`${base}/users/${id}/_create`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ content: { profileIds: ['default'] }, credentials: { local: { username: id, password: 'crash-pass-1' } } }),
    });
    await res.arrayBuffer();
    if (res.status === 200) created.push(id);
    kill.check();
  }, kill.killed);
  await selfUpdates;
  assert.ok(created.length >= KILL_AFTER);
  assert.ok(lastAcknowledged >= 0, 'some updateSelf was acknowledged');

  const { second, base: again } = await restarted('kuzzle', file, first);
  try {
    const headers = { authorization: `Bearer ${await login(again)}` };
    const lost: string[] = [];
    for (const id of created) {
      const res = await fetch(`${again}/users/${id}`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) lost.push(id);
    }
    assert.deepEqual(lost, [], `${lost.length} of ${created.length} acknowledged creations lost`);
    const me = (await (await fetch(`${again}/_me`, { headers })).json()) as { result: { _source: { crashCounter?: number } } };
    const counter = me.result._source.crashCounter;
    assert.ok(counter === lastAcknowledged || counter === lastAcknowledged + 1, `updateSelf counter ${counter}, last acknowledged ${lastAcknowledged}`);
  } finally {
    await stop(second);
  }
});

test('userapi --state: each user\'s last acknowledged update before a SIGKILL is there after a restart', async () => {
  const USERS = [
    { id: 1, email: 'alice@example.com', password: 'alice-password' },
    { id: 2, email: 'bob@example.com', password: 'bob-password' },
  ];
  const file = stateFile();
  const first = startMockProcess(['--family', 'userapi', '--state', file]);
  const base = (await first.ready)['userapi http']!;
  const tokens = await Promise.all(USERS.map(async (u) => {
    const res = await fetch(`${base}/api/login`, { method: 'POST', headers: FORM, body: `json=${encodeURIComponent(JSON.stringify({ email: u.email, password: u.password }))}` });
    return (await res.json()) as string;
  }));
  // Names must be letters only: n written in base 26.
  const nameOf = (n: number) => `Crash${n.toString(26).split('').map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('')}`;
  let acknowledged = 0;
  const kill = killSwitch(first, () => acknowledged);
  // One sequential writer per user (updates of one user from several connections have no order to check), so
  // the stored name is the last acknowledged one, or the one in flight at the kill.
  const last = USERS.map(() => -1);
  await Promise.all(USERS.map(async (user, u) => {
    for (let n = 0; n < TOTAL * 10 && !kill.killed(); n++) {
      try {
        const res = await fetch(`${base}/api/user/update`, {
          method: 'PUT',
          headers: { ...FORM, authorization: tokens[u]! },
          body: `json=${encodeURIComponent(JSON.stringify({ name: nameOf(n), surname: 'Example', email: user.email }))}`,
        });
        await res.arrayBuffer();
        if (res.status === 200) {
          last[u] = n;
          acknowledged++;
        }
        kill.check();
      } catch {
        return;
      }
    }
  }));
  assert.ok(acknowledged >= KILL_AFTER);

  const { second, base: again } = await restarted('userapi', file, first);
  try {
    for (const [u, user] of USERS.entries()) {
      const stored = ((await (await fetch(`${again}/api/user/detail/${user.id}`)).json()) as { user: { name: string } }).user.name;
      assert.ok([nameOf(last[u]!), nameOf(last[u]! + 1)].includes(stored), `${user.email}: stored ${stored}, last acknowledged ${nameOf(last[u]!)}`);
    }
  } finally {
    await stop(second);
  }
});
