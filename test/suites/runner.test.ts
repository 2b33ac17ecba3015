// conform test against broken targets and bad input: the run ends, reports are written, the exit code says why.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { runConform, writeTarget } from '../helpers/run-conform.ts';
import { ROOT } from '../../src/specs/paths.ts';
import { readProfile, listProfileFiles } from '../../src/specs/profiles.ts';
import { readBaseline } from '../../src/target/baseline.ts';

const servers: Array<net.Server> = [];
async function serve(server: net.Server): Promise<number> {
  servers.push(server);
  // The client resets these broken connections; that must not take this test process down.
  server.on('connection', (socket: net.Socket) => socket.on('error', () => {}));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}
after(() => {
  for (const s of servers) s.close();
});

const jwt = (sub: number) => `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub })).toString('base64url')}.c2ln`;
const users = [{ token: jwt(1), email: 'a@example.com' }, { token: jwt(2), email: 'b@example.com' }];
const userapiTarget = (port: number) => writeTarget({ api: 'userapi', name: 'broken', http: `http://127.0.0.1:${port}`, auth: { users } });
const FEW = ['--grep', 'userapi\\.update\\.(route|auth\\.raw-token|envelope\\.error)', '--timeout', '3000'];

let refusedPort = 0;
before(async () => {
  const probe = net.createServer();
  refusedPort = await serve(probe);
  probe.close();
});

const cases: Array<[string, () => Promise<number>, RegExp]> = [
  ['refuses connections', async () => refusedPort, /ECONNREFUSED/],
  ['accepts and never answers', () => serve(net.createServer(() => {})), /no complete HTTP answer within 3000 ms/],
  ['resets mid-response', () => serve(http.createServer((_req, res) => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' }); res.write('{"code":'); setTimeout(() => res.socket?.destroy(), 20); })), /closed before a complete answer|terminated|ECONNRESET/i],
  ['answers garbage', () => serve(net.createServer((socket) => { socket.write('garbage that is not HTTP\r\n\r\n'); setTimeout(() => socket.end(), 300); })), /not HTTP \(HPE_/],
];

for (const [label, start, message] of cases) {
  test(`a target that ${label}: the pre-flight says so within seconds, exit 2, the reports written`, async () => {
    const started = Date.now();
    const run = await runConform(['test', '--target', userapiTarget(await start()), ...FEW]);
    assert.equal(run.code, 2, run.stderr);
    assert.ok(Date.now() - started < 15_000, `${Date.now() - started} ms`);
    assert.ok(run.report, 'conformance.json is written');
    assert.equal(run.report.stopped?.stage, 'pre-flight');
    assert.match(run.report.stopped?.reason ?? '', message);
    assert.match(run.stderr, /does not answer.*\[CONFORM_ERR_UNREACHABLE\]/);
    assert.equal(run.report.summary.notTested, run.report.requirements.length);
    for (const file of ['conformance.html', 'junit.xml', 'summary.md', 'badge.json', 'badge.svg']) assert.ok(fs.existsSync(path.join(run.reportDir, file)));
  });
}

test('a bad target file, an unknown transport, or no target at all is a usage error (exit 2) with a clear message', async () => {
  const missing = await runConform(['test', '--target', '/nonexistent/target.json']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /target file \/nonexistent\/target\.json does not exist \[CONFORM_ERR_TARGET\]/);
  const invalid = await runConform(['test', '--target', writeTarget({ api: 'userapi', http: 'http://127.0.0.1:1', auth: { users: [users[0]] } })]);
  assert.equal(invalid.code, 2);
  assert.match(invalid.stderr, /\/auth\/users must NOT have fewer than 2 items/);
  const transport = await runConform(['test', '--target', userapiTarget(refusedPort), '--transport', 'smtp']);
  assert.equal(transport.code, 2);
  assert.match(transport.stderr, /unknown transport "smtp"/);
  const none = await runConform(['test']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /--target <file>/);
});

test('each shipped baseline is exactly its profile’s deviations', () => {
  for (const file of listProfileFiles()) {
    const profile = readProfile(file);
    const baseline = readBaseline(path.join(ROOT, 'suites', 'baselines', `${profile.name}.json`));
    assert.deepEqual(Object.keys(baseline).sort(), profile.deviations.map((d) => d.requirement).sort(), profile.name);
  }
});
