// `conform test --mock-url <url> [--tenant <name>]`: a running mock certified through its control API's targets
// (bin/conform.mjs: `npm run build` first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startTestMock, url } from '../helpers/start-mock.ts';
import { runConform } from '../helpers/run-conform.ts';
import type { ConformanceReport } from '../../src/reports/model.ts';

const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

async function aliceName(base: string): Promise<string> {
  const res = await fetch(`${base}/api/user/detail/1`);
  return ((await res.json()) as { user: { name: string } }).user.name;
}

test('--mock-url --tenant certifies one tenant of a running mock: its suite passes, the default tenant is left alone', async () => {
  const mock = await startTestMock(['userapi']);
  try {
    const base = url(mock, 'userapi');
    const before = await aliceName(base);
    const run = await runConform(['test', '--mock-url', base, '--tenant', 'ci-shard-1', '--family', 'userapi', '--generate', '0', '--quiet']);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    const report = JSON.parse(fs.readFileSync(path.join(run.reportDir, 'userapi', 'conformance.json'), 'utf8')) as ConformanceReport;
    assert.equal(report.summary.mustFailed, 0);
    assert.ok(report.summary.passed > 30, `passed ${report.summary.passed}`);
    assert.match(JSON.stringify(report.target), /\/__tenant\/ci-shard-1/, 'the report names the tenant the suites reached');
    // The suite renamed users in its own tenant only.
    assert.equal(await aliceName(base), before, 'the default tenant is as seeded');
    assert.doesNotMatch(run.stdout + run.stderr, JWT, 'no token in the output');
  } finally {
    await mock.stop();
  }
});

test('--mock-url refusals: a bad URL, nothing listening, a control token missing, a family the mock does not serve, --target beside it', async () => {
  const closed = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
  const cases: Array<{ args: string[]; code: string; message: RegExp }> = [
    { args: ['--mock-url', 'ftp://127.0.0.1:1'], code: 'CONFORM_ERR_USAGE', message: /http:\/\/ or https:\/\// },
    { args: ['--mock-url', 'not a url'], code: 'CONFORM_ERR_USAGE', message: /URL of one of the mock's HTTP listeners/ },
    { args: ['--mock-url', `http://user:secret-word@127.0.0.1:${closed}`], code: 'CONFORM_ERR_UNREACHABLE', message: /does not answer/ },
    { args: ['--mock-url', 'http://127.0.0.1:1', '--target', 'x.json'], code: 'CONFORM_ERR_USAGE', message: /takes no --target/ },
  ];
  for (const c of cases) {
    const run = await runConform(['test', ...c.args, '--quiet']);
    assert.equal(run.code, 2, `${c.args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, new RegExp(c.code), c.args.join(' '));
    assert.match(run.stderr, c.message, c.args.join(' '));
    assert.ok(!run.stderr.includes('secret-word'), 'the URL\'s password is not repeated');
  }
  const guarded = await startTestMock(['userapi'], { controlToken: 'control-secret-1234' });
  try {
    const base = url(guarded, 'userapi');
    const refused = await runConform(['test', '--mock-url', base, '--quiet']);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /refused its control API \(401.*CONFORM_CONTROL_TOKEN.*CONFORM_ERR_CREDENTIALS/s);
    const other = await runConform(['test', '--mock-url', base, '--family', 'kuzzle', '--quiet']);
    assert.equal(other.code, 2, other.stderr);
    // Without the token the mock says nothing, not even which families it serves.
    assert.match(other.stderr, /CONFORM_ERR_CREDENTIALS/);
  } finally {
    await guarded.stop();
  }
  const open = await startTestMock(['userapi']);
  try {
    const run = await runConform(['test', '--mock-url', url(open, 'userapi'), '--family', 'kuzzle', '--quiet']);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /serves userapi: not kuzzle.*CONFORM_ERR_USAGE/s);
  } finally {
    await open.stop();
  }
});
