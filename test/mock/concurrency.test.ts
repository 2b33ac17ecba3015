// Concurrency over real sockets (issue 11): 76 clients on every transport of every family update one record of
// each family at once, for CONFORM_CONCURRENCY_SECONDS (default 5 per family; the bench may run it 60 s). Each client sends
// its next update when the previous one is answered, and stops at the deadline (bounded: at most MAX_PER_CLIENT).
// At the end: every answer is its own success (no error code at all: retryOnConflict keeps its default), the final
// record is the last acknowledged version (no acknowledged update was sent after it was acknowledged), and where
// the record's version is observable (Kuzzle, below) versions strictly increase with no duplicate and none is lost.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import mqtt, { type MqttClient } from 'mqtt';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

const SECONDS = Number(process.env.CONFORM_CONCURRENCY_SECONDS ?? 5);
const MAX_PER_CLIENT = 100_000;
/** Clients per family and transport: 36 + 24 + 16 = 76. */
const CLIENTS = { kuzzle: { http: 12, ws: 12, mqtt: 12 }, devicehive: { http: 8, ws: 8, mqtt: 8 }, userapi: { http: 16 } };
const JSON_TYPE = { 'content-type': 'application/json' };
const DH_ADMIN = { login: 'dhadmin', password: 'dhadmin_#911' };

let mock: RunningMock;
before(async () => {
  mock = await startTestMock(['kuzzle', 'devicehive', 'userapi']);
});
after(() => mock.stop());

/** A logical clock shared by every client: an update's send and answer are ticks, so their order is exact. */
let tick = 0;

interface Acknowledged {
  /** Unique per update: which client sent it, and its number. */
  mark: string;
  sent: number;
  answered: number;
  /** What the answer shows of the record (Kuzzle: the whole user). */
  answer: unknown;
}

interface Outcome {
  acknowledged: Acknowledged[];
  /** Answers that were not the update's own success, described (status, error id). */
  unexpected: string[];
}

/** One client's channel: sends update number n carrying `mark`, resolves with the answer or a description of what went wrong. */
type Send = (mark: string, n: number) => Promise<{ ok: true; answer: unknown } | { ok: false; why: string }>;

async function drive(clients: Array<{ name: string; send: Send }>, deadline: number): Promise<Outcome> {
  const outcome: Outcome = { acknowledged: [], unexpected: [] };
  await Promise.all(clients.map(async ({ name, send }) => {
    for (let n = 0; n < MAX_PER_CLIENT && performance.now() < deadline; n++) {
      const mark = `${name}-${n}`;
      const sent = ++tick;
      const result = await send(mark, n);
      const answered = ++tick;
      if (result.ok) outcome.acknowledged.push({ mark, sent, answered, answer: result.answer });
      else if (outcome.unexpected.length < 20) outcome.unexpected.push(`${mark}: ${result.why}`);
    }
  }));
  console.log(`${clients.length} clients, ${SECONDS} s: ${outcome.acknowledged.length} updates acknowledged, ${outcome.unexpected.length} unexpected answers`);
  return outcome;
}

/** The final record must be the last acknowledged version: no acknowledged update was sent after it was answered. */
function assertLastWriterWins(outcome: Outcome, finalMark: unknown, family: string) {
  const final = outcome.acknowledged.find((a) => a.mark === finalMark);
  assert.ok(final, `${family}: the final record (${String(finalMark)}) is an acknowledged update`);
  const later = outcome.acknowledged.filter((a) => a.sent > final.answered);
  assert.deepEqual(later.map((a) => a.mark).slice(0, 5), [], `${family}: updates acknowledged after ${final.mark} was answered are not in the record`);
}

/** An answer per requestId on one WebSocket or MQTT connection. */
function correlate(onMessage: (listener: (text: string) => void) => void, idOf: (message: any) => unknown) {
  const waiting = new Map<unknown, (message: any) => void>();
  onMessage((text) => {
    const message = JSON.parse(text);
    waiting.get(idOf(message))?.(message);
    waiting.delete(idOf(message));
  });
  return (id: unknown) => new Promise<any>((resolve) => waiting.set(id, resolve));
}

async function openWs(address: string): Promise<WebSocket> {
  const socket = new WebSocket(address, { perMessageDeflate: false });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return socket;
}

const deadline = () => performance.now() + SECONDS * 1000;

test(`kuzzle: ${CLIENTS.kuzzle.http + CLIENTS.kuzzle.ws + CLIENTS.kuzzle.mqtt} clients over HTTP, WebSocket and MQTT update one user: no update fails or is lost, versions strictly increase`, async () => {
  const base = url(mock, 'kuzzle');
  const { admin } = (await mock.credentials()).kuzzle as { admin: { username: string; password: string } };
  const jwt = ((await (await fetch(`${base}/_login/local`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(admin) })).json()) as { result: { jwt: string } }).result.jwt;
  // Client k writes only its own counter key ck (and the shared key last): merged at the top level, so an answer's
  // counters show every update applied so far, and their sum (each counter n+1) is the record's version since the start.
  const body = (name: string, mark: string, n: number) => ({ [name]: n, last: mark });
  const own = (name: string, n: number) => (answer: any): string | undefined =>
    answer?.status === 200 && answer.result?._source?.[name] === n ? undefined : `status ${answer?.status} ${answer?.error?.id ?? ''}`;
  const sockets: WebSocket[] = [];
  const brokers: MqttClient[] = [];
  const clients: Array<{ name: string; send: Send }> = [];
  for (let i = 0; i < CLIENTS.kuzzle.http; i++) {
    const name = `ch${i}`;
    clients.push({ name, send: async (mark, n) => {
      const res = await fetch(`${base}/_me`, { method: 'PUT', headers: { ...JSON_TYPE, authorization: `Bearer ${jwt}` }, body: JSON.stringify(body(name, mark, n)) });
      const answer = await res.json();
      const why = own(name, n)(answer);
      return why ? { ok: false, why } : { ok: true, answer };
    } });
  }
  for (let i = 0; i < CLIENTS.kuzzle.ws; i++) {
    const name = `cw${i}`;
    const socket = await openWs(url(mock, 'kuzzle', 'ws'));
    sockets.push(socket);
    const answerTo = correlate((l) => socket.on('message', (d) => l(String(d))), (m) => m.requestId);
    clients.push({ name, send: async (mark, n) => {
      const answer = answerTo(mark);
      socket.send(JSON.stringify({ controller: 'auth', action: 'updateSelf', jwt, requestId: mark, body: body(name, mark, n) }));
      const message = await answer;
      const why = own(name, n)(message);
      return why ? { ok: false, why } : { ok: true, answer: message };
    } });
  }
  for (let i = 0; i < CLIENTS.kuzzle.mqtt; i++) {
    const name = `cm${i}`;
    const client = await mqtt.connectAsync(url(mock, 'kuzzle', 'mqtt'), { clientId: `concurrency-${name}`, reconnectPeriod: 0 });
    brokers.push(client);
    const answerTo = correlate((l) => client.on('message', (_topic, payload) => l(payload.toString())), (m) => m.requestId);
    clients.push({ name, send: async (mark, n) => {
      const answer = answerTo(mark);
      client.publish('Kuzzle/request', JSON.stringify({ controller: 'auth', action: 'updateSelf', jwt, requestId: mark, body: body(name, mark, n) }));
      const message = await answer;
      const why = own(name, n)(message);
      return why ? { ok: false, why } : { ok: true, answer: message };
    } });
  }
  try {
    const outcome = await drive(clients, deadline());
    assert.deepEqual(outcome.unexpected, [], 'every update is its own success');
    const counters = (source: Record<string, unknown>) => clients.reduce((sum, c) => sum + (typeof source[c.name] === 'number' ? (source[c.name] as number) + 1 : 0), 0);
    const versions = outcome.acknowledged.map((a) => counters((a.answer as { result: { _source: Record<string, unknown> } }).result._source));
    assert.equal(new Set(versions).size, versions.length, 'no two acknowledged answers show the same version');
    for (const c of clients) {
      const mine = outcome.acknowledged.flatMap((a, i) => (a.mark.startsWith(`${c.name}-`) ? [versions[i]!] : []));
      assert.ok(mine.every((v, i) => i === 0 || v > mine[i - 1]!), `${c.name}: versions strictly increase`);
    }
    const final = ((await (await fetch(`${base}/_me`, { headers: { authorization: `Bearer ${jwt}` } })).json()) as { result: { _source: Record<string, unknown> } }).result._source;
    assert.equal(counters(final), outcome.acknowledged.length, 'the final version counts every acknowledged update: none lost');
    assert.equal(Math.max(...versions), outcome.acknowledged.length);
    for (const c of clients) {
      const last = outcome.acknowledged.filter((a) => a.mark.startsWith(`${c.name}-`)).length - 1;
      assert.equal(final[c.name], last, `${c.name}: its last acknowledged update is in the record`);
    }
    assertLastWriterWins(outcome, final.last, 'kuzzle');
  } finally {
    for (const s of sockets) s.close();
    await Promise.all(brokers.map((b) => b.endAsync(true)));
  }
});

test(`devicehive: ${CLIENTS.devicehive.http + CLIENTS.devicehive.ws + CLIENTS.devicehive.mqtt} clients over REST, WebSocket and MQTT update one user: no update fails, the last acknowledged one wins`, async () => {
  const base = url(mock, 'devicehive');
  const accessToken = ((await (await fetch(`${base}/token`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(DH_ADMIN) })).json()) as { accessToken: string }).accessToken;
  // user/updateCurrent replaces data and answers without the record: no version is observable, only the order.
  const sockets: WebSocket[] = [];
  const brokers: MqttClient[] = [];
  const clients: Array<{ name: string; send: Send }> = [];
  for (let i = 0; i < CLIENTS.devicehive.http; i++) {
    clients.push({ name: `dh${i}`, send: async (mark) => {
      const res = await fetch(`${base}/user/current`, { method: 'PUT', headers: { ...JSON_TYPE, authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ data: { last: mark } }) });
      const text = await res.text();
      return res.status === 204 ? { ok: true, answer: null } : { ok: false, why: `status ${res.status} ${text.slice(0, 120)}` };
    } });
  }
  const success = (mark: string) => (message: any) =>
    message?.status === 'success' && message.requestId === mark ? { ok: true as const, answer: message } : { ok: false as const, why: `${message?.status} ${message?.code ?? ''} ${message?.error ?? ''}` };
  for (let i = 0; i < CLIENTS.devicehive.ws; i++) {
    const socket = await openWs(url(mock, 'devicehive', 'ws'));
    sockets.push(socket);
    const answerTo = correlate((l) => socket.on('message', (d) => l(String(d))), (m) => m.requestId);
    const authenticated = answerTo('auth');
    socket.send(JSON.stringify({ action: 'authenticate', requestId: 'auth', token: accessToken }));
    assert.equal((await authenticated).status, 'success');
    clients.push({ name: `dw${i}`, send: async (mark) => {
      const answer = answerTo(mark);
      socket.send(JSON.stringify({ action: 'user/updateCurrent', requestId: mark, user: { data: { last: mark } } }));
      return success(mark)(await answer);
    } });
  }
  for (let i = 0; i < CLIENTS.devicehive.mqtt; i++) {
    const clientId = `concurrency-dm${i}`;
    const client = await mqtt.connectAsync(url(mock, 'devicehive', 'mqtt'), { clientId, reconnectPeriod: 0, username: DH_ADMIN.login, password: DH_ADMIN.password });
    brokers.push(client);
    await client.subscribeAsync(`dh/response/user/updateCurrent@${clientId}`);
    const answerTo = correlate((l) => client.on('message', (_topic, payload) => l(payload.toString())), (m) => m.requestId);
    clients.push({ name: `dm${i}`, send: async (mark) => {
      const answer = answerTo(mark);
      client.publish('dh/request', JSON.stringify({ action: 'user/updateCurrent', requestId: mark, user: { data: { last: mark } } }));
      return success(mark)(await answer);
    } });
  }
  try {
    const outcome = await drive(clients, deadline());
    assert.deepEqual(outcome.unexpected, [], 'every update is its own success');
    const final = (await (await fetch(`${base}/user/current`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { data: { last: string } };
    assertLastWriterWins(outcome, final.data.last, 'devicehive');
  } finally {
    for (const s of sockets) s.close();
    await Promise.all(brokers.map((b) => b.endAsync(true)));
  }
});

test(`userapi: ${CLIENTS.userapi.http} HTTP clients update one user: each answer shows its own change, the last acknowledged one wins`, async () => {
  const base = url(mock, 'userapi');
  const [alice] = ((await mock.credentials()).userapi as { users: Array<{ id: number; email: string; token: string }> }).users;
  // Names are letters only: the mark's digits as letters, "z" between client and number.
  const nameOf = (mark: string) => `Hot${mark.replace(/\d/g, (d) => String.fromCharCode(97 + Number(d))).replace('-', 'z')}`;
  const clients: Array<{ name: string; send: Send }> = [];
  for (let i = 0; i < CLIENTS.userapi.http; i++) {
    clients.push({ name: `u${i}`, send: async (mark) => {
      const name = nameOf(mark);
      const res = await fetch(`${base}/api/user/update`, {
        method: 'PUT',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: alice!.token },
        body: `json=${encodeURIComponent(JSON.stringify({ name, surname: 'Example', email: alice!.email }))}`,
      });
      const answer = (await res.json()) as { changes?: { name?: string }; message?: string };
      return res.status === 200 && answer.changes?.name === name ? { ok: true, answer } : { ok: false, why: `status ${res.status} ${answer.message ?? ''}` };
    } });
  }
  const outcome = await drive(clients, deadline());
  assert.deepEqual(outcome.unexpected, [], 'every update is its own success');
  const stored = ((await (await fetch(`${base}/api/user/detail/${alice!.id}`)).json()) as { user: { name: string } }).user.name;
  const byName = new Map(outcome.acknowledged.map((a) => [nameOf(a.mark), a.mark]));
  assertLastWriterWins(outcome, byName.get(stored), 'userapi');
});
