// conform test's pre-flight and its checks of the command line: each bad case ends in seconds with exit 2, a
// message naming the endpoint or account (never the password), and, once a target is known, the reports written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runConform, writeTarget } from '../helpers/run-conform.ts';
import { startTestMock } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

let mock: RunningMock;
let targets: string;
const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();
async function serve(onConnection: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}
before(async () => {
  targets = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-preflight-t-'));
  mock = await startTestMock(['kuzzle', 'devicehive', 'userapi'], { targetsDir: targets });
});
after(async () => {
  for (const s of sockets) s.destroy();
  for (const s of servers) s.close();
  await mock.stop();
});
const targetOf = (family: string) => JSON.parse(fs.readFileSync(path.join(targets, `${family}.json`), 'utf8'));

async function timed(args: string[]) {
  const started = Date.now();
  const run = await runConform(args);
  return { ...run, seconds: (Date.now() - started) / 1000 };
}

for (const [family, field] of [['kuzzle', 'username'], ['devicehive', 'login']] as const) {
  test(`${family}: a wrong password exits 2 within seconds, naming the account and not the password; the reports say why`, async () => {
    const target = targetOf(family);
    target.auth.admin.password = 'wrong-Password-42';
    const run = await timed(['test', '--target', writeTarget(target)]);
    console.log(`# ${family} wrong password: exit ${run.code} after ${run.seconds.toFixed(1)} s`);
    assert.equal(run.code, 2, run.stderr);
    assert.ok(run.seconds < 15, `${run.seconds} s`);
    assert.match(run.stderr, new RegExp(`account "${target.auth.admin[field]}" cannot log in.*\\[CONFORM_ERR_CREDENTIALS\\]`));
    assert.doesNotMatch(run.stderr + run.stdout, /wrong-Password-42/);
    assert.equal(run.report?.stopped?.code, 'CONFORM_ERR_CREDENTIALS');
    assert.equal(run.report?.summary.notTested, run.report?.requirements.length);
    for (const file of ['conformance.html', 'junit.xml', 'summary.md']) assert.ok(fs.existsSync(path.join(run.reportDir, file)));
  });
}

test('userapi: a token that is not a JWT, or has expired, is refused before any test, naming the user', async () => {
  const target = targetOf('userapi');
  const notJwt = structuredClone(target);
  notJwt.auth.users[1].token = 'not-a-jwt';
  const run = await timed(['test', '--target', writeTarget(notJwt)]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, new RegExp(`the token of the userapi user ${notJwt.auth.users[1].email.replace(/[.]/g, '\\.')} is not a JWT.*CONFORM_ERR_CREDENTIALS`));
  const expired = structuredClone(target);
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  expired.auth.users[0].token = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 1, exp: Math.floor(Date.now() / 1000) - 10 })}.c2ln`;
  const late = await timed(['test', '--target', writeTarget(expired)]);
  assert.equal(late.code, 2);
  assert.match(late.stderr, /expired.*CONFORM_ERR_CREDENTIALS/);
  assert.doesNotMatch(late.stderr, new RegExp(expired.auth.users[0].token.slice(0, 20)));
});

const hostile: Array<[string, (socket: net.Socket) => void]> = [
  ['accepts connections and never answers', () => {}],
  ['resets the connection on the first byte', (socket) => socket.once('data', () => socket.resetAndDestroy())],
  ['answers garbage', (socket) => socket.once('data', () => socket.end('garbage that is not HTTP\r\n\r\n'))],
  ['drips one byte a second', (socket) => {
    const text = 'HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\n' + 'x'.repeat(1000);
    let i = 0;
    const timer = setInterval(() => (i < text.length && !socket.destroyed ? socket.write(text[i++] as string) : clearInterval(timer)), 1000);
    socket.on('close', () => clearInterval(timer));
  }],
];

test('a target that refuses connections: exit 2 within seconds, the endpoint named, the reports written', async () => {
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as net.AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const target = targetOf('kuzzle');
  Object.assign(target, { http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}`, mqtt: `mqtt://127.0.0.1:${port}` });
  const run = await timed(['test', '--target', writeTarget(target)]);
  console.log(`# unreachable kuzzle target (refused): exit ${run.code} after ${run.seconds.toFixed(1)} s`);
  assert.equal(run.code, 2);
  assert.ok(run.seconds < 15, `${run.seconds} s`);
  for (const t of ['http', 'ws', 'mqtt']) assert.match(run.stderr, new RegExp(`the ${t} endpoint ${t}://127\\.0\\.0\\.1:${port}\\S* does not answer.*\\[CONFORM_ERR_UNREACHABLE\\]`));
  assert.equal(run.report?.stopped?.stage, 'pre-flight');
  assert.equal(run.report?.summary.notTested, run.report?.requirements.length);
});

for (const [label, behaviour] of hostile) {
  test(`a kuzzle target that ${label}: exit 2 within a minute, the reports written`, async () => {
    const port = await serve(behaviour);
    const target = targetOf('kuzzle');
    Object.assign(target, { http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}`, mqtt: `mqtt://127.0.0.1:${port}` });
    const run = await timed(['test', '--target', writeTarget(target)]);
    console.log(`# kuzzle target that ${label}: exit ${run.code} after ${run.seconds.toFixed(1)} s`);
    assert.equal(run.code, 2, run.stderr);
    assert.ok(run.seconds < 60, `${run.seconds} s`);
    assert.match(run.stderr, /the http endpoint .* does not answer: .*\[CONFORM_ERR_UNREACHABLE\]/);
    assert.ok(run.report, 'conformance.json is written');
    assert.equal(run.report.stopped?.code, 'CONFORM_ERR_UNREACHABLE');
    for (const file of ['conformance.html', 'junit.xml', 'summary.md']) assert.ok(fs.existsSync(path.join(run.reportDir, file)));
  });
}

test('bad command lines exit 2 before anything runs: shard, baseline id, --mock with a target, a transport the target lacks', async () => {
  const userapi = path.join(targets, 'userapi.json');
  for (const shard of ['3/2', '0/2', 'two', '1/0']) {
    const run = await runConform(['test', '--target', userapi, '--shard', shard]);
    assert.equal(run.code, 2, shard);
    assert.match(run.stderr, /--shard .* must be i\/n with 1 ≤ i ≤ n.*CONFORM_ERR_USAGE/, shard);
    assert.doesNotMatch(run.stderr, /at .*\.js:\d+/, 'no stack trace');
  }
  const baseline = writeTarget({ 'userapi.update.no-such-requirement': { why: 'a typo' } });
  const unknown = await runConform(['test', '--target', userapi, '--baseline', baseline]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /names an id that is not a requirement of userapi: "userapi\.update\.no-such-requirement".*CONFORM_ERR_BASELINE/);
  const both = await runConform(['test', '--mock', '--target', userapi]);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /--mock certifies the built-in mock: it takes no --target/);
  const mqtt = await runConform(['test', '--target', userapi, '--transport', 'mqtt']);
  assert.equal(mqtt.code, 2);
  assert.match(mqtt.stderr, /--transport mqtt selects nothing the target offers \(it offers http\)/);
  const kuzzel = await runConform(['test', '--target', writeTarget({ ...targetOf('kuzzle'), api: 'kuzzel' })]);
  assert.equal(kuzzel.code, 2);
  assert.match(kuzzel.stderr, /\/api must be one of kuzzle, devicehive, userapi/);
  assert.doesNotMatch(kuzzel.stderr, /oneOf/);
});

test('a selection that runs no test exits 2, saying so; the reports are written', async () => {
  const run = await runConform(['test', '--target', path.join(targets, 'userapi.json'), '--grep', 'nomatch-xyz']);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /no test matched --grep "nomatch-xyz".*CONFORM_ERR_NO_TESTS/);
  assert.ok(run.report);
});

test('each shard of userapi gets tests, and together they run every test once', async () => {
  const counts: number[] = [];
  let requirements = 0;
  for (const shard of ['1/2', '2/2']) {
    const run = await runConform(['test', '--target', path.join(targets, 'userapi.json'), '--shard', shard, '--generate', '0']);
    assert.equal(run.code, 0, run.stderr);
    const ran = (run.report?.requirements ?? []).filter((r) => r.status !== 'not-tested').length;
    assert.ok(ran > 0, `shard ${shard} ran no test`);
    counts.push(ran);
    requirements = run.report?.requirements.length ?? 0;
  }
  // Without the generative phase userapi has one test per requirement, all over HTTP: the shards split them without
  // overlap (test/suites/shard.test.ts shards a run with it, merged).
  assert.equal((counts[0] ?? 0) + (counts[1] ?? 0), requirements);
});
